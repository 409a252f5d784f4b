// The learner console: plain JavaScript against Edge.Api's public HTTP API, no framework, no build step.
// Everything the API returns (titles, keywords, cards, error messages) is LLM output or user input: it is only ever put
// on the page with textContent, never as HTML.
"use strict";

const STAGES = [
  { id: "extracting_goals", label: "Extracting goals" },
  { id: "planning_path_structure", label: "Planning the path" },
  { id: "saving_structure", label: "Saving the structure" },
  { id: "generating_cards", label: "Generating cards" },
  { id: "finished", label: "Finished" },
];
const FINAL_STATUSES = new Set(["completed", "failed", "timeout", "canceled"]);
const RETRYABLE_STATUSES = new Set(["failed", "timeout"]);
const TOKEN_KEYS = { access: "pipeline.accessToken", refresh: "pipeline.refreshToken", user: "pipeline.user" };
const POLL_INTERVAL_MS = 1000;
const DISCOVERY_INTERVAL_MS = 600;
const PATH_RELOAD_DELAY_MS = 700;

const state = {
  taskId: null,
  watch: null,            // AbortController of the stream/poll following state.taskId
  lastStatus: null,
  staleBefore: 0,         // after Retry, final statuses not newer than this are the old outcome, not the new one
  pathId: null,
  renderedPath: "",       // JSON of the path on screen, to skip re-rendering identical data
  pathReloadTimer: null,
  flippedCards: new Set(),
  knownTaskIds: new Set(),
  pathTitles: new Map(),
};

const byId = (id) => document.getElementById(id);

// ---------- session ----------

function saveSession(tokens) {
  sessionStorage.setItem(TOKEN_KEYS.access, tokens.access_token);
  sessionStorage.setItem(TOKEN_KEYS.refresh, tokens.refresh_token);
  if (tokens.user) sessionStorage.setItem(TOKEN_KEYS.user, JSON.stringify(tokens.user));
}

function clearSession() {
  Object.values(TOKEN_KEYS).forEach((key) => sessionStorage.removeItem(key));
}

function storedUser() {
  try {
    return JSON.parse(sessionStorage.getItem(TOKEN_KEYS.user) ?? "null");
  } catch {
    return null;
  }
}

function userLabel(user) {
  if (!user) return "";
  if (user.is_guest) return "Guest";
  return user.name || user.email || user.username || "";
}

// ---------- HTTP ----------

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

// Refresh tokens rotate and reusing one revokes the session, so concurrent 401s share one refresh call.
let refreshInFlight = null;

function refreshTokens() {
  refreshInFlight ??= requestNewTokens().finally(() => { refreshInFlight = null; });
  return refreshInFlight;
}

async function requestNewTokens() {
  const refreshToken = sessionStorage.getItem(TOKEN_KEYS.refresh);
  if (!refreshToken) return false;
  const response = await fetch("/api/v1/auth/refresh", jsonRequest("POST", { refresh_token: refreshToken }));
  if (!response.ok) return false;
  saveSession(await response.json());
  return true;
}

function jsonRequest(method, body, init = {}) {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  return { ...init, method, headers, body: JSON.stringify(body) };
}

// fetch with the bearer token; on a 401 refreshes once and repeats the call, else ends the session.
async function apiFetch(path, init = {}, isRepeat = false) {
  const headers = new Headers(init.headers);
  const token = sessionStorage.getItem(TOKEN_KEYS.access);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status !== 401 || isRepeat) return response;
  if (await refreshTokens()) return apiFetch(path, init, true);
  signOut("Your session has ended. Please sign in again.");
  throw new ApiError("Not signed in", 401);
}

async function apiJson(path, init = {}) {
  const response = await apiFetch(path, init);
  return readJson(response);
}

async function readJson(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(errorMessage(body, response.status), response.status);
  return body;
}

// The API answers errors in its seeds' shapes: {detail}, {code, message, details} or {error: {message}}.
function errorMessage(body, status) {
  if (typeof body?.detail === "string") return body.detail;
  if (Array.isArray(body?.detail)) return body.detail.map((problem) => problem.msg ?? String(problem)).join(" ");
  if (typeof body?.message === "string") return body.message;
  if (typeof body?.error?.message === "string") return body.error.message;
  return `The request failed (HTTP ${status}).`;
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

// ---------- signing in and out ----------

async function onAuthSubmit(event) {
  event.preventDefault();
  const register = event.submitter?.dataset.action === "register";
  const email = byId("auth-email").value.trim();
  const password = byId("auth-password").value;
  if (!email || !password) return showAuthError("Enter your email and password.");
  const request = register
    ? ["/api/v1/auth/register", { email, password, name: byId("auth-name").value.trim() || null }]
    : ["/api/v1/auth/login", { username: email, password }];
  await signIn(() => fetch(request[0], jsonRequest("POST", request[1])));
}

async function onGuest() {
  await signIn(() => fetch("/api/auth/guest-login", { method: "POST" }));
}

async function signIn(call) {
  showAuthError("");
  setFormBusy(byId("auth-form"), true);
  try {
    saveSession(await readJson(await call()));
    byId("auth-password").value = "";
    showWorkspace();
  } catch (error) {
    showAuthError(error.message);
  } finally {
    setFormBusy(byId("auth-form"), false);
  }
}

async function onLogout() {
  const token = sessionStorage.getItem(TOKEN_KEYS.access);
  // Best effort: the session is revoked on the server; the page forgets the tokens either way.
  if (token) fetch("/api/v1/auth/logout", { method: "POST", headers: { Authorization: `Bearer ${token}` } }).catch(() => {});
  signOut("");
}

function signOut(message) {
  stopWatching();
  clearSession();
  // Nothing of this user may remain on screen for the next one.
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
  byId("prompt").value = "";
  byId("workspace").hidden = true;
  byId("session").hidden = true;
  byId("auth").hidden = false;
  showAuthError(message);
  byId("auth-email").focus();
}

function showAuthError(message) {
  byId("auth-error").textContent = message;
}

function showWorkspace() {
  byId("auth").hidden = true;
  byId("workspace").hidden = false;
  byId("session").hidden = false;
  byId("session-user").textContent = userLabel(storedUser());
  byId("prompt").focus();
  refreshLists();
}

function setFormBusy(form, busy) {
  form.setAttribute("aria-busy", String(busy));
  form.querySelectorAll("button").forEach((button) => { button.disabled = busy; });
}

// ---------- generating a path ----------

async function onGenerate(event) {
  event.preventDefault();
  const prompt = byId("prompt").value.trim();
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
    const response = await apiFetch("/api/recommendation/chat/generate-learning-path", jsonRequest("POST", { prompt }));
    const result = await readJson(response);
    if (result.learning_path) renderPath(outlineFromGeneration(result));
    if (result.task_id) watchTask(result.task_id, result.learning_path?.id ?? null);
  } catch (error) {
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
    const tasks = await apiJson("/api/tasks/users/me?limit=5").catch(() => []);
    const fresh = tasks.find((task) => !state.knownTaskIds.has(task.task_id));
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

function watchTask(taskId, pathId) {
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

async function followTask(taskId, signal) {
  const onStatus = (status) => { if (!signal.aborted) onTaskStatus(status); };
  for (let attempt = 0; attempt < STREAM_ATTEMPTS && !signal.aborted; attempt++) {
    let last;
    try {
      last = await streamTaskEvents(taskId, signal, onStatus);
    } catch (error) {
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
async function streamTaskEvents(taskId, signal, onStatus) {
  const response = await apiFetch(`/api/tasks/${encodeURIComponent(taskId)}/events`,
    { headers: { Accept: "text/event-stream" }, signal });
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

function parseServerSentEvent(block) {
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

async function pollTaskStatus(taskId, signal, onStatus) {
  while (!signal.aborted) {
    try {
      const status = await apiJson(`/api/tasks/${encodeURIComponent(taskId)}/status`, { signal });
      onStatus(status);
      if (isFinalOutcome(status)) return;
    } catch (error) {
      if (signal.aborted || error.status === 404) return;
    }
    await sleep(POLL_INTERVAL_MS, signal);
  }
}

// A final status, and not the failure a Retry is replacing.
function isFinalOutcome(status) {
  return FINAL_STATUSES.has(status.status) && Date.parse(status.updated_at) > state.staleBefore;
}

function onTaskStatus(status) {
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

async function sendTaskCommand(command) {
  try {
    await apiJson(`/api/tasks/${encodeURIComponent(state.taskId)}/${command}`, { method: "POST" });
    return true;
  } catch (error) {
    byId("task-error").textContent = error.message;
    return false;
  }
}

// ---------- progress ----------

function stageLabel(stageId) {
  if (!stageId || stageId === "initializing") return "Starting";
  return STAGES.find((stage) => stage.id === stageId)?.label ?? stageId;
}

function renderProgress(status) {
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

function progressSentence(status, stage, percent) {
  const cards = status.total_items ? ` \u00b7 ${status.completed_items} of ${status.total_items} cards` : "";
  if (status.status === "completed") return `Finished: 100%${cards}.`;
  if (status.status === "canceled") return `Canceled at ${percent}%${cards}.`;
  if (RETRYABLE_STATUSES.has(status.status)) return `Stopped at \u201c${stageLabel(stage)}\u201d (${percent}%)${cards}.`;
  return `${stageLabel(stage)}: ${percent}%${cards}`;
}

function renderStages(currentStage, taskStatus) {
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

function renderTaskOutcome(status) {
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

async function loadPath(pathId) {
  if (!pathId) return;
  try {
    renderPath(await apiJson(`/api/learning-paths/${encodeURIComponent(pathId)}`));
  } catch (error) {
    byId("generate-error").textContent = error.message;
  }
}

// Seed 000's answer: {learning_path: {id, title, description}, courses: [{course_id, title, sections}]}.
function outlineFromGeneration(result) {
  return { ...result.learning_path, courses: result.courses };
}

function renderPath(path) {
  const json = JSON.stringify(path);
  if (json === state.renderedPath) return;
  state.renderedPath = json;
  state.pathId = path.id;
  const focusedCard = document.activeElement?.dataset?.cardId;

  byId("path").hidden = false;
  byId("path").dataset.pathId = String(path.id);
  byId("path-title").textContent = path.title;
  byId("path-description").textContent = path.description ?? "";
  byId("path-meta").textContent = pathMeta(path);
  byId("courses").replaceChildren(...(path.courses ?? []).map(renderCourse));

  if (focusedCard) document.querySelector(`[data-card-id="${CSS.escape(focusedCard)}"]`)?.focus();
}

function hidePath() {
  byId("path").hidden = true;
  byId("courses").replaceChildren();
  state.renderedPath = "";
}

function pathMeta(path) {
  const parts = [];
  if (path.estimated_days) parts.push(`${path.estimated_days} days`);
  if (path.difficulty_level) parts.push(path.difficulty_level);
  if (path.total_cards) parts.push(`${path.total_cards} cards`);
  return parts.join(" \u00b7 ");
}

function renderCourse(course, index) {
  const article = document.createElement("article");
  article.className = "course";
  const heading = document.createElement("h3");
  heading.textContent = `${index + 1}. ${course.title}`;
  article.append(heading);
  if (course.description) article.append(textElement("p", course.description, "course-description"));
  article.append(...(course.sections ?? []).map(renderSection));
  return article;
}

function renderSection(section) {
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
  keywords.append(...(section.keywords ?? []).map((keyword) => textElement("li", keyword)));
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
function renderCard(card) {
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

function cardFace(className, label, text) {
  const face = document.createElement("span");
  face.className = `card-face ${className}`;
  face.append(textElement("span", label, "card-label"), textElement("span", text, "card-text"));
  return face;
}

function flipCard(button) {
  const flipped = button.getAttribute("aria-pressed") !== "true";
  setCardFlipped(button, flipped);
  if (flipped) state.flippedCards.add(button.dataset.cardId);
  else state.flippedCards.delete(button.dataset.cardId);
}

function setCardFlipped(button, flipped) {
  button.setAttribute("aria-pressed", String(flipped));
  // Only the visible side is part of the button's name.
  button.querySelector(".card-front").setAttribute("aria-hidden", String(flipped));
  button.querySelector(".card-back").setAttribute("aria-hidden", String(!flipped));
}

function textElement(tag, text, className) {
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
    const paths = await apiJson("/api/learning-paths?limit=50");
    paths.forEach((path) => state.pathTitles.set(path.id, path.title));
    list.replaceChildren(...(paths.length ? paths.map(renderPathItem) : [textElement("li", "No learning paths yet.", "hint")]));
  } catch (error) {
    if (error.status !== 401) list.replaceChildren(textElement("li", error.message, "error"));
  }
}

function renderPathItem(path) {
  const item = document.createElement("li");
  const open = textElement("button", path.title, "link-button");
  open.type = "button";
  open.addEventListener("click", () => openPath(path.id));
  item.append(open, textElement("span", pathMeta(path), "hint"));
  return item;
}

async function openPath(pathId) {
  await loadPath(pathId);
  byId("path-title").setAttribute("tabindex", "-1");
  byId("path-title").focus();
}

async function loadMyTasks() {
  const list = byId("my-tasks");
  try {
    const tasks = await apiJson("/api/tasks/users/me?limit=20");
    tasks.forEach((task) => state.knownTaskIds.add(task.task_id));
    list.replaceChildren(...(tasks.length ? tasks.map(renderTaskItem) : [textElement("li", "No tasks yet.", "hint")]));
  } catch (error) {
    if (error.status !== 401) list.replaceChildren(textElement("li", error.message, "error"));
  }
}

function renderTaskItem(task) {
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

function showTask(task) {
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

// ---------- start ----------

function start() {
  byId("auth-form").addEventListener("submit", onAuthSubmit);
  byId("guest").addEventListener("click", onGuest);
  byId("logout").addEventListener("click", onLogout);
  byId("generate-form").addEventListener("submit", onGenerate);
  byId("cancel").addEventListener("click", onCancel);
  byId("retry").addEventListener("click", onRetry);
  if (sessionStorage.getItem(TOKEN_KEYS.access)) showWorkspace();
  else byId("auth-email").focus();
}

start();
