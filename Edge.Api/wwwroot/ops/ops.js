// The ops console: plain DOM and fetch, no framework and nothing from a CDN, so it works offline.
"use strict";

const tokenKey = "pipeline-ops-token";
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem(tokenKey);

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${token}` } });
  if (response.status === 401) { signOut(); throw new Error("Your session has ended; please sign in again."); }
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body?.detail || body?.message || `${response.status} ${response.statusText}`);
  return body;
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function button(label, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}

const when = (iso) => (iso ? new Date(iso).toLocaleString() : "");
const say = (text) => { $("status").textContent = text; };

async function groupAction(group, action) {
  try {
    const result = await api(`/api/ops/failed-messages/groups/${encodeURIComponent(group.id)}/${action}`, { method: "POST" });
    say(`${action}: ${result.messages} message(s) of ${group.message_type}`);
  } catch (e) { say(e.message); }
  await loadFailed();
}

async function loadFailed() {
  const status = $("failed-status").value;
  const queue = $("failed-queue").value.trim();
  const query = new URLSearchParams({ status, limit: "100" });
  if (queue) query.set("queue", queue);
  const list = await api(`/api/ops/failed-messages?${query}`);
  const body = $("failed-groups");
  body.replaceChildren();
  for (const group of list.groups) {
    const row = body.insertRow();
    cell(row, group.message_type);
    cell(row, group.exception_type);
    cell(row, group.stage);
    cell(row, group.count, "number");
    cell(row, when(group.first_failed_at));
    cell(row, when(group.last_failed_at));
    const actions = cell(row, "");
    if (status === "unresolved") {
      actions.append(button(`Retry ${group.count}`, () => groupAction(group, "retry")), " ",
        button("Archive", () => groupAction(group, "archive")));
    } else if (status === "archived") {
      actions.append(button("Restore", () => groupAction(group, "unarchive")));
    }
  }
  $("failed-total").textContent = `${list.total} group(s)`;
}

async function loadEndpoints() {
  const list = await api("/api/ops/endpoints");
  const body = $("endpoints");
  body.replaceChildren();
  for (const instance of list.endpoints) {
    const row = body.insertRow();
    cell(row, instance.endpoint);
    cell(row, instance.instance_id);
    cell(row, instance.host);
    cell(row, instance.version);
    cell(row, `${when(instance.last_heartbeat_at)} (${instance.seconds_since_heartbeat}s ago)`);
    cell(row, instance.status, instance.status);
  }
}

async function loadMetrics() {
  const metrics = await api("/api/ops/metrics");
  const queues = $("queues");
  queues.replaceChildren();
  for (const queue of metrics.queues) {
    const row = queues.insertRow();
    cell(row, queue.name);
    cell(row, queue.messages, "number");
    cell(row, queue.consumers, "number");
  }
  const types = $("message-types");
  types.replaceChildren();
  for (const type of metrics.message_types) {
    const row = types.insertRow();
    cell(row, type.message_type);
    cell(row, type.processed, "number");
    cell(row, type.failed, "number");
    cell(row, type.retried, "number");
    cell(row, `${type.processing_p50_ms ?? "-"} / ${type.processing_p95_ms ?? "-"}`, "number");
    cell(row, `${type.critical_time_p50_ms ?? "-"} / ${type.critical_time_p95_ms ?? "-"}`, "number");
  }
}

async function searchTasks() {
  const query = new URLSearchParams({ limit: "50" });
  for (const [name, id] of [["status", "task-status"], ["stage", "task-stage"], ["user", "task-user"]]) {
    const value = $(id).value.trim();
    if (value) query.set(name, value);
  }
  for (const [name, id] of [["from", "task-from"], ["to", "task-to"]]) {
    if ($(id).value) query.set(name, new Date($(id).value).toISOString());
  }
  const result = await api(`/api/ops/tasks?${query}`);
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
}

async function refresh() {
  try {
    await Promise.all([loadFailed(), loadEndpoints(), loadMetrics()]);
  } catch (e) { say(e.message); }
}

function showConsole(email) {
  $("login").hidden = true;
  $("console").hidden = false;
  $("signed-in").hidden = false;
  $("signed-in-as").textContent = email || "admin";
  refresh();
  searchTasks().catch((e) => say(e.message));
}

function signOut() {
  token = null;
  sessionStorage.removeItem(tokenKey);
  $("console").hidden = true;
  $("signed-in").hidden = true;
  $("login").hidden = false;
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("login-error").textContent = "";
  const username = $("login-username").value;
  const response = await fetch("/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: $("login-password").value }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { $("login-error").textContent = body.message || "Sign-in failed"; return; }
  token = body.access_token;
  sessionStorage.setItem(tokenKey, token);
  showConsole(username);
});
$("sign-out").addEventListener("click", signOut);
$("failed-filter").addEventListener("submit", (event) => { event.preventDefault(); loadFailed().catch((e) => say(e.message)); });
$("task-search").addEventListener("submit", (event) => { event.preventDefault(); searchTasks().catch((e) => say(e.message)); });

// Heartbeats and queues change by the second; the page follows them while it is open.
setInterval(() => { if (token && !document.hidden) refresh(); }, 5000);
if (token) showConsole();
