// Concepts (seed 003): the curriculum with filters, a concept's detail, starting and completing it, and its exercises
// with graded feedback.
import { api, call } from "./api";
import { failure, field, fill, formatDate, h, text } from "./dom";
import type { View } from "./views";

export const LT = "/api/learntrac/v1";

interface ConceptSummary {
  id: number; title: string; description: string; type: string; status: string; difficulty: number;
  component?: string | null; milestone?: string | null; prerequisites: number[]; estimated_time: string; tags: string[];
}
interface ConceptDetail extends Omit<ConceptSummary, "prerequisites"> {
  prerequisites: { id: number; title: string; status: string }[];
  learning_objectives: string[];
  resources: { type: string; title: string; url: string }[];
  exercises: { id: string; title: string; type: string; points: number }[];
  mastery: number;
  /** The caller's open learning session (from the server, so it survives a reload): complete needs its id. */
  active_session?: { session_id: string; started_at: string; learning_mode: string } | null;
}
interface ExerciseStart {
  session_id: string;
  exercise: { id: string; title: string; type: string; instructions: string; requirements: string[]; starter_code: string;
    questions: { number: number; question: string; options: string[] }[] };
}
interface Graded {
  result: { score: number; max_score: number; tests_passed: number; tests_total: number; status: string };
  feedback: { strengths: string[]; improvements: string[]; detailed_feedback: string; suggested_reading: { concept_id: number; title: string }[]; grader: string };
  achievements: { id: string; title: string; description: string }[];
}

let root: HTMLElement | undefined;
const filters = { status: "", type: "", difficulty: "", milestone: "" };
let openConceptId: number | null = null;

export const conceptsView: View = {
  async show(container) {
    if (!root) {
      root = container;
      render();
    }
    await loadConcepts();
    const linked = Number(location.hash.split("/")[2]); // #/concepts/12 (from the graph)
    if (linked > 0) await openConcept(linked);
    else if (openConceptId) await openConcept(openConceptId, false);
  },
  reset() {
    root = undefined;
    openConceptId = null;
  },
};

function select(name: keyof typeof filters, label: string, options: string[]): HTMLElement {
  const control = h("select", { id: `concept-filter-${name}` }, h("option", { value: "" }, "Any"), ...options.map((o) => h("option", { value: o }, o)));
  control.addEventListener("change", () => {
    filters[name] = control.value;
    void loadConcepts();
  });
  return field(label, control);
}

function render(): void {
  root!.append(
    h("h2", { tabindex: -1 }, "Concepts"),
    h("form", { class: "filters", "aria-label": "Filter concepts", onsubmit: (event: Event) => event.preventDefault() },
      select("status", "Status", ["new", "learning", "practicing", "completed", "mastered"]),
      select("type", "Type", ["task", "feature", "enhancement", "bug"]),
      select("difficulty", "Difficulty", ["1", "2", "3", "4", "5"]),
      select("milestone", "Milestone", [])),
    h("div", { class: "two-columns" },
      h("section", { class: "panel", "aria-labelledby": "concept-list-title" }, h("h3", { id: "concept-list-title" }, "Curriculum"),
        h("p", { id: "concept-count", class: "hint", "aria-live": "polite" }), h("ul", { id: "concept-list", class: "item-list" })),
      h("section", { id: "concept-detail", class: "panel" }, h("p", { class: "hint" }, "Choose a concept."))));
}

async function loadMilestones(): Promise<void> {
  const select = document.getElementById("concept-filter-milestone");
  if (!select || select.childElementCount > 1) return;
  const report = await call(api.GET("/api/learntrac/v1/progress")).catch(() => ({ milestones: [] as { name: string }[] }));
  select.append(...report.milestones.map((m) => h("option", { value: m.name }, m.name)));
}

export async function loadConcepts(): Promise<void> {
  const list = document.getElementById("concept-list");
  if (!list) return;
  void loadMilestones();
  try {
    const result = await call(api.GET("/api/learntrac/v1/concepts", { params: { query: { status: filters.status || undefined, type: filters.type || undefined, milestone: filters.milestone || undefined,
      difficulty: filters.difficulty ? Number(filters.difficulty) : undefined, limit: 100 } } }));
    document.getElementById("concept-count")!.textContent = `${result.total} concepts`;
    list.replaceChildren(...(result.concepts.length ? result.concepts.map((c) => h("li", { "data-concept-id": c.id },
      h("button", { type: "button", class: "link-button", onclick: () => void openConcept(c.id) }, c.title),
      text("span", c.status, `badge badge-${c.status}`), text("span", `${c.type} · difficulty ${c.difficulty} · ${c.estimated_time}`, "hint")))
      : [text("li", "No concepts match.", "hint")]));
  } catch (error) {
    list.replaceChildren(h("li", {}, failure((error as Error).message, () => void loadConcepts())));
  }
}

export async function openConcept(id: number, focus = true): Promise<void> {
  openConceptId = id;
  // The open concept is in the URL (without a hashchange), so a reload comes back to it.
  if (location.hash.startsWith("#/concepts") && location.hash !== `#/concepts/${id}`) history.replaceState(null, "", `#/concepts/${id}`);
  const detail = document.getElementById("concept-detail");
  if (!detail) return;
  let concept: ConceptDetail;
  try {
    concept = await call(api.GET("/api/learntrac/v1/concepts/{concept_id}", { params: { path: { concept_id: String(id) } } }));
  } catch (error) {
    detail.replaceChildren(failure((error as Error).message, () => void openConcept(id)));
    return;
  }
  const outcome = h("p", { id: "concept-outcome", class: "hint", role: "status" });
  const session = concept.active_session ?? null;
  const heading = h("h3", { id: "concept-title", tabindex: -1 }, concept.title);
  fill(detail,
    heading,
    h("p", {}, text("span", concept.status, `badge badge-${concept.status}`), ` mastery ${Math.round(concept.mastery * 100)}%`),
    text("p", concept.description),
    concept.prerequisites.length ? h("p", { class: "hint" }, `Needs: ${concept.prerequisites.map((p) => `${p.title} (${p.status})`).join(", ")}`) : null,
    concept.learning_objectives.length ? h("ul", { "aria-label": "Learning objectives" }, ...concept.learning_objectives.map((o) => text("li", o))) : null,
    h("div", { class: "actions" },
      h("button", { type: "button", id: "concept-start", disabled: session !== null || concept.status === "locked", onclick: () => void startConcept(concept, outcome) }, "Start learning"),
      h("button", { type: "button", id: "concept-complete", class: "secondary", disabled: session === null, onclick: () => void completeConcept(concept, outcome) }, "Complete concept")),
    session ? h("p", { id: "concept-session", class: "hint" }, `In progress since ${formatDate(session.started_at)} (${session.learning_mode}).`) : null,
    outcome,
    h("h4", {}, "Exercises"),
    concept.exercises.length
      ? h("ul", { class: "item-list", id: "concept-exercises" }, ...concept.exercises.map((e) => h("li", {},
        text("strong", e.title), text("span", `${e.type} · ${e.points} points`, "hint"),
        h("button", { type: "button", class: "secondary", onclick: () => void startExercise(e.id) }, `Try ${e.title}`))))
      : text("p", "No exercises for this concept.", "hint"),
    h("div", { id: "exercise-panel" }));
  if (focus) heading.focus();
}

async function startConcept(concept: ConceptDetail, outcome: HTMLElement): Promise<void> {
  try {
    await call(api.POST("/api/learntrac/v1/concepts/{concept_id}/start", { params: { path: { concept_id: String(concept.id) } }, body: { learning_mode: "guided" } }));
    await openConcept(concept.id, false);
    document.getElementById("concept-outcome")!.textContent = "Started: learn, practise, then complete it.";
    await loadConcepts();
  } catch (error) {
    outcome.textContent = (error as Error).message;
  }
}

async function completeConcept(concept: ConceptDetail, outcome: HTMLElement): Promise<void> {
  try {
    const done = await call(api.POST("/api/learntrac/v1/concepts/{concept_id}/complete", { params: { path: { concept_id: String(concept.id) } },
      body: { session_id: concept.active_session?.session_id, time_spent: secondsSince(concept.active_session?.started_at), completion_type: "completed" } }));
    await openConcept(concept.id, false);
    document.getElementById("concept-outcome")!.textContent = `Completed: ${done.status}, mastery ${Math.round(done.mastery_score * 100)}%.`;
    await loadConcepts();
  } catch (error) {
    outcome.textContent = (error as Error).message;
  }
}

/** Time spent on the session so far, within the API's bounds (0 to a week). */
function secondsSince(startedAt: string | undefined): number {
  const started = startedAt ? Date.parse(startedAt) : NaN;
  return Number.isNaN(started) ? 0 : Math.min(7 * 24 * 3600, Math.max(0, Math.round((Date.now() - started) / 1000)));
}

async function startExercise(exerciseId: string): Promise<void> {
  const panel = document.getElementById("exercise-panel")!;
  let start: ExerciseStart;
  try {
    start = await call(api.POST("/api/learntrac/v1/exercises/{exercise_id}/start", { params: { path: { exercise_id: exerciseId } } }));
  } catch (error) {
    panel.replaceChildren(failure((error as Error).message, () => void startExercise(exerciseId)));
    return;
  }
  const exercise = start.exercise;
  const result = h("div", { id: "exercise-result", "aria-live": "polite" });
  const form = h("form", { class: "exercise stack", novalidate: true });
  const quiz = exercise.questions.length > 0;
  if (quiz) {
    exercise.questions.forEach((question, index) => {
      form.append(h("fieldset", {}, h("legend", {}, question.question),
        ...question.options.map((option, optionIndex) => h("label", { class: "option" },
          h("input", { type: "radio", name: `q${index}`, value: optionIndex, required: true }), ` ${option}`))));
    });
  } else {
    const code = h("textarea", { rows: 8, name: "code", class: "code" });
    code.value = exercise.starter_code ?? "";
    form.append(field("Your solution", code));
  }
  form.append(h("div", { class: "actions" }, h("button", { type: "submit" }, "Submit for grading")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const solution = quiz
      ? { answers: exercise.questions.map((_, index) => Number((form.querySelector<HTMLInputElement>(`input[name=q${index}]:checked`)?.value) ?? 0)) }
      : { code: (form.querySelector("textarea") as HTMLTextAreaElement).value, language: "markdown" };
    try {
      const graded = await call(api.POST("/api/learntrac/v1/exercises/{exercise_id}/submit", { params: { path: { exercise_id: exercise.id } },
        body: { exercise_id: exercise.id, session_id: start.session_id, solution, request_feedback: true } }));
      renderGrade(result, graded);
      form.querySelector("button")!.disabled = true;
    } catch (error) {
      result.replaceChildren(failure((error as Error).message, () => form.requestSubmit()));
    }
  });
  const heading = h("h4", { tabindex: -1 }, exercise.title);
  fill(panel, heading, text("p", exercise.instructions),
    exercise.requirements.length ? h("ul", {}, ...exercise.requirements.map((r) => text("li", r))) : null, form, result);
  heading.focus();
}

function renderGrade(container: HTMLElement, graded: Graded): void {
  const { result, feedback } = graded;
  fill(container,
    h("p", { class: `grade grade-${result.status}` }, text("strong", `Score ${result.score} / ${result.max_score}`), ` · ${result.status}`),
    text("p", feedback.detailed_feedback),
    feedback.strengths.length ? h("div", {}, h("h5", {}, "Strengths"), h("ul", {}, ...feedback.strengths.map((s) => text("li", s)))) : null,
    feedback.improvements.length ? h("div", {}, h("h5", {}, "To improve"), h("ul", {}, ...feedback.improvements.map((s) => text("li", s)))) : null,
    graded.achievements.length ? h("p", {}, `Achievements: ${graded.achievements.map((a) => a.title).join(", ")}`) : null,
    text("p", `Graded by ${feedback.grader}`, "hint"));
}
