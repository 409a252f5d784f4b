// The console: signing in (register, log in, guest), then one view per part of the platform, chosen by the URL's hash
// (#/paths, #/tracks, ...). Views render when shown; each fetches its own data.
import "./app.css";
import { anonymousApi, call, clearSession, saveSession, setSignOutHandler, storedUser, accessToken, type Tokens, type User } from "./api";
import { byId } from "./dom";
import { initPaths, refreshLists, resetPaths } from "./paths";
import { views, type View } from "./views";

function userLabel(user: User | null): string {
  if (!user) return "";
  if (user.is_guest) return "Guest";
  return user.name || user.email || user.username || "";
}

async function onAuthSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const register = (event.submitter as HTMLElement | null)?.dataset.action === "register";
  const email = byId<HTMLInputElement>("auth-email").value.trim();
  const password = byId<HTMLInputElement>("auth-password").value;
  if (!email || !password) return showAuthError("Enter your email and password.");
  const name = byId<HTMLInputElement>("auth-name").value.trim() || null;
  await signIn(() => register
    ? call(anonymousApi.POST("/api/v1/auth/register", { body: { email, password, name } }))
    : call(anonymousApi.POST("/api/v1/auth/login", { body: { username: email, password } })));
}

async function signIn(request: () => Promise<unknown>): Promise<void> {
  showAuthError("");
  const form = byId("auth-form");
  setFormBusy(form, true);
  try {
    saveSession((await request()) as Tokens);
    byId<HTMLInputElement>("auth-password").value = "";
    showWorkspace();
  } catch (error) {
    showAuthError((error as Error).message);
  } finally {
    setFormBusy(form, false);
  }
}

function setFormBusy(form: HTMLElement, busy: boolean): void {
  form.setAttribute("aria-busy", String(busy));
  form.querySelectorAll("button").forEach((button) => {
    button.disabled = busy;
  });
}

function onLogout(): void {
  const token = accessToken();
  // Best effort: the session is revoked on the server; the page forgets the tokens either way.
  if (token) anonymousApi.POST("/api/v1/auth/logout", { headers: { Authorization: `Bearer ${token}` } }).catch(() => {});
  signOut("");
}

function signOut(message: string): void {
  clearSession();
  resetPaths();
  for (const view of Object.values(views)) view.reset?.();
  document.querySelectorAll<HTMLElement>(".view").forEach((element) => {
    if (element.id !== "view-paths") element.replaceChildren();
  });
  byId("workspace").hidden = true;
  byId("session").hidden = true;
  byId("auth").hidden = false;
  showAuthError(message);
  byId("auth-email").focus();
}

function showAuthError(message: string): void {
  byId("auth-error").textContent = message;
}

function showWorkspace(): void {
  byId("auth").hidden = true;
  byId("workspace").hidden = false;
  byId("session").hidden = false;
  byId("session-user").textContent = userLabel(storedUser());
  route(true);
}

// ---------- views ----------

let current = "";

function route(focusPrompt = false): void {
  if (byId("workspace").hidden) return;
  const name = location.hash.replace(/^#\/?/, "").split("/")[0] || "paths";
  const known = name === "paths" || name in views ? name : "paths";
  document.querySelectorAll<HTMLElement>(".view").forEach((element) => {
    element.hidden = element.dataset.view !== known;
  });
  document.querySelectorAll<HTMLAnchorElement>("#nav a").forEach((link) => {
    if (link.dataset.view === known) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  });
  const changed = known !== current;
  current = known;
  if (known === "paths") {
    if (changed || focusPrompt) {
      byId("prompt").focus();
      void refreshLists();
    }
    return;
  }
  const view: View = views[known];
  const container = byId(`view-${known}`);
  void view.show(container);
  if (changed && !focusPrompt) container.querySelector<HTMLElement>("h2")?.focus();
}

function start(): void {
  setSignOutHandler(signOut);
  byId("auth-form").addEventListener("submit", (event) => void onAuthSubmit(event as SubmitEvent));
  byId("guest").addEventListener("click", () => void signIn(() => call(anonymousApi.POST("/api/auth/guest-login"))));
  byId("logout").addEventListener("click", onLogout);
  initPaths();
  window.addEventListener("hashchange", () => route());
  if (accessToken()) showWorkspace();
  else byId("auth-email").focus();
}

start();
