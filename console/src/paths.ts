// Learning paths (seeds 000 and 002): type a goal, follow the task live (Server-Sent Events, else polling), read the
// outline and flip the cards; Cancel and Retry. Ported from the first console's app.js, element ids unchanged.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { api, ApiError, call, sleep } from "./api";
import { byId } from "./dom";

const setFormBusy = (form: HTMLElement, busy: boolean) => {
  form.setAttribute("aria-busy", String(busy));
  form.querySelectorAll("button").forEach((button) => { button.disabled = busy; });
};

const STAGES = [
  { id: "extracting_goals", label: "Extracting goals" },
  { id: "planning_path_structure", label: "Planning the path" },
  { id: "saving_structure", label: "Saving the structure" },
  { id: "generating_cards", label: "Generating cards" },
  { id: "finished", label: "Finished" },
];
const FINAL_STATUSES = new Set(["completed", "failed", "timeout", "canceled"]);
const RETRYABLE_STATUSES = new Set(["failed", "timeout"]);
const POLL_INTERVAL_MS = 1000;
const DISCOVERY_INTERVAL_MS = 600;
const PATH_RELOAD_DELAY_MS = 700;

const state = {
  taskId: null as string | null,
  watch: null as AbortController | null,
  lastStatus: null as any,
  staleBefore: 0,
  pathId: null as any,
  renderedPath: "",
  pathReloadTimer: null as ReturnType<typeof setTimeout> | null,
  flippedCards: new Set<string>(),
  knownTaskIds: new Set<string>(),
  pathTitles: new Map<any, string>(),
};

// ---------- generating a path ----------

async function onGenerate(event: any) {
  event.preventDefault();
  const prompt = byId<HTMLInputElement>("prompt").value.trim();
  byId("generate-error").textContent = "";
  if (!prompt) {
    byId("generate-error").textContent = "Tell us what you want to learn, e.g. \u201cI want to learn trading in 30 days\u201d.";
    byId("prompt").focus();
    return;
  }
  const form = byId("generate-form");
  setFormBusy(form, true);
  byId("generate").textContent = "Generating\u2026";
  stopWatching();
  state.taskId = null;
  state.staleBefore = 0;
  hidePath();
  renderProgress({ status: "pending", stage: "extracting_goals", progress: 0 });
  // The call answers once the structure is saved; meanwhile the new task already shows its first stages.
  const discovery = discoverNewTask();
  try {
    const result: any = await call(api.POST("/api/recommendation/chat/generate-learning-path", { body: { prompt } }));
    if (result.learning_path) renderPath(outlineFromGeneration(result));
    if (result.task_id) watchTask(result.task_id, result.learning_path?.id ?? null);
  } catch (error: any) {
    byId("generate-error").textContent = error.message;
    await discovery.lastLook(); // a task that failed at its first stage can still be retried
  } finally {
    discovery.stop();
    setFormBusy(form, false);
    byId("generate").textContent = "Generate path";
    refreshLists();
  }
}

// Polls "my tasks" for a task this page has not seen yet and follows it.
function discoverNewTask() {
  let stopped = false;
  const look = async () => {
    const tasks = await call(api.GET("/api/tasks/users/me", { params: { query: { limit: 5 } } })).catch(() => []);
    const fresh = tasks.find((task: any) => !state.knownTaskIds.has(task.task_id));
    if (fresh && !stopped && state.taskId === null) watchTask(fresh.task_id, fresh.learning_path_id);
  };
  const loop = async () => {
    while (!stopped) {
      await sleep(DISCOVERY_INTERVAL_MS);
      if (!stopped) await look();
    }
  };
  loop();
  return {
    stop: () => { stopped = true; },
    lastLook: look,
  };
}

// ---------- following a task: Server-Sent Events, else polling ----------

function watchTask(taskId: any, pathId: any) {
  if (pathId) state.pathId = pathId;
  if (state.taskId === taskId && state.watch) return;
  stopWatching();
  state.taskId = taskId;
  state.knownTaskIds.add(taskId);
  const watch = new AbortController();
  state.watch = watch;
  followTask(taskId, watch.signal);
}

function stopWatching() {
  state.watch?.abort();
  state.watch = null;
}

const STREAM_ATTEMPTS = 5;

async function followTask(taskId: any, signal: any) {
  const onStatus = (status: any) => { if (!signal.aborted) onTaskStatus(status); };
  for (let attempt = 0; attempt < STREAM_ATTEMPTS && !signal.aborted; attempt++) {
    let last;
    try {
      last = await streamTaskEvents(taskId, signal, onStatus);
    } catch (error: any) {
      if (signal.aborted) return;
      break; // the stream broke (proxy, network): polling takes over
    }
    if (last && isFinalOutcome(last)) return;
    if (!last || !FINAL_STATUSES.has(last.status)) break; // refused or cut short: poll
    // It replayed the outcome a Retry replaces (the saga has not taken the retry yet): listen again shortly.
    await sleep(POLL_INTERVAL_MS, signal);
  }
  await pollTaskStatus(taskId, signal, onStatus);
}

// EventSource cannot send an Authorization header, so the stream is read with fetch and parsed here.
async function streamTaskEvents(taskId: any, signal: any, onStatus: any) {
  const { response } = await api.GET("/api/tasks/{task_id}/events",
    { params: { path: { task_id: taskId } }, headers: { Accept: "text/event-stream" }, signal, parseAs: "stream" });
  if (!response.ok || !response.body) return null;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let last = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return last;
    buffer += value.replace(/\r/g, "");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = parseServerSentEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (event.type === "status" && event.data) {
        last = JSON.parse(event.data);
        onStatus(last);
      }
    }
  }
}

function parseServerSentEvent(block: any) {
  const event = { type: "message", data: "" };
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue; // a comment (keep-alive)
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event.type = value;
    if (field === "data") data.push(value);
  }
  event.data = data.join("\n");
  return event;
}

async function pollTaskStatus(taskId: any, signal: any, onStatus: any) {
  while (!signal.aborted) {
    try {
      const status = await call(api.GET("/api/tasks/{task_id}/status", { params: { path: { task_id: taskId } }, signal }));
      onStatus(status);
      if (isFinalOutcome(status)) return;
    } catch (error: any) {
      if (signal.aborted || error.status === 404) return;
    }
    await sleep(POLL_INTERVAL_MS, signal);
  }
}

// A final status, and not the failure a Retry is replacing.
function isFinalOutcome(status: any) {
  return FINAL_STATUSES.has(status.status) && Date.parse(status.updated_at) > state.staleBefore;
}

function onTaskStatus(status: any) {
  if (FINAL_STATUSES.has(status.status) && !isFinalOutcome(status)) return; // the old outcome, until Retry lands
  state.lastStatus = status;
  renderProgress(status);
  if (status.learning_path_id) {
    state.pathId = status.learning_path_id;
    schedulePathReload();
  }
  if (FINAL_STATUSES.has(status.status)) {
    state.watch = null;
    refreshLists();
  }
}

async function onCancel() {
  await sendTaskCommand("cancel");
}

async function onRetry() {
  const taskId = state.taskId;
  state.staleBefore = Date.parse(state.lastStatus?.updated_at ?? "") || Date.now();
  byId("retry").hidden = true;
  byId("task-error").textContent = "";
  byId("progress-text").textContent = "Retrying\u2026";
  if (await sendTaskCommand("retry")) {
    state.watch = null;
    watchTask(taskId, state.pathId);
  } else {
    byId("retry").hidden = false;
  }
}

async function sendTaskCommand(command: any) {
  try {
    const options = { params: { path: { task_id: state.taskId ?? "" } } };
    await call(command === "cancel" ? api.POST("/api/tasks/{task_id}/cancel", options) : api.POST("/api/tasks/{task_id}/retry", options));
    return true;
  } catch (error: any) {
    byId("task-error").textContent = error.message;
    return false;
  }
}

// ---------- progress ----------

function stageLabel(stageId: any) {
  if (!stageId || stageId === "initializing") return "Starting";
  return STAGES.find((stage) => stage.id === stageId)?.label ?? stageId;
}

function renderProgress(status: any) {
  byId("progress").hidden = false;
  const percent = Math.max(0, Math.min(100, Math.round(status.progress ?? 0)));
  const stage = status.status === "completed" ? "finished" : status.stage;
  const bar = byId("progress-bar");
  bar.setAttribute("aria-valuenow", String(percent));
  bar.setAttribute("aria-valuetext", `${percent}% \u2013 ${stageLabel(stage)}`);
  bar.dataset.status = status.status;
  byId("progress-fill").style.width = `${percent}%`;
  byId("progress-text").textContent = progressSentence(status, stage, percent);
  renderStages(stage, status.status);
  renderTaskOutcome(status);
}

function progressSentence(status: any, stage: any, percent: any) {
  const cards = status.total_items ? ` \u00b7 ${status.completed_items} of ${status.total_items} cards` : "";
  if (status.status === "completed") return `Finished: 100%${cards}.`;
  if (status.status === "canceled") return `Canceled at ${percent}%${cards}.`;
  if (RETRYABLE_STATUSES.has(status.status)) return `Stopped at \u201c${stageLabel(stage)}\u201d (${percent}%)${cards}.`;
  return `${stageLabel(stage)}: ${percent}%${cards}`;
}

function renderStages(currentStage: any, taskStatus: any) {
  const list = byId("stages");
  const currentIndex = STAGES.findIndex((stage) => stage.id === currentStage);
  list.replaceChildren(...STAGES.map((stage, index) => {
    const item = document.createElement("li");
    item.dataset.stage = stage.id;
    item.textContent = stage.label;
    if (index < currentIndex || taskStatus === "completed") item.className = "done";
    if (index === currentIndex) {
      item.className = taskStatus === "completed" ? "done" : RETRYABLE_STATUSES.has(taskStatus) ? "failed" : "current";
      item.setAttribute("aria-current", "step");
    }
    return item;
  }));
}

function renderTaskOutcome(status: any) {
  const failed = RETRYABLE_STATUSES.has(status.status);
  byId("task-error").textContent = failed
    ? [status.result_message, status.error_details].filter(Boolean).join(" \u2013 ") || "Generation failed."
    : "";
  byId("retry").hidden = !failed || !status.task_id;
  byId("cancel").hidden = FINAL_STATUSES.has(status.status) || !status.task_id;
}

// ---------- the path, its sections and cards ----------

function schedulePathReload() {
  if (state.pathReloadTimer) return;
  state.pathReloadTimer = setTimeout(async () => {
    state.pathReloadTimer = null;
    await loadPath(state.pathId);
  }, PATH_RELOAD_DELAY_MS);
}

async function loadPath(pathId: any) {
  if (!pathId) return;
  try {
    renderPath(await call(api.GET("/api/learning-paths/{learning_path_id}", { params: { path: { learning_path_id: pathId } } })));
  } catch (error: any) {
    byId("generate-error").textContent = error.message;
  }
}

// Seed 000's answer: {learning_path: {id, title, description}, courses: [{course_id, title, sections}]}.
function outlineFromGeneration(result: any) {
  return { ...result.learning_path, courses: result.courses };
}

function renderPath(path: any) {
  const json = JSON.stringify(path);
  if (json === state.renderedPath) return;
  state.renderedPath = json;
  state.pathId = path.id;
  const focusedCard = (document.activeElement as HTMLElement | null)?.dataset?.cardId;

  byId("path").hidden = false;
  byId("path").dataset.pathId = String(path.id);
  byId("path-title").textContent = path.title;
  byId("path-description").textContent = path.description ?? "";
  byId("path-meta").textContent = pathMeta(path);
  byId("courses").replaceChildren(...(path.courses ?? []).map(renderCourse));

  if (focusedCard) document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(focusedCard)}"]`)?.focus();
}

function hidePath() {
  byId("path").hidden = true;
  byId("courses").replaceChildren();
  state.renderedPath = "";
}

function pathMeta(path: any) {
  const parts = [];
  if (path.estimated_days) parts.push(`${path.estimated_days} days`);
  if (path.difficulty_level) parts.push(path.difficulty_level);
  if (path.total_cards) parts.push(`${path.total_cards} cards`);
  return parts.join(" \u00b7 ");
}

function renderCourse(course: any, index: any) {
  const article = document.createElement("article");
  article.className = "course";
  const heading = document.createElement("h3");
  heading.textContent = `${index + 1}. ${course.title}`;
  article.append(heading);
  if (course.description) article.append(textElement("p", course.description, "course-description"));
  article.append(...(course.sections ?? []).map(renderSection));
  return article;
}

function renderSection(section: any) {
  const element = document.createElement("section");
  element.className = "section";
  const headingId = `section-${section.section_id}`;
  element.setAttribute("aria-labelledby", headingId);
  const heading = textElement("h4", section.title);
  heading.id = headingId;
  element.append(heading);

  const keywords = document.createElement("ul");
  keywords.className = "keywords";
  keywords.setAttribute("aria-label", "Keywords");
  keywords.append(...(section.keywords ?? []).map((keyword: any) => textElement("li", keyword)));
  element.append(keywords);

  if (section.cards?.length) {
    const cards = document.createElement("ul");
    cards.className = "cards";
    cards.setAttribute("aria-label", `Cards: ${section.title}`);
    cards.append(...section.cards.map(renderCard));
    element.append(cards);
  } else {
    element.append(textElement("p", "Cards are on their way\u2026", "hint cards-pending"));
  }
  return element;
}

// A toggle button: Enter and Space flip it like any button; aria-pressed says which side shows.
function renderCard(card: any) {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "card";
  button.dataset.cardId = String(card.id);
  button.append(cardFace("card-front", "Question", card.front), cardFace("card-back", "Answer", card.back));
  setCardFlipped(button, state.flippedCards.has(String(card.id)));
  button.addEventListener("click", () => flipCard(button));
  item.append(button);
  return item;
}

function cardFace(className: any, label: any, text: any) {
  const face = document.createElement("span");
  face.className = `card-face ${className}`;
  face.append(textElement("span", label, "card-label"), textElement("span", text, "card-text"));
  return face;
}

function flipCard(button: any) {
  const flipped = button.getAttribute("aria-pressed") !== "true";
  setCardFlipped(button, flipped);
  if (flipped) state.flippedCards.add(button.dataset.cardId);
  else state.flippedCards.delete(button.dataset.cardId);
}

function setCardFlipped(button: any, flipped: any) {
  button.setAttribute("aria-pressed", String(flipped));
  // Only the visible side is part of the button's name.
  button.querySelector(".card-front").setAttribute("aria-hidden", String(flipped));
  button.querySelector(".card-back").setAttribute("aria-hidden", String(!flipped));
}

function textElement(tag: any, text: any, className?: any) {
  const element = document.createElement(tag);
  element.textContent = text ?? "";
  if (className) element.className = className;
  return element;
}

// ---------- my learning paths, my tasks ----------

async function refreshLists() {
  await loadMyPaths();
  await loadMyTasks();
}

async function loadMyPaths() {
  const list = byId("my-paths");
  try {
    const paths = await call(api.GET("/api/learning-paths", { params: { query: { limit: 50 } } }));
    paths.forEach((path: any) => state.pathTitles.set(path.id, path.title));
    list.replaceChildren(...(paths.length ? paths.map(renderPathItem) : [textElement("li", "No learning paths yet.", "hint")]));
  } catch (error: any) {
    if (error.status !== 401) list.replaceChildren(textElement("li", error.message, "error"));
  }
}

function renderPathItem(path: any) {
  const item = document.createElement("li");
  const open = textElement("button", path.title, "link-button");
  open.type = "button";
  open.addEventListener("click", () => openPath(path.id));
  item.append(open, textElement("span", pathMeta(path), "hint"));
  return item;
}

async function openPath(pathId: any) {
  await loadPath(pathId);
  byId("path-title").setAttribute("tabindex", "-1");
  byId("path-title").focus();
}

async function loadMyTasks() {
  const list = byId("my-tasks");
  try {
    const tasks = await call(api.GET("/api/tasks/users/me", { params: { query: { limit: 20 } } }));
    tasks.forEach((task: any) => state.knownTaskIds.add(task.task_id));
    list.replaceChildren(...(tasks.length ? tasks.map(renderTaskItem) : [textElement("li", "No tasks yet.", "hint")]));
  } catch (error: any) {
    if (error.status !== 401) list.replaceChildren(textElement("li", error.message, "error"));
  }
}

function renderTaskItem(task: any) {
  const item = document.createElement("li");
  item.dataset.taskId = task.task_id;
  const title = state.pathTitles.get(task.learning_path_id) ?? "Learning path";
  const show = textElement("button", title, "link-button");
  show.type = "button";
  show.addEventListener("click", () => showTask(task));
  const badge = textElement("span", task.status, `badge badge-${task.status}`);
  const detail = `${stageLabel(task.stage)} \u00b7 ${Math.round(task.progress ?? 0)}% \u00b7 ${new Date(task.created_at).toLocaleString()}`;
  item.append(show, badge, textElement("span", detail, "hint"));
  return item;
}

function showTask(task: any) {
  state.lastStatus = task;
  state.staleBefore = 0;
  renderProgress(task);
  if (task.learning_path_id) loadPath(task.learning_path_id);
  if (FINAL_STATUSES.has(task.status)) {
    stopWatching();
    state.taskId = task.task_id;
  } else {
    watchTask(task.task_id, task.learning_path_id);
  }
  byId("progress-title").setAttribute("tabindex", "-1");
  byId("progress-title").focus();
}


/** Forget everything of the signed-out user. */
export function resetPaths(): void {
  stopWatching();
  state.taskId = null;
  state.pathId = null;
  state.lastStatus = null;
  state.knownTaskIds.clear();
  state.pathTitles.clear();
  state.flippedCards.clear();
  hidePath();
  byId("progress").hidden = true;
  byId("my-paths").replaceChildren();
  byId("my-tasks").replaceChildren();
  byId<HTMLInputElement>("prompt").value = "";
}

export function initPaths(): void {
  byId("generate-form").addEventListener("submit", onGenerate);
  byId("cancel").addEventListener("click", onCancel);
  byId("retry").addEventListener("click", onRetry);
}

export { refreshLists };
void ApiError;
