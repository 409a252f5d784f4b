// Instructor (seed 003 analytics and webhooks): the cohort dashboard with charts, the learners (searched, paged) and
// the analytics of the one chosen, report exports (started, followed, downloaded), webhooks and their deliveries. The API answers 403 to learners: the view
// says so instead of failing.
import { api, ApiError, call, sleep } from "./api";
import { byId, failure, field, fill, h, svg, text, formatDate } from "./dom";
import type { View } from "./views";

interface Trend { current: number; previous: number; change_percentage?: number | null }
interface ExportStatus { export_id: string; status: string; download_url?: string | null; file_size?: number | null; error?: string | null; format: string; report_type: string }
interface LearnerItem { user_id: string; name?: string | null; email: string; concepts_completed: number; last_active?: string | null }
interface Webhook { webhook_id: string; url: string; events: string[]; status: string; failed_deliveries: number; created_at: string }

const EVENTS = ["concept.completed", "milestone.achieved", "user.struggled", "export.completed"];
let root: HTMLElement | undefined;
let timeframe = "month";
const LEARNERS_PER_PAGE = 10;
const learners = { query: "", offset: 0, chosen: "" };

export const instructorView: View = {
  async show(container) {
    if (!root) {
      root = container;
      render();
    }
    await Promise.all([loadDashboard(), loadLearners(), loadWebhooks()]);
  },
  reset() {
    root = undefined;
    Object.assign(learners, { query: "", offset: 0, chosen: "" });
  },
};

function render(): void {
  const frame = h("select", { id: "dashboard-timeframe" }, ...["day", "week", "month", "quarter", "year", "all"].map((t) => h("option", { value: t, selected: t === timeframe }, t)));
  frame.addEventListener("change", () => {
    timeframe = frame.value;
    void loadDashboard();
  });

  const search = h("input", { type: "search", id: "learner-search", maxlength: 200, placeholder: "Name or email" });
  const learnerForm = h("form", { class: "inline-form", role: "search", novalidate: true }, field("Find a learner", search),
    h("button", { type: "submit", class: "secondary" }, "Search"));
  learnerForm.addEventListener("submit", (event) => {
    event.preventDefault();
    learners.query = search.value.trim();
    learners.offset = 0;
    void loadLearners();
  });

  const reportType = h("select", { id: "export-type" }, ...["learner_progress", "concept_analytics", "milestone_summary"].map((t) => h("option", { value: t }, t.replace("_", " "))));
  const format = h("select", { id: "export-format" }, ...["csv", "pdf", "xlsx"].map((f) => h("option", { value: f }, f.toUpperCase())));
  const exportForm = h("form", { class: "stack", novalidate: true }, field("Report", reportType), field("Format", format),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Export report")), h("div", { id: "export-status", "aria-live": "polite" }));
  exportForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void runExport(reportType.value, format.value);
  });

  const url = h("input", { type: "url", required: true, placeholder: "https://example.com/hooks/learntrac" });
  const secret = h("input", { type: "text", required: true, minlength: 16, autocomplete: "off" });
  const events = h("fieldset", {}, h("legend", {}, "Events"), ...EVENTS.map((e) => h("label", { class: "option" }, h("input", { type: "checkbox", name: "event", value: e, checked: e === "concept.completed" }), ` ${e}`)));
  const hookError = h("p", { class: "error", role: "alert" });
  const hookForm = h("form", { class: "stack", novalidate: true }, field("Webhook URL", url), field("Secret", secret), events,
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Add webhook")), hookError);
  hookForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    hookError.textContent = "";
    const chosen = [...hookForm.querySelectorAll<HTMLInputElement>("input[name=event]:checked")].map((i) => i.value);
    try {
      await call(api.POST("/api/learntrac/v1/webhooks", { body: { url: url.value.trim(), secret: secret.value, events: chosen, active: true } }));
      url.value = "";
      secret.value = "";
      await loadWebhooks();
    } catch (error) {
      hookError.textContent = (error as Error).message;
    }
  });

  fill(root!,
    h("h2", { tabindex: -1 }, "Instructor"),
    h("section", { class: "panel", "aria-labelledby": "dashboard-title" },
      h("div", { class: "panel-head" }, h("h3", { id: "dashboard-title" }, "Cohort dashboard"), field("Timeframe", frame)),
      h("div", { id: "dashboard" })),
    h("section", { class: "panel", "aria-labelledby": "learner-title" }, h("h3", { id: "learner-title" }, "Learners"), learnerForm,
      h("p", { id: "learner-count", class: "hint", "aria-live": "polite" }), h("ul", { id: "learners", class: "item-list" }),
      h("div", { id: "learner-pages", class: "actions" }), h("div", { id: "learner-analytics", "aria-live": "polite" })),
    h("div", { class: "two-columns" },
      h("section", { class: "panel", "aria-labelledby": "export-title" }, h("h3", { id: "export-title" }, "Export"), exportForm),
      h("section", { class: "panel", "aria-labelledby": "webhooks-title" }, h("h3", { id: "webhooks-title" }, "Webhooks"), hookForm,
        h("ul", { id: "webhooks", class: "item-list" }), h("div", { id: "deliveries" }))));
}

function forbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

async function loadDashboard(): Promise<void> {
  const box = document.getElementById("dashboard");
  if (!box) return;
  try {
    const d = await call(api.GET("/api/learntrac/v1/analytics/dashboard", { params: { query: { timeframe } } }));
    const s = d.summary;
    fill(box,
      h("dl", { class: "stats" },
        stat("Active learners", s.active_learners), stat("Concepts completed", s.concepts_completed),
        stat("Average mastery", s.average_mastery_score == null ? "–" : `${Math.round(s.average_mastery_score * 100)}%`),
        stat("Learning hours", Math.round(s.total_learning_hours * 10) / 10),
        stat("Completion rate", trend(d.trends.completion_rate)), stat("Engagement", trend(d.trends.engagement_score))),
      h("h4", {}, "Top concepts"),
      d.top_concepts.length ? barChart(d.top_concepts.map((c) => [c.title ?? `#${c.concept_id}`, c.completions]), "Completions per concept") : text("p", "No completions yet.", "hint"),
      h("h4", {}, "Struggling areas"),
      d.struggling_areas.length
        ? h("ul", { class: "item-list" }, ...d.struggling_areas.map((a) => h("li", {}, text("strong", a.title ?? `#${a.concept_id}`), text("span", `${Math.round(a.failure_rate * 100)}% failed · ${a.average_attempts} attempts`, "hint"))))
        : text("p", "Nobody is struggling.", "hint"));
  } catch (error) {
    if (forbidden(error)) box.replaceChildren(text("p", "The dashboard is for instructors: ask an admin for the instructor role.", "hint"));
    else box.replaceChildren(failure((error as Error).message, () => void loadDashboard()));
  }
}

function stat(label: string, value: string | number): HTMLElement {
  return h("div", {}, h("dt", {}, label), h("dd", {}, String(value)));
}

function trend(t: Trend): string {
  const change = t.change_percentage == null ? "" : ` (${t.change_percentage >= 0 ? "+" : ""}${Math.round(t.change_percentage)}%)`;
  return `${Math.round(t.current * 100) / 100}${change}`;
}

function barChart(rows: [string, number][], label: string): SVGSVGElement {
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const rowHeight = 26, labelWidth = 190, width = 560;
  const picture = svg("svg", { viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, class: "bar-chart", role: "img", "aria-label": `${label}: ${rows.map(([n, v]) => `${n} ${v}`).join(", ")}` });
  rows.forEach(([name, value], index) => {
    const y = index * rowHeight + 2;
    const length = ((width - labelWidth - 40) * value) / max;
    picture.append(svg("text", { x: 0, y: y + 16, class: "axis-label" }, name.length > 28 ? `${name.slice(0, 27)}…` : name),
      svg("rect", { x: labelWidth, y, width: Math.max(2, length), height: rowHeight - 8, class: "bar bar-completed" }),
      svg("text", { x: labelWidth + length + 6, y: y + 16, class: "axis-label" }, String(value)));
  });
  return picture;
}

/** A page of learners (most recently active first); choosing one shows their analytics below the list. */
async function loadLearners(): Promise<void> {
  const list = document.getElementById("learners");
  if (!list) return;
  const count = byId("learner-count");
  const pages = byId("learner-pages");
  try {
    const page = await call(api.GET("/api/learntrac/v1/analytics/learners", { params: { query: { limit: LEARNERS_PER_PAGE, offset: learners.offset, q: learners.query || undefined } } }));
    count.textContent = page.total === 0 ? (learners.query ? "No learner matches." : "No learners yet.")
      : `Learners ${page.offset + 1}–${page.offset + page.learners.length} of ${page.total}`;
    list.replaceChildren(...page.learners.map((learner) => h("li", { "data-user-id": learner.user_id },
      h("button", { type: "button", class: "link-button", "aria-pressed": String(learner.user_id === learners.chosen), onclick: () => void loadLearner(learner) },
        learner.name || learner.email),
      text("span", learner.email, "hint"),
      text("span", `${learner.concepts_completed} concept${learner.concepts_completed === 1 ? "" : "s"} completed · ${learner.last_active ? `last active ${learner.last_active}` : "not active yet"}`, "hint"))));
    const turn = (offset: number) => () => {
      learners.offset = Math.max(0, offset);
      void loadLearners();
    };
    pages.replaceChildren(...(page.total > LEARNERS_PER_PAGE ? [
      h("button", { type: "button", class: "secondary", disabled: learners.offset === 0, onclick: turn(learners.offset - LEARNERS_PER_PAGE) }, "Previous learners"),
      h("button", { type: "button", class: "secondary", disabled: learners.offset + page.learners.length >= page.total, onclick: turn(learners.offset + LEARNERS_PER_PAGE) }, "More learners"),
    ] : []));
  } catch (error) {
    count.textContent = "";
    pages.replaceChildren();
    if (forbidden(error)) list.replaceChildren(text("li", "The learner list is for instructors.", "hint"));
    else list.replaceChildren(h("li", {}, failure((error as Error).message, () => void loadLearners())));
  }
}

async function loadLearner(chosen: LearnerItem): Promise<void> {
  const box = byId("learner-analytics");
  learners.chosen = chosen.user_id;
  document.querySelectorAll("#learners li").forEach((item) =>
    item.querySelector("button")?.setAttribute("aria-pressed", String(item.getAttribute("data-user-id") === chosen.user_id)));
  try {
    const learner = await call(api.GET("/api/learntrac/v1/analytics/learner/{user_id}", { params: { path: { user_id: Number(chosen.user_id) } } }));
    const p = learner.performance_metrics;
    const heading = h("h4", { id: "learner-analytics-title", tabindex: -1 }, `Analytics of ${chosen.name || chosen.email}`);
    fill(box, heading, h("dl", { class: "stats" },
      stat("Overall mastery", p.overall_mastery == null ? "–" : `${Math.round(p.overall_mastery * 100)}%`),
      stat("Concepts per week", p.concepts_per_week),
      stat("Exercise success", p.exercise_success_rate == null ? "–" : `${Math.round(p.exercise_success_rate * 100)}%`),
      stat("Pace", learner.recommendations.suggested_pace_adjustment)),
      learner.recommendations.focus_areas.length ? text("p", `Focus on: ${learner.recommendations.focus_areas.join(", ")}`) : null);
    heading.focus();
  } catch (error) {
    box.replaceChildren(failure((error as Error).message, () => void loadLearner(chosen)));
  }
}

async function runExport(reportType: string, format: string): Promise<void> {
  const status = document.getElementById("export-status")!;
  status.replaceChildren(text("p", "Preparing the report…", "hint"));
  try {
    const started = await call(api.POST("/api/learntrac/v1/analytics/export", { body: { report_type: reportType, format } }));
    let current: ExportStatus | null = null;
    for (let i = 0; i < 120; i++) {
      current = await call(api.GET("/api/learntrac/v1/analytics/export/{export_id}/status", { params: { path: { export_id: started.export_id } } }));
      if (current.status === "completed" || current.status === "failed") break;
      await sleep(500);
    }
    if (!current || current.status !== "completed" || !current.download_url) throw new Error(current?.error ?? "The export did not finish.");
    const done = current;
    const name = `${done.report_type}-${done.export_id}.${done.format}`;
    status.replaceChildren(h("p", {}, `Ready (${done.file_size ?? "?"} bytes). `,
      h("button", { type: "button", id: "export-download", onclick: () => void download(done.export_id, name) }, `Download ${name}`)));
  } catch (error) {
    status.replaceChildren(failure(forbidden(error) ? "Exports are for instructors." : (error as Error).message, () => void runExport(reportType, format)));
  }
}

/** The download needs the bearer token, so it is fetched and handed to the browser as a file. */
async function download(exportId: string, name: string): Promise<void> {
  const { data, response } = await api.GET("/api/learntrac/v1/analytics/export/{export_id}/download", { params: { path: { export_id: exportId } }, parseAs: "blob" });
  if (!response.ok || !data) throw new ApiError(`The download failed (HTTP ${response.status}).`, response.status);
  const href = URL.createObjectURL(data);
  const link = h("a", { href, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

async function loadWebhooks(): Promise<void> {
  const list = document.getElementById("webhooks");
  if (!list) return;
  try {
    const { webhooks } = await call(api.GET("/api/learntrac/v1/webhooks"));
    list.replaceChildren(...(webhooks.length ? webhooks.map((w) => h("li", { "data-webhook-id": w.webhook_id },
      text("strong", w.url), text("span", w.status, `badge badge-${w.status}`), text("span", w.events.join(", "), "hint"),
      h("button", { type: "button", class: "secondary", onclick: () => void loadDeliveries(w) }, "Deliveries"),
      h("button", { type: "button", class: "secondary", onclick: async () => { await call(api.DELETE("/api/learntrac/v1/webhooks/{webhook_id}", { params: { path: { webhook_id: w.webhook_id } } })).catch(() => null); await loadWebhooks(); } }, "Remove")))
      : [text("li", "No webhooks.", "hint")]));
  } catch (error) {
    if (forbidden(error)) list.replaceChildren(text("li", "Webhooks are for instructors.", "hint"));
    else list.replaceChildren(h("li", {}, failure((error as Error).message, () => void loadWebhooks())));
  }
}

async function loadDeliveries(webhook: Webhook): Promise<void> {
  const box = document.getElementById("deliveries")!;
  try {
    const { deliveries } = await call(api.GET("/api/learntrac/v1/webhooks/{webhook_id}/deliveries", { params: { path: { webhook_id: webhook.webhook_id } } }));
    fill(box, h("h4", {}, `Deliveries to ${webhook.url}`),
      deliveries.length ? h("table", { class: "table" },
        h("tr", {}, h("th", {}, "Event"), h("th", {}, "Status"), h("th", {}, "Attempts"), h("th", {}, "Last answer"), h("th", {}, "When"), h("th", {}, "")),
        ...deliveries.map((d) => h("tr", {}, h("td", {}, d.event), h("td", {}, d.status), h("td", {}, d.attempts),
          h("td", {}, d.last_status_code ? `HTTP ${d.last_status_code}` : d.last_error ?? ""), h("td", {}, formatDate(d.created_at)),
          h("td", {}, h("button", { type: "button", class: "secondary", onclick: async () => {
            await call(api.POST("/api/learntrac/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver", { params: { path: { webhook_id: webhook.webhook_id, delivery_id: d.delivery_id } } })).catch(() => null);
            await loadDeliveries(webhook);
          } }, "Redeliver")))))
        : text("p", "No deliveries yet.", "hint"));
  } catch (error) {
    box.replaceChildren(failure((error as Error).message, () => void loadDeliveries(webhook)));
  }
}
