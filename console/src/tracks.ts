// Tracks (seed 001): create a track, plan it in an AI chat that streams over /ws/chat/{session_id}/switch (stop the
// reply, switch between the session's chats), generate and finalise the plan into modules, then learn each module in
// its own chat and complete it.
import { api, ApiError, call, socketUrl } from "./api";
import { failure, field, h, setBusy, text } from "./dom";
import type { View } from "./views";

interface Module {
  id: number;
  track_id: number;
  order_index: number;
  title: string;
  description: string;
  objectives: string[];
  estimated_hours?: number | null;
  is_completed: boolean;
}
interface Track {
  id: number;
  title: string;
  description: string;
  difficulty_level?: string | null;
  status: string;
  modules?: Module[] | null;
}
interface Session { id: number; track_id?: number | null; title: string; status: string; draft_plan?: unknown }
interface Chat { id: number; session_id?: number | null; title: string; status: string; kind: string }
interface Message { message_id: number; chat_id: number; role: string; content: string; status: string; created_at: string }
interface Plan { title: string; summary: string; modules: { order_index: number; title: string; description: string | null; estimated_hours: number | null }[] }

type Frame =
  | { type: "ack"; message_id: number; chat_id: number }
  | { type: "token"; message_id: number; chat_id: number; delta: string }
  | { type: "message"; message: Message }
  | { type: "stopped"; chat_id: number }
  | { type: "history"; chat_id: number; messages: Message[] }
  | { type: "error"; detail: string }
  | { type: "pong" };

let root: HTMLElement;
let socket: WebSocket | null = null;
let session: Session | null = null;
let track: Track | null = null;
let chatId: number | null = null;
let streamingId: number | null = null;

const ids = {
  list: "tracks-list",
  detail: "track-detail",
  messages: "planning-messages",
  chats: "planning-chats",
  status: "planning-status",
  stop: "planning-stop",
  plan: "planning-plan",
  modules: "track-modules",
  moduleChat: "module-chat",
};

export const tracksView: View = {
  async show(container) {
    if (!root) {
      root = container;
      render();
    }
    await loadTracks();
  },
  reset() {
    closeSocket();
    root?.replaceChildren();
    root = undefined as unknown as HTMLElement;
    session = null;
    track = null;
    chatId = null;
  },
};

function render(): void {
  const title = h("input", { type: "text", required: true, maxlength: 200, autocomplete: "off" });
  const description = h("textarea", { rows: 2, maxlength: 2000 });
  const difficulty = h("select", {}, ...["beginner", "intermediate", "advanced"].map((level) => h("option", { value: level }, level)));
  const error = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "stack", novalidate: true },
    field("Track title", title), field("Description", description), field("Difficulty", difficulty),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Create track")), error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!title.value.trim()) {
      error.textContent = "Give the track a title.";
      title.focus();
      return;
    }
    setBusy(form, true);
    try {
      const created = await call(api.POST("/api/tracks", { body: { title: title.value.trim(), description: description.value, difficulty_level: difficulty.value } }));
      title.value = "";
      description.value = "";
      await loadTracks();
      await openTrack(created.id);
    } catch (failure) {
      error.textContent = (failure as Error).message;
    } finally {
      setBusy(form, false);
    }
  });

  root.append(
    h("h2", { tabindex: -1 }, "Tracks"),
    h("div", { class: "two-columns" },
      h("section", { class: "panel", "aria-labelledby": "tracks-new-title" }, h("h3", { id: "tracks-new-title" }, "New track"), form,
        h("h3", {}, "My tracks"), h("ul", { id: ids.list, class: "item-list" })),
      h("section", { id: ids.detail, class: "panel", "aria-live": "polite" }, h("p", { class: "hint" }, "Choose or create a track."))),
  );
}

async function loadTracks(): Promise<void> {
  const list = document.getElementById(ids.list);
  if (!list) return;
  try {
    const tracks = await call(api.GET("/api/tracks"));
    list.replaceChildren(...(tracks.length
      ? tracks.map((t) => h("li", {}, h("button", { type: "button", class: "link-button", onclick: () => void openTrack(t.id) }, t.title),
        text("span", `${t.difficulty_level ?? ""} · ${t.status}`, "hint")))
      : [text("li", "No tracks yet.", "hint")]));
  } catch (error) {
    list.replaceChildren(h("li", {}, failure((error as Error).message, () => void loadTracks())));
  }
}

async function openTrack(trackId: number): Promise<void> {
  closeSocket();
  const detail = document.getElementById(ids.detail)!;
  try {
    track = await call(api.GET("/api/tracks/{track_id}", { params: { path: { track_id: trackId } } }));
  } catch (error) {
    detail.replaceChildren(failure((error as Error).message, () => void openTrack(trackId)));
    return;
  }
  const heading = h("h3", { tabindex: -1, id: "track-title" }, track.title);
  detail.replaceChildren(heading, text("p", track.description, "hint"));
  const modules = track.modules ?? [];
  if (modules.length) {
    renderModules(detail, modules);
  }
  await openPlanning(detail);
  heading.focus();
}

// ---------- planning chat ----------

async function openPlanning(detail: HTMLElement): Promise<void> {
  if (!track) return;
  const sessions = await call(api.GET("/api/chat/sessions")).catch(() => [] as Session[]);
  session = sessions.find((s) => s.track_id === track!.id) ?? await call(api.POST("/api/chat/sessions", { body: { track_id: track.id } }));
  const chats = (await call(api.GET("/api/chat/sessions/{session_id}/chats", { params: { path: { session_id: session.id } } }))).sort((a, b) => a.id - b.id);
  chatId = chats.length ? chats[chats.length - 1].id : (await call(api.POST("/api/chat/chats", { body: { session_id: session.id, title: "Chat 1" } }))).id;

  const input = h("textarea", { rows: 2, maxlength: 8000, id: "planning-input" });
  const send = h("button", { type: "submit" }, "Send");
  const stop = h("button", { type: "button", class: "secondary", id: ids.stop, hidden: true, onclick: stopReply }, "Stop");
  const form = h("form", { class: "chat-form", novalidate: true }, field("Message to the planner", input), h("div", { class: "actions" }, send, stop));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const content = input.value.trim();
    if (!content) return;
    if (sendFrame({ type: "message", content, chat_id: chatId })) {
      appendMessage({ message_id: -Date.now(), chat_id: chatId!, role: "user", content, status: "completed", created_at: new Date().toISOString() });
      input.value = "";
    }
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  const planSection = h("div", { id: ids.plan });
  detail.append(
    h("section", { class: "planning", "aria-labelledby": "planning-title" },
      h("h3", { id: "planning-title" }, "Plan with the AI"),
      h("div", { class: "chat-switcher" }, h("ul", { id: ids.chats, class: "chips", "aria-label": "Chats" }),
        h("button", { type: "button", class: "secondary", onclick: () => void newChat() }, "New chat")),
      h("ol", { id: ids.messages, class: "messages", "aria-label": "Planning messages", "aria-live": "polite" }),
      h("p", { id: ids.status, class: "hint", "aria-live": "polite" }),
      form,
      h("div", { class: "actions" },
        h("button", { type: "button", class: "secondary", onclick: () => void generatePlan() }, "Generate plan"),
        h("button", { type: "button", onclick: () => void finalisePlan() }, "Finalise plan")),
      planSection));
  renderChats(chats.length ? chats : [{ id: chatId, session_id: session.id, title: "Chat 1", status: "active", kind: "planning" }]);
  if (session.draft_plan) renderPlan(session.draft_plan as Plan);
  connect();
}

function renderChats(chats: Chat[]): void {
  const list = document.getElementById(ids.chats);
  if (!list) return;
  chats.sort((a, b) => a.id - b.id);
  list.replaceChildren(...chats.map((chat, index) => h("li", {},
    h("button", {
      type: "button", class: "chip", "aria-pressed": String(chat.id === chatId), "data-chat-id": chat.id,
      onclick: () => switchChat(chat.id),
    }, chat.title || `Chat ${index + 1}`))));
}

async function newChat(): Promise<void> {
  if (!session) return;
  const count = document.querySelectorAll(`#${ids.chats} li`).length;
  const chat = await call(api.POST("/api/chat/chats", { body: { session_id: session.id, title: `Chat ${count + 1}` } }));
  const chats = (await call(api.GET("/api/chat/sessions/{session_id}/chats", { params: { path: { session_id: session.id } } }))).sort((a, b) => a.id - b.id);
  chatId = chat.id;
  renderChats(chats);
  switchChat(chat.id);
}

function switchChat(id: number): void {
  chatId = id;
  document.querySelectorAll<HTMLButtonElement>(`#${ids.chats} button`).forEach((button) => {
    button.setAttribute("aria-pressed", String(Number(button.dataset.chatId) === id));
  });
  document.getElementById(ids.messages)?.replaceChildren();
  sendFrame({ type: "switch", chat_id: id });
}

function connect(): void {
  if (!session) return;
  const ws = new WebSocket(socketUrl(`/ws/chat/${session.id}/switch`));
  socket = ws;
  setStatus("Connecting…");
  ws.addEventListener("open", () => {
    setStatus("");
    if (chatId) ws.send(JSON.stringify({ type: "switch", chat_id: chatId }));
  });
  ws.addEventListener("message", (event) => onFrame(JSON.parse(String(event.data)) as Frame));
  ws.addEventListener("close", (event) => {
    if (socket !== ws) return;
    socket = null;
    setStopVisible(false);
    setStatus(event.code === 1008 ? `The chat refused the connection: ${event.reason}` : "Disconnected.");
    showReconnect();
  });
}

function showReconnect(): void {
  const status = document.getElementById(ids.status);
  if (!status) return;
  status.append(" ", h("button", { type: "button", class: "secondary", onclick: () => connect() }, "Reconnect"));
}

function closeSocket(): void {
  const ws = socket;
  socket = null;
  ws?.close();
}

function sendFrame(frame: object): boolean {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    setStatus("Not connected yet: try again in a moment.");
    return false;
  }
  socket.send(JSON.stringify(frame));
  return true;
}

function stopReply(): void {
  sendFrame({ type: "stop", chat_id: chatId });
}

function onFrame(frame: Frame): void {
  switch (frame.type) {
    case "history":
      if (frame.chat_id !== chatId) return;
      document.getElementById(ids.messages)?.replaceChildren();
      frame.messages.forEach(appendMessage);
      setStopVisible(frame.messages.some((m) => m.status === "streaming"));
      if (frame.messages.some((m) => m.status === "streaming")) streamingId = frame.messages.find((m) => m.status === "streaming")!.message_id;
      break;
    case "ack":
      setStatus("The planner is writing…");
      break;
    case "token": {
      if (frame.chat_id !== chatId) return;
      streamingId = frame.message_id;
      setStopVisible(true);
      let bubble = messageElement(frame.message_id);
      if (!bubble) bubble = appendMessage({ message_id: frame.message_id, chat_id: frame.chat_id, role: "assistant", content: "", status: "streaming", created_at: "" });
      const content = bubble.querySelector(".message-text")!;
      content.textContent = (content.textContent ?? "") + frame.delta;
      bubble.dataset.status = "streaming";
      break;
    }
    case "message": {
      if (frame.message.chat_id !== chatId) return;
      const existing = messageElement(frame.message.message_id);
      if (existing) {
        existing.querySelector(".message-text")!.textContent = frame.message.content;
        existing.dataset.status = frame.message.status;
        existing.querySelector(".message-role")!.textContent = roleLabel(frame.message);
      } else if (frame.message.role !== "user") appendMessage(frame.message);
      if (frame.message.message_id === streamingId || frame.message.role === "assistant") {
        streamingId = null;
        setStopVisible(false);
        setStatus(frame.message.status === "stopped" ? "Stopped." : "");
      }
      break;
    }
    case "stopped":
      setStatus("Stopping…");
      break;
    case "error":
      setStatus(frame.detail);
      setStopVisible(false);
      break;
    default:
      break;
  }
}

function roleLabel(message: Message): string {
  const who = message.role === "user" ? "You" : "Planner";
  return message.status === "stopped" ? `${who} (stopped)` : who;
}

function messageElement(id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#${ids.messages} [data-message-id="${id}"]`);
}

function appendMessage(message: Message): HTMLElement {
  const item = h("li", { class: `message message-${message.role}`, "data-message-id": message.message_id, "data-status": message.status },
    text("span", roleLabel(message), "message-role"), text("p", message.content, "message-text"));
  document.getElementById(ids.messages)?.append(item);
  return item;
}

function setStatus(message: string): void {
  const status = document.getElementById(ids.status);
  if (status) status.textContent = message;
}

function setStopVisible(visible: boolean): void {
  const stop = document.getElementById(ids.stop);
  if (stop) stop.hidden = !visible;
}

// ---------- plan, modules ----------

async function generatePlan(): Promise<void> {
  if (!session || !track) return;
  setStatus("Generating a plan…");
  try {
    const result = await call(api.POST("/api/ai/generate-plan", { body: { track_id: track.id, session_id: session.id, chat_id: chatId } }));
    renderPlan(result.plan as Plan);
    setStatus("");
  } catch (error) {
    document.getElementById(ids.plan)?.replaceChildren(failure((error as Error).message, () => void generatePlan()));
    setStatus("");
  }
}

function renderPlan(plan: Plan): void {
  document.getElementById(ids.plan)?.replaceChildren(
    h("h4", {}, `Draft plan: ${plan.title}`), text("p", plan.summary, "hint"),
    h("ol", { class: "plan-modules" }, ...plan.modules.map((m) => h("li", {}, text("strong", m.title), " ", text("span", m.description ?? "", "hint")))));
}

async function finalisePlan(): Promise<void> {
  if (!session || !track) return;
  try {
    const result = await call(api.POST("/api/ai/finalize-course-plan", { body: { session_id: session.id, track_id: track.id } }));
    const detail = document.getElementById(ids.detail)!;
    renderModules(detail, result.modules);
    document.getElementById("modules-title")?.focus();
  } catch (error) {
    const message = error instanceof ApiError && error.status === 400 ? `${error.message} Generate a plan first.` : (error as Error).message;
    document.getElementById(ids.plan)?.replaceChildren(failure(message, () => void finalisePlan()));
  }
}

function renderModules(detail: HTMLElement, modules: Module[]): void {
  const done = modules.filter((m) => m.is_completed).length;
  const section = h("section", { id: ids.modules, class: "modules", "aria-labelledby": "modules-title" },
    h("h3", { id: "modules-title", tabindex: -1 }, `Modules (${done} of ${modules.length} done)`),
    h("ol", { class: "item-list" }, ...modules.map((m) => h("li", { "data-module-id": m.id, class: m.is_completed ? "module done" : "module" },
      text("strong", m.title), text("span", m.is_completed ? "completed" : `${m.estimated_hours ?? "?"} h`, m.is_completed ? "badge badge-completed" : "hint"),
      h("button", { type: "button", class: "secondary", onclick: () => void learnModule(m) }, `Learn ${m.title}`)))),
    h("div", { id: ids.moduleChat }));
  document.getElementById(ids.modules)?.remove();
  detail.querySelector("h3 + p")?.after(section);
}

async function learnModule(module: Module): Promise<void> {
  const panel = document.getElementById(ids.moduleChat)!;
  panel.replaceChildren(text("p", "Opening the module…", "hint"));
  let start: { chat_id: number; message: Message };
  try {
    start = await call(api.POST("/api/ai/module-learning-start", { body: { module_id: module.id } }));
  } catch (error) {
    panel.replaceChildren(failure((error as Error).message, () => void learnModule(module)));
    return;
  }
  const history = await call(api.POST("/api/ai/module-chat-history", { body: { chat_id: start.chat_id } })).catch(() => ({ messages: [start.message] }));
  const list = h("ol", { class: "messages", "aria-label": `Module chat: ${module.title}`, "aria-live": "polite" },
    ...history.messages.map((m) => h("li", { class: `message message-${m.role}` }, text("span", m.role === "user" ? "You" : "Tutor", "message-role"), text("p", m.content, "message-text"))));
  const input = h("textarea", { rows: 2, maxlength: 8000 });
  const error = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "chat-form", novalidate: true }, field("Message to the tutor", input), h("div", { class: "actions" }, h("button", { type: "submit" }, "Ask the tutor")), error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    setBusy(form, true);
    error.textContent = "";
    list.append(h("li", { class: "message message-user" }, text("span", "You", "message-role"), text("p", message, "message-text")));
    try {
      const reply = await call(api.POST("/api/ai/module-chat", { body: { chat_id: start.chat_id, message } }));
      list.append(h("li", { class: "message message-assistant" }, text("span", "Tutor", "message-role"), text("p", reply.response, "message-text")));
      input.value = "";
    } catch (failure) {
      error.textContent = (failure as Error).message;
    } finally {
      setBusy(form, false);
    }
  });
  const outcome = h("p", { class: "hint", "aria-live": "polite", id: "module-outcome" });
  const complete = h("button", { type: "button", onclick: async () => {
    try {
      const result = await call(api.POST("/api/ai/module-complete", { body: { module_id: module.id } }));
      outcome.textContent = result.track_completed
        ? `Track completed: ${result.completed_modules} of ${result.total_modules} modules.`
        : `Module completed (${result.completed_modules} of ${result.total_modules}).${result.next_module ? ` Next: ${result.next_module.title}` : ""}`;
      const refreshed = await call(api.GET("/api/tracks/{track_id}", { params: { path: { track_id: module.track_id } } }));
      const chatPanel = document.getElementById(ids.moduleChat);
      renderModules(document.getElementById(ids.detail)!, refreshed.modules ?? []);
      if (chatPanel) document.getElementById(ids.moduleChat)?.replaceWith(chatPanel);
    } catch (failure) {
      outcome.textContent = (failure as Error).message;
    }
  } }, "Complete module");
  panel.replaceChildren(h("h4", { tabindex: -1 }, `Learning: ${module.title}`), list, form, h("div", { class: "actions" }, complete), outcome);
  panel.querySelector<HTMLElement>("h4")?.focus();
}
