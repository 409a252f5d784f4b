// The Pipeline API client: the types are generated from the API's OpenAPI document (src/schema.d.ts, by
// openapi-typescript: `bash scripts/tsclient.sh`), the calls are made by openapi-fetch. Every path, parameter, body and
// response is checked by the compiler:
//
//   const api = createPipelineClient({ baseUrl: "http://127.0.0.1:8080", accessToken: () => token });
//   const { data, error, response } = await api.GET("/api/v1/goals", { params: { query: { limit: 5 } } });
//
// `data` is the typed success body, `error` the typed error body ({code, message, details} on /api/v1).
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

export type PipelineClient = Client<paths>;

/** The document's named schemas: `Schema<"PipelineDomainPlatformGoal">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/** The error body of every /api/v1 route (seed 004). */
export type ApiV1Error = components["schemas"]["PipelineEdgeApiErrorsSeedErrorWriter_CodeMessageError"];

export interface PipelineClientOptions {
  /** Where the API is; "" (the default) calls the page's own origin. */
  baseUrl?: string;
  /** Read before every request; a token is sent as `Authorization: Bearer ...` unless the call sets that header. */
  accessToken?: () => string | null | undefined;
  /** The fetch to call with each request, e.g. one that refreshes an expired session and repeats the request. */
  fetch?: (request: Request) => Promise<Response>;
}

export function createPipelineClient(options: PipelineClientOptions = {}): PipelineClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? "", ...(options.fetch ? { fetch: options.fetch } : {}) });
  const accessToken = options.accessToken;
  if (accessToken) {
    client.use({
      onRequest({ request }) {
        const token = accessToken();
        if (token && !request.headers.has("Authorization")) request.headers.set("Authorization", `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
