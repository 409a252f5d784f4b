// The console's way to Edge.Api: the TypeScript client generated from the API's OpenAPI document
// (clients/typescript: every path, parameter and body is type-checked), with the session around it: bearer token from
// sessionStorage, one shared refresh on a 401 (refresh tokens rotate, reusing one revokes the session), errors read from
// any of the seeds' shapes.
import { createPipelineClient, type PipelineClient } from "../../clients/typescript/src/index";

export const TOKEN_KEYS = { access: "pipeline.accessToken", refresh: "pipeline.refreshToken", user: "pipeline.user" } as const;

export interface User {
  id?: number | string;
  email?: string;
  name?: string | null;
  username?: string;
  is_guest?: boolean;
  role?: string;
  roles?: string[];
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  user?: User;
}

export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

type SignOutHandler = (message: string) => void;
let onSignedOut: SignOutHandler = () => {};
export function setSignOutHandler(handler: SignOutHandler): void {
  onSignedOut = handler;
}

export function accessToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEYS.access);
}

export function saveSession(tokens: Tokens): void {
  sessionStorage.setItem(TOKEN_KEYS.access, tokens.access_token);
  sessionStorage.setItem(TOKEN_KEYS.refresh, tokens.refresh_token);
  if (tokens.user) sessionStorage.setItem(TOKEN_KEYS.user, JSON.stringify(tokens.user));
}

export function clearSession(): void {
  Object.values(TOKEN_KEYS).forEach((key) => sessionStorage.removeItem(key));
}

export function storedUser(): User | null {
  try {
    return JSON.parse(sessionStorage.getItem(TOKEN_KEYS.user) ?? "null") as User | null;
  } catch {
    return null;
  }
}

export function storeUser(user: User): void {
  sessionStorage.setItem(TOKEN_KEYS.user, JSON.stringify(user));
}

let refreshInFlight: Promise<boolean> | null = null;

export function refreshTokens(): Promise<boolean> {
  refreshInFlight ??= requestNewTokens().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function requestNewTokens(): Promise<boolean> {
  const refreshToken = sessionStorage.getItem(TOKEN_KEYS.refresh);
  if (!refreshToken) return false;
  const { data } = await anonymousApi.POST("/api/v1/auth/refresh", { body: { refresh_token: refreshToken } });
  if (!data?.access_token || !data.refresh_token) return false;
  saveSession(data as Tokens);
  return true;
}

/** fetch for the generated client: the bearer token; on a 401 refreshes once and repeats the request, else ends the session. */
async function sessionFetch(request: Request): Promise<Response> {
  const repeat = request.clone();
  const token = accessToken();
  if (token) request.headers.set("Authorization", `Bearer ${token}`);
  const response = await fetch(request);
  if (response.status !== 401) return response;
  if (await refreshTokens()) {
    repeat.headers.set("Authorization", `Bearer ${accessToken() ?? ""}`);
    return fetch(repeat);
  }
  onSignedOut("Your session has ended. Please sign in again.");
  throw new ApiError("Not signed in", 401);
}

/** The API as the signed-in user. */
export const api: PipelineClient = createPipelineClient({ fetch: sessionFetch });
/** The API without a session (register, log in, guest, refresh): a 401 there is an answer, not an ended session. */
export const anonymousApi: PipelineClient = createPipelineClient();

/** The success body of a generated client's call, or an ApiError with the message of the error body. */
export async function call<T>(result: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await result;
  if (!response.ok) throw new ApiError(errorMessage(error, response.status), response.status);
  return data as T;
}

// Untyped calls by path, for what the generated client cannot express: every view calls `api` above (type-checked
// against the OpenAPI document); prefer it in new code.
export function jsonRequest(method: string, body: unknown, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  return { ...init, method, headers, body: JSON.stringify(body) };
}

/** fetch with the bearer token; on a 401 refreshes once and repeats the call, else ends the session. */
export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return sessionFetch(new Request(path, init));
}

export async function readJson<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(errorMessage(body, response.status), response.status);
  return body as T;
}

export async function getJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  return readJson<T>(await apiFetch(path, init));
}

export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init = body === undefined ? { method } : jsonRequest(method, body);
  return readJson<T>(await apiFetch(path, init));
}

export const post = <T>(path: string, body?: unknown) => sendJson<T>("POST", path, body);
export const put = <T>(path: string, body?: unknown) => sendJson<T>("PUT", path, body);
export const patch = <T>(path: string, body?: unknown) => sendJson<T>("PATCH", path, body);
export const del = <T>(path: string) => sendJson<T>("DELETE", path);

/** The API answers errors in its seeds' shapes: {detail}, {code, message, details} or {error: {message}}. */
export function errorMessage(body: unknown, status: number): string {
  const value = body as { detail?: unknown; message?: unknown; error?: { message?: unknown } } | null;
  if (typeof value?.detail === "string") return value.detail;
  if (Array.isArray(value?.detail)) return value.detail.map((problem: { msg?: string }) => problem.msg ?? String(problem)).join(" ");
  if (typeof value?.message === "string") return value.message;
  if (typeof value?.error?.message === "string") return value.error.message;
  return `The request failed (HTTP ${status}).`;
}

/** A WebSocket URL on this host, with the access token as ?token= (browsers cannot set headers on a socket). */
export function socketUrl(path: string): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const separator = path.includes("?") ? "&" : "?";
  return `${scheme}//${location.host}${path}${separator}token=${encodeURIComponent(accessToken() ?? "")}`;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
