// The ops console: plain DOM and fetch, no framework and nothing from a CDN, so it works offline.
// Everything the API returns (message types, exception types, hosts, task errors) is put on the page with textContent,
// never as HTML.
"use strict";

const tokenKey = "pipeline-ops-token";
const userKey = "pipeline-ops-user";
const POLL_INTERVAL_MS = 5000;
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem(tokenKey);
let polling = false;   // a refresh is in flight: the timer skips a beat rather than piling requests up
// Each loader numbers its requests and draws only the answer to its newest one, so a poll that was already under way
// when an operator retried a group cannot put the retried group back on the page.
const latest = { failed: 0, endpoints: 0, metrics: 0, tasks: 0 };

class NotAdminError extends Error {}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${token}` } });
  if (response.status === 401) { signOut("Your session has ended; please sign in again."); throw new Error("Signed out"); }
  if (response.status === 403) { showNotAdmin(); throw new NotAdminError("This page is for administrators only."); }
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body?.detail || body?.message || `${response.status} ${response.statusText}`);
  return body;
}

/** Runs a loader and draws its answer only if no newer call of the same loader started meanwhile. */
async function latestOf(name, load, draw) {
  const call = ++latest[name];
  const result = await load();
  if (call === latest[name] && token) draw(result);
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function emptyRow(body, columns, text) {
  const row = body.insertRow();
  const td = cell(row, text, "empty");
  td.colSpan = columns;
}

function button(label, onClick, accessibleName) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (accessibleName) b.setAttribute("aria-label", accessibleName);
  b.addEventListener("click", onClick);
  return b;
}

const when = (iso) => (iso ? new Date(iso).toLocaleString() : "");
// The status line: the outcome of the last action, or the last error (cleared by the next refresh that works).
function say(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
  if (isError) $("status").dataset.error = "1"; else delete $("status").dataset.error;
}
const shortType = (type) => (type || "").split(".").pop();

async function groupAction(group, action, row) {
  for (const b of row.querySelectorAll("button")) b.disabled = true; // one click, one request
  try {
    const result = await api(`/api/ops/failed-messages/groups/${encodeURIComponent(group.id)}/${action}`, { method: "POST" });
    const done = { retry: "Retried", archive: "Archived", unarchive: "Restored" }[action] || action;
    say(`${done} ${result.messages} message(s) of ${shortType(group.message_type)}.`);
  } catch (e) {
    if (!(e instanceof NotAdminError)) say(e.message, true);
  }
  // Re-read what the action changed at once, rather than waiting for the next poll: the group leaves the list, the
  // counters move, and the tasks it resumes show their new status.
  if (token) await Promise.all([loadFailed(), loadMetrics(), searchTasks()]).catch(report);
}

function loadFailed() {
  const status = $("failed-status").value;
  const queue = $("failed-queue").value.trim();
  const query = new URLSearchParams({ status, limit: "100" });
  if (queue) query.set("queue", queue);
  return latestOf("failed", () => api(`/api/ops/failed-messages?${query}`), (list) => drawFailed(list, status));
}

function drawFailed(list, status) {
  const body = $("failed-groups");
  body.replaceChildren();
  for (const group of list.groups) {
    const row = body.insertRow();
    row.dataset.groupId = group.id;
    cell(row, group.message_type, "message-type");
    cell(row, group.exception_type, "exception-type");
    cell(row, group.stage);
    cell(row, group.count, "number count");
    cell(row, when(group.first_failed_at));
    cell(row, when(group.last_failed_at));
    const actions = cell(row, "");
    const what = `${group.count} message(s) of ${shortType(group.message_type)}`;
    if (status === "unresolved") {
      actions.append(button(`Retry ${group.count}`, () => groupAction(group, "retry", row), `Retry ${what}`), " ",
        button("Archive", () => groupAction(group, "archive", row), `Archive ${what}`));
    } else if (status === "archived") {
      actions.append(button("Restore", () => groupAction(group, "unarchive", row), `Restore ${what}`));
    }
  }
  if (list.groups.length === 0) emptyRow(body, 7, `No ${status} failed messages.`);
  $("failed-total").textContent = `${list.total} group(s)`;
}

function loadEndpoints() {
  return latestOf("endpoints", () => api("/api/ops/endpoints"), (list) => {
    const body = $("endpoints");
    body.replaceChildren();
    for (const instance of list.endpoints) {
      const row = body.insertRow();
      cell(row, instance.endpoint, "endpoint");
      cell(row, instance.instance_id);
      cell(row, instance.host);
      cell(row, instance.version);
      cell(row, `${when(instance.last_heartbeat_at)} (${instance.seconds_since_heartbeat}s ago)`);
      cell(row, instance.status, instance.status === "up" || instance.status === "down" ? `status ${instance.status}` : "status");
    }
    if (list.endpoints.length === 0) emptyRow(body, 6, "No instance has reported a heartbeat yet.");
  });
}

function loadMetrics() {
  return latestOf("metrics", () => api("/api/ops/metrics"), (metrics) => {
    const queues = $("queues");
    queues.replaceChildren();
    for (const queue of metrics.queues || []) {
      const row = queues.insertRow();
      cell(row, queue.name);
      cell(row, queue.messages, "number");
      cell(row, queue.consumers, "number");
    }
    if (!metrics.queues?.length) emptyRow(queues, 3, "No queues reported (is the RabbitMQ management API reachable?).");
    const types = $("message-types");
    types.replaceChildren();
    for (const type of metrics.message_types || []) {
      const row = types.insertRow();
      cell(row, type.message_type);
      cell(row, type.processed, "number");
      cell(row, type.failed, "number");
      cell(row, type.retried, "number");
      cell(row, `${type.processing_p50_ms ?? "-"} / ${type.processing_p95_ms ?? "-"}`, "number");
      cell(row, `${type.critical_time_p50_ms ?? "-"} / ${type.critical_time_p95_ms ?? "-"}`, "number");
    }
    if (!metrics.message_types?.length) emptyRow(types, 6, "No messages processed yet.");
  });
}

function searchTasks() {
  const query = new URLSearchParams({ limit: "50" });
  for (const [name, id] of [["status", "task-status"], ["stage", "task-stage"], ["user", "task-user"]]) {
    const value = $(id).value.trim();
    if (value) query.set(name, value);
  }
  for (const [name, id] of [["from", "task-from"], ["to", "task-to"]]) {
    if ($(id).value) query.set(name, new Date($(id).value).toISOString());
  }
  return latestOf("tasks", () => api(`/api/ops/tasks?${query}`), (result) => {
    const body = $("tasks");
    body.replaceChildren();
    for (const task of result.tasks) {
      const row = body.insertRow();
      cell(row, task.task_id);
      cell(row, task.user_email);
      cell(row, task.status);
      cell(row, task.stage);
      cell(row, `${task.progress}%`, "number");
      cell(row, when(task.created_at));
      cell(row, task.error_details);
    }
    if (result.tasks.length === 0) emptyRow(body, 7, "No tasks match.");
  });
}

// A 403 has already switched to the "admin only" notice and a 401 to the sign-in form: nothing more to say then.
function report(e) {
  if (!(e instanceof NotAdminError) && token) say(e.message, true);
}

async function refresh() {
  if (polling) return;
  polling = true;
  try {
    const results = await Promise.allSettled([loadFailed(), loadEndpoints(), loadMetrics()]);
    const failure = results.find((r) => r.status === "rejected");
    if (failure) report(failure.reason);
    else if ($("status").dataset.error) say("");
  } finally {
    polling = false;
  }
}

function storedUser() {
  try { return JSON.parse(sessionStorage.getItem(userKey) ?? "null"); } catch { return null; }
}

function showSignedIn(user) {
  $("login").hidden = true;
  $("signed-in").hidden = false;
  $("signed-in-as").textContent = user?.email || user?.username || "";
}

function showConsole(user) {
  showSignedIn(user);
  $("not-admin").hidden = true;
  $("console").hidden = false;
  say("");
  refresh();
  searchTasks().catch(report);
}

function showNotAdmin(user = storedUser()) {
  showSignedIn(user);
  $("console").hidden = true;
  $("not-admin-user").textContent = user?.email || "this account";
  $("not-admin").hidden = false;
}

const isAdmin = (user) => Array.isArray(user?.roles) && user.roles.includes("admin");

function signOut(message = "") {
  token = null;
  sessionStorage.removeItem(tokenKey);
  sessionStorage.removeItem(userKey);
  for (const body of ["failed-groups", "endpoints", "queues", "message-types", "tasks"]) $(body).replaceChildren();
  $("console").hidden = true;
  $("not-admin").hidden = true;
  $("signed-in").hidden = true;
  $("login").hidden = false;
  $("login-error").textContent = message;
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("login-error").textContent = "";
  const submit = event.submitter || $("login-form").querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    const response = await fetch("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: $("login-username").value, password: $("login-password").value }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { $("login-error").textContent = body.detail || body.message || "Sign-in failed"; return; }
    token = body.access_token;
    const user = body.user || null;
    sessionStorage.setItem(tokenKey, token);
    sessionStorage.setItem(userKey, JSON.stringify(user));
    $("login-password").value = "";
    // The ops API would answer 403 to every call: say so once instead of showing a page of errors.
    if (isAdmin(user)) showConsole(user); else showNotAdmin(user);
  } catch (e) {
    $("login-error").textContent = `Sign-in failed: ${e.message}`;
  } finally {
    submit.disabled = false;
  }
});
$("sign-out").addEventListener("click", () => signOut());
$("failed-filter").addEventListener("submit", (event) => { event.preventDefault(); loadFailed().catch(report); });
$("failed-status").addEventListener("change", () => loadFailed().catch(report));
$("task-search").addEventListener("submit", (event) => { event.preventDefault(); searchTasks().catch(report); });

// Failed messages, heartbeats and queues change by the second; the page follows them while it is open and visible.
setInterval(() => { if (token && !$("console").hidden && !document.hidden) refresh(); }, POLL_INTERVAL_MS);
if (token) {
  const user = storedUser();
  if (user && !isAdmin(user)) showNotAdmin(user); else showConsole(user);
}
