// Calls a running Pipeline API through the generated client: `node dist/test/smoke.js http://127.0.0.1:8080`.
// Run by tests/Pipeline.Tests/TypeScriptClient. Prints one JSON line with what it saw; exits 1 at the first surprise.
// Every answer's status must be one the document declares for that operation, so a route that answers other than its
// description is found here too.
import { readFileSync } from "node:fs";
import { createPipelineClient, type ApiV1Error } from "../src/index.js";

const baseUrl = process.argv[2];
if (!baseUrl) throw new Error("usage: node dist/test/smoke.js <base url>");

type Document = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
const document = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8")) as Document;

let calls = 0;
function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    console.error(`FAILED: ${message}`);
    process.exit(1);
  }
}
function documented(method: string, path: string, status: number): void {
  calls++;
  const responses = document.paths[path]?.[method]?.responses;
  check(responses, `${method.toUpperCase()} ${path} is not in openapi.json`);
  check(String(status) in responses, `${method.toUpperCase()} ${path} answered ${status}, the document declares ${Object.keys(responses).join(", ")}`);
}

let token: string | undefined;
const api = createPipelineClient({ baseUrl, accessToken: () => token });

const email = `ts-client-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const registered = await api.POST("/api/v1/auth/register", { body: { email, password: "Passw0rd-typescript", name: "TypeScript Client" } });
documented("post", "/api/v1/auth/register", registered.response.status);
check(registered.data?.access_token, `register: ${JSON.stringify(registered.error)}`);
token = registered.data.access_token;

const anonymous = await createPipelineClient({ baseUrl }).GET("/api/v1/goals");
documented("get", "/api/v1/goals", anonymous.response.status);
check(anonymous.response.status === 401, `goals without a token: ${anonymous.response.status}`);
const unauthorised: ApiV1Error | undefined = anonymous.error;
check(typeof unauthorised?.code === "string" && typeof unauthorised.message === "string", `401 body: ${JSON.stringify(unauthorised)}`);

const me = await api.GET("/api/v1/auth/me");
documented("get", "/api/v1/auth/me", me.response.status);
check(me.data?.email === email, `me: ${JSON.stringify(me.data ?? me.error)}`);

const goal = await api.POST("/api/v1/goals", { body: { title: "Read three papers", unit: "papers", target_value: 3 } });
documented("post", "/api/v1/goals", goal.response.status);
check(goal.data?.id, `create goal: ${JSON.stringify(goal.error)}`);
const goalId = goal.data.id;

const progress = await api.POST("/api/v1/goals/{id}/progress", { params: { path: { id: goalId } }, body: { value: 3 } });
documented("post", "/api/v1/goals/{id}/progress", progress.response.status);
check(progress.data, `progress: ${JSON.stringify(progress.error)}`);

const goals = await api.GET("/api/v1/goals", { params: { query: { limit: 5 } } });
documented("get", "/api/v1/goals", goals.response.status);
check(goals.data?.limit === 5 && goals.data.total === 1, `list goals: ${JSON.stringify(goals.data ?? goals.error)}`);
const listed = goals.data.items?.[0];
check(listed?.id === goalId && listed.status === "completed" && listed.current_value === 3, `listed goal: ${JSON.stringify(listed)}`);

const invalid = await api.POST("/api/v1/goals", { body: { title: "Negative", unit: "pages", target_value: -1 } });
documented("post", "/api/v1/goals", invalid.response.status);
check(invalid.response.status === 400 && JSON.stringify(invalid.error?.details ?? {}).includes("target_value"),
  `bad goal: ${invalid.response.status} ${JSON.stringify(invalid.error)}`);

const note = await api.POST("/api/v1/notes", { body: { title: "Typed", content: "Written through the generated client", tags: ["ts"] } });
documented("post", "/api/v1/notes", note.response.status);
check(note.data?.id, `create note: ${JSON.stringify(note.error)}`);
const read = await api.GET("/api/v1/notes/{id}", { params: { path: { id: note.data.id } } });
documented("get", "/api/v1/notes/{id}", read.response.status);
check(read.data?.content === "Written through the generated client", `read note: ${JSON.stringify(read.data ?? read.error)}`);
const notes = await api.GET("/api/v1/notes", { params: { query: { limit: 1, offset: 0 } } });
documented("get", "/api/v1/notes", notes.response.status);
check(notes.data?.items?.length === 1 && notes.data.total === 1, `list notes: ${JSON.stringify(notes.data ?? notes.error)}`);
const removed = await api.DELETE("/api/v1/notes/{id}", { params: { path: { id: note.data.id } } });
documented("delete", "/api/v1/notes/{id}", removed.response.status);
const gone = await api.GET("/api/v1/notes/{id}", { params: { path: { id: note.data.id } } });
documented("get", "/api/v1/notes/{id}", gone.response.status);
check(gone.response.status === 404 && gone.error?.code, `deleted note: ${gone.response.status} ${JSON.stringify(gone.error)}`);

console.log(JSON.stringify({ ok: true, calls, user: me.data.id, goal: listed, error_401: unauthorised.code }));
