// Schedule (seed 004): the week's study blocks (one GET per day), adding a block, a study plan for a goal or course
// whose suggested blocks are accepted into the schedule with one call, reminders, and reminders arriving live over the
// realtime socket (/api/v1/realtime/ws).
import { api, call, socketUrl } from "./api";
import type { Schema } from "../../clients/typescript/src/index";
import { failure, field, fill, h, text } from "./dom";
import type { View } from "./views";

type SuggestedBlock = Schema<"PipelineEdgeApiScheduleAcceptBlockInput">;
interface ReminderFrame { type: "reminder"; event_id: string; reminder_id: number; message: string; remind_at: string; delivered_at: string }

let root: HTMLElement | undefined;
let weekStart = mondayOf(new Date());
let socket: WebSocket | null = null;
let lastEventId: string | null = null;

export const scheduleView: View = {
  async show(container) {
    if (!root) {
      root = container;
      render();
    }
    connect();
    await Promise.all([loadWeek(), loadReminders(), loadPlanSources()]);
  },
  reset() {
    const ws = socket;
    socket = null;
    ws?.close();
    root = undefined;
    lastEventId = null;
  },
};

function mondayOf(date: Date): Date {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return day;
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function localInput(date: Date): string {
  return `${isoDay(date)}T${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

function render(): void {
  const now = new Date();
  const title = h("input", { type: "text", required: true, maxlength: 200 });
  const start = h("input", { type: "datetime-local", required: true, value: localInput(new Date(now.getTime() + 3600_000)) });
  const minutes = h("input", { type: "number", min: 5, max: 600, value: 60, required: true });
  const blockError = h("p", { class: "error", role: "alert" });
  const blockForm = h("form", { class: "stack", novalidate: true }, field("Block title", title), field("Starts", start), field("Minutes", minutes),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Add block")), blockError);
  blockForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    blockError.textContent = "";
    const begin = new Date(start.value);
    if (!title.value.trim() || Number.isNaN(begin.getTime())) {
      blockError.textContent = "Give the block a title and a start.";
      return;
    }
    try {
      await call(api.POST("/api/v1/schedule", { body: { title: title.value.trim(), start: begin.toISOString(), end: new Date(begin.getTime() + Number(minutes.value) * 60_000).toISOString() } }));
      title.value = "";
      weekStart = mondayOf(begin);
      await loadWeek();
    } catch (error) {
      blockError.textContent = (error as Error).message;
    }
  });

  const message = h("input", { type: "text", required: true, maxlength: 500 });
  const inMinutes = h("input", { type: "number", min: 0, max: 10080, value: 1, step: "any" });
  const reminderError = h("p", { class: "error", role: "alert" });
  const reminderForm = h("form", { class: "stack", novalidate: true }, field("Reminder", message), field("In minutes", inMinutes),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Set reminder")), reminderError);
  reminderForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    reminderError.textContent = "";
    if (!message.value.trim()) {
      reminderError.textContent = "Write the reminder.";
      return;
    }
    try {
      await call(api.POST("/api/v1/reminders", { body: { message: message.value.trim(), remind_at: new Date(Date.now() + Number(inMinutes.value) * 60_000).toISOString() } }));
      message.value = "";
      await loadReminders();
    } catch (error) {
      reminderError.textContent = (error as Error).message;
    }
  });

  fill(root!,
    h("h2", { tabindex: -1 }, "Schedule"),
    h("div", { id: "reminder-toasts", class: "toasts", role: "status", "aria-live": "polite" }),
    h("div", { class: "week-nav" },
      h("button", { type: "button", class: "secondary", onclick: () => { weekStart = new Date(weekStart.getTime() - 7 * 86_400_000); void loadWeek(); } }, "Previous week"),
      h("strong", { id: "week-label" }),
      h("button", { type: "button", class: "secondary", onclick: () => { weekStart = new Date(weekStart.getTime() + 7 * 86_400_000); void loadWeek(); } }, "Next week")),
    h("ol", { id: "week", class: "week", "aria-label": "This week" }),
    h("section", { class: "panel", "aria-labelledby": "plan-title" }, h("h3", { id: "plan-title" }, "Study plan"), planForm(),
      h("div", { id: "plan", "aria-live": "polite" })),
    h("div", { class: "two-columns" },
      h("section", { class: "panel", "aria-labelledby": "block-title" }, h("h3", { id: "block-title" }, "New study block"), blockForm),
      h("section", { class: "panel", "aria-labelledby": "reminders-title" }, h("h3", { id: "reminders-title" }, "Reminders"), reminderForm,
        h("p", { id: "realtime-status", class: "hint" }), h("ul", { id: "reminders", class: "item-list" }))));
}

// ---------- a study plan: suggested, then accepted into the schedule ----------

function planForm(): HTMLElement {
  const source = h("select", { id: "plan-source", required: true }, h("option", { value: "" }, "Choose a goal or course"));
  const error = h("p", { class: "error", role: "alert", id: "plan-error" });
  const form = h("form", { class: "stack", novalidate: true }, field("Plan for", source),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Suggest a plan")), error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const [kind, id] = source.value.split(":");
    if (!id) {
      error.textContent = "Choose a goal or a course to plan for.";
      return;
    }
    const button = form.querySelector("button")!;
    button.disabled = true;
    try {
      const plan = await call(api.POST("/api/v1/ai/create-plan", { body: kind === "goal" ? { goalId: Number(id) } : { courseId: Number(id) } }));
      showPlan(plan);
    } catch (error_) {
      error.textContent = (error_ as Error).message;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The user's goals and own or enrolled courses, as the plan's choices. */
async function loadPlanSources(): Promise<void> {
  const select = document.getElementById("plan-source") as HTMLSelectElement | null;
  if (!select) return;
  try {
    const [goals, created, enrolled] = await Promise.all([
      call(api.GET("/api/v1/goals", { params: { query: { limit: 100 } } })),
      call(api.GET("/api/v1/courses", { params: { query: { filter: "created", limit: 100 } } })),
      call(api.GET("/api/v1/courses", { params: { query: { filter: "enrolled", limit: 100 } } })),
    ]);
    const courses = new Map([...created.items, ...enrolled.items].map((course) => [course.id, course.title]));
    select.replaceChildren(h("option", { value: "" }, "Choose a goal or course"),
      ...goals.items.filter((goal) => goal.status !== "completed").map((goal) => h("option", { value: `goal:${goal.id}` }, `Goal: ${goal.title}`)),
      ...[...courses].map(([id, title]) => h("option", { value: `course:${id}` }, `Course: ${title}`)));
  } catch (error) {
    const message = document.getElementById("plan-error");
    if (message) message.textContent = (error as Error).message;
  }
}

function blockTime(block: { start?: string | null; end?: string | null }): string {
  if (!block.start) return "";
  const start = new Date(block.start);
  const end = block.end ? new Date(block.end) : null;
  const time = (date: Date) => date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return `${start.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" })} ${time(start)}${end ? `–${time(end)}` : ""}`;
}

function showPlan(plan: { title: string; summary: string; suggested_blocks: SuggestedBlock[] }): void {
  const box = document.getElementById("plan");
  if (!box) return;
  const choices = plan.suggested_blocks.map((block) => ({ block, box: h("input", { type: "checkbox", checked: true }) }));
  const outcome = h("p", { id: "plan-outcome", role: "status" });
  const accept = h("button", { type: "button", id: "plan-accept" }, "Accept into schedule");
  accept.addEventListener("click", async () => {
    const blocks = choices.filter((choice) => choice.box.checked).map((choice) => choice.block);
    if (!blocks.length) {
      outcome.textContent = "Choose at least one block.";
      return;
    }
    accept.disabled = true;
    try {
      const added = await call(api.POST("/api/v1/schedule/accept", { body: { blocks } }));
      outcome.textContent = `Added ${added.total} block${added.total === 1 ? "" : "s"} to your schedule.`;
      choices.forEach((choice) => { choice.box.disabled = true; });
      const first = added.items[0];
      if (first) weekStart = mondayOf(new Date(first.start));
      await loadWeek();
    } catch (error) {
      accept.disabled = false;
      outcome.textContent = (error as Error).message;
    }
  });
  fill(box, h("h4", {}, plan.title), text("p", plan.summary, "hint"),
    plan.suggested_blocks.length
      ? h("ul", { class: "item-list", id: "plan-blocks", "aria-label": "Suggested blocks" }, ...choices.map(({ block, box: check }) =>
        h("li", {}, h("label", { class: "option" }, check, ` ${block.title}`), text("span", blockTime(block), "hint"))))
      : text("p", "No sessions to suggest: the goal is reached.", "hint"),
    plan.suggested_blocks.length ? h("div", { class: "actions" }, accept) : null, outcome);
}

async function loadWeek(): Promise<void> {
  const week = document.getElementById("week");
  if (!week) return;
  const days = Array.from({ length: 7 }, (_, i) => new Date(weekStart.getFullYear(), weekStart.getMonth(), weekStart.getDate() + i));
  document.getElementById("week-label")!.textContent = `${days[0].toLocaleDateString()} – ${days[6].toLocaleDateString()}`;
  try {
    const blocks = await Promise.all(days.map((day) => call(api.GET("/api/v1/schedule", { params: { query: { date: isoDay(day) } } }))));
    const today = isoDay(new Date());
    // A block past midnight is on both days' lists: it is shown once, on the day it starts.
    const shown = new Set<string>();
    week.replaceChildren(...days.map((day, index) => {
      const items = (blocks[index].items ?? []).filter((b) => {
        const key = `${b.id}@${b.start}`;
        if (shown.has(key)) return false;
        shown.add(key);
        return true;
      });
      return h("li", { class: isoDay(day) === today ? "day today" : "day", "data-date": isoDay(day) },
        h("h3", {}, day.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" })),
        items.length
          ? h("ul", {}, ...items.map((b) => h("li", { class: "block" }, text("strong", b.title),
            text("span", `${new Date(b.start).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}–${new Date(b.end).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`, "hint"))))
          : text("p", "Free", "hint"));
    }));
  } catch (error) {
    week.replaceChildren(h("li", {}, failure((error as Error).message, () => void loadWeek())));
  }
}

async function loadReminders(): Promise<void> {
  const list = document.getElementById("reminders");
  if (!list) return;
  try {
    const reminders = (await call(api.GET("/api/v1/reminders"))).items ?? [];
    list.replaceChildren(...(reminders.length ? reminders.map((r) => h("li", { "data-reminder-id": r.id },
      text("span", r.message), text("span", r.delivered_at ? "delivered" : `due ${new Date(r.remind_at).toLocaleTimeString()}`, r.delivered_at ? "badge badge-completed" : "hint")))
      : [text("li", "No reminders.", "hint")]));
  } catch (error) {
    list.replaceChildren(h("li", {}, failure((error as Error).message, () => void loadReminders())));
  }
}

function connect(): void {
  if (socket) return;
  const path = `/api/v1/realtime/ws${lastEventId ? `?last_event_id=${encodeURIComponent(lastEventId)}` : ""}`;
  const ws = new WebSocket(socketUrl(path));
  socket = ws;
  const status = () => document.getElementById("realtime-status");
  ws.addEventListener("open", () => {
    const s = status();
    if (s) s.textContent = "Live: reminders appear here when they are due.";
  });
  ws.addEventListener("message", (event) => {
    const frame = JSON.parse(String(event.data)) as { type: string; event_id?: string };
    if (frame.event_id) lastEventId = frame.event_id;
    if (frame.type === "reminder") onReminder(frame as ReminderFrame);
  });
  ws.addEventListener("close", () => {
    if (socket !== ws) return;
    socket = null;
    const s = status();
    if (s) {
      s.textContent = "Live updates disconnected. ";
      s.append(h("button", { type: "button", class: "secondary", onclick: () => connect() }, "Reconnect"));
    }
  });
}

function onReminder(frame: ReminderFrame): void {
  const toasts = document.getElementById("reminder-toasts");
  toasts?.append(h("p", { class: "toast", "data-reminder-id": frame.reminder_id }, text("strong", "Reminder: "), frame.message));
  // The frame is the delivery (the list may not show it yet: it is read again only when missing).
  const item = document.querySelector(`#reminders [data-reminder-id="${frame.reminder_id}"]`);
  if (item) item.lastElementChild?.replaceWith(text("span", "delivered", "badge badge-completed"));
  else void loadReminders();
}
