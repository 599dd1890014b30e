import createClient, { type Client, type FetchResponse, type MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import { GableError, retryAfterSeconds } from "./errors.js";
import type { paths } from "./schema.js";

export interface GableOptions {
  /** An API key, `gbl_live_…` (or a signed-in user's JWT). */
  apiKey: string;
  /** The server, e.g. `https://gable.example.com`; default `http://127.0.0.1:8080`. */
  baseUrl?: string;
  /** How many times a request answered 429 is sent again, after `Retry-After`. Default 2. */
  maxRetries?: number;
  /** A 429 asking for a longer wait than this (seconds) is not retried. Default 60. */
  maxRetryWait?: number;
  /** The fetch to send with; default the global one. */
  fetch?: (request: Request) => Promise<Response>;
}

type InitParam<Init> =
  RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/** What a successful call resolves to: the operation's 2xx body. */
export type Data<Method extends HttpMethod, Path extends PathsWithMethod<paths, Method>, Init> = NonNullable<
  FetchResponse<paths[Path][Method] & Record<string | number, unknown>, Init, MediaType>["data"]
>;

type Call<Method extends HttpMethod> = <
  Path extends PathsWithMethod<paths, Method>,
  Init extends MaybeOptionalInit<paths[Path], Method>,
>(
  path: Path,
  ...init: InitParam<Init>
) => Promise<Data<Method, Path, Init>>;

/** The `GET` paths that answer a list (a bare JSON array, paged with `Link`). */
export type ListPath = {
  [Path in PathsWithMethod<paths, "get">]: Data<"get", Path, undefined> extends readonly unknown[] ? Path : never;
}[PathsWithMethod<paths, "get">];

type Item<Path extends ListPath> = Data<"get", Path, undefined> extends readonly (infer T)[] ? T : never;

/**
 * A Gable API client. `get`, `post`, `put`, `patch` and `delete` take a documented path and its
 * typed parameters and body, resolve to the typed answer, and throw a `GableError` subclass for
 * every error answer. `paginate` walks a list page by page. `raw` is the underlying
 * openapi-fetch client, which returns `{ data, error, response }` instead of throwing.
 *
 * Every POST carries an `Idempotency-Key` (one is made unless given), so a retry is safe; a 429 is
 * retried after `Retry-After` up to `maxRetries` times.
 */
export class Gable {
  readonly raw: Client<paths>;
  readonly get: Call<"get">;
  readonly post: Call<"post">;
  readonly put: Call<"put">;
  readonly patch: Call<"patch">;
  readonly delete: Call<"delete">;

  readonly #send: (request: Request) => Promise<Response>;
  readonly #baseUrl: string;
  readonly #apiKey: string;

  constructor(options: GableOptions) {
    if (!options.apiKey) throw new TypeError("Gable: apiKey is required");
    const send = retrying(options.fetch ?? ((request) => fetch(request)), {
      maxRetries: options.maxRetries ?? 2,
      maxRetryWait: options.maxRetryWait ?? 60,
    });
    this.#send = send;
    this.#baseUrl = (options.baseUrl ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
    this.#apiKey = options.apiKey;
    this.raw = createClient<paths>({
      baseUrl: this.#baseUrl,
      headers: { Authorization: `Bearer ${options.apiKey}` },
      fetch: send,
    });
    const call =
      (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE") =>
      async (path: string, init?: Record<string, unknown>): Promise<unknown> => {
        const { data, error, response } = await (this.raw[method] as AnyMethod)(path, init);
        if (!response.ok || error !== undefined) throw GableError.from(response, error);
        return data;
      };
    this.get = call("GET") as Call<"get">;
    this.post = call("POST") as Call<"post">;
    this.put = call("PUT") as Call<"put">;
    this.patch = call("PATCH") as Call<"patch">;
    this.delete = call("DELETE") as Call<"delete">;
  }

  /**
   * Every item of a list, fetching the next page (the `Link: <…>; rel="next"` header) as the
   * previous one runs out. `params.query.limit` sets the page size.
   */
  async *paginate<Path extends ListPath, Init extends MaybeOptionalInit<paths[Path], "get">>(
    path: Path,
    ...init: InitParam<Init>
  ): AsyncGenerator<Item<Path>, void, undefined> {
    const first = (init[0] ?? {}) as { params?: { query?: Record<string, unknown> } };
    let query: Record<string, unknown> | undefined = first.params?.query;
    for (;;) {
      const options = { ...first, params: { ...first.params, query } };
      const { data, error, response } = await (this.raw.GET as AnyMethod)(path, options);
      if (!response.ok || error !== undefined) throw GableError.from(response, error);
      yield* data as Item<Path>[];
      const next = nextLink(response.headers.get("link"));
      if (next === undefined) return;
      // The next page is the same request with the link's query (its `startingAfter`).
      query = Object.fromEntries(new URL(next, "http://gable.invalid").searchParams);
    }
  }

  /**
   * The organization's events as they commit (`GET /api/events/stream`): each is the webhook
   * envelope (`id`, `event`, `data`, …). When the server ends the stream (it does every
   * 15 minutes) or the connection drops, it reconnects with `Last-Event-ID`, so no event is
   * lost or repeated. `lastEventId` resumes after an event; `signal` stops it.
   */
  async *events(options: { types?: string[]; lastEventId?: string; signal?: AbortSignal } = {}): AsyncGenerator<StreamedEvent, void, undefined> {
    const url = new URL(`${this.#baseUrl}/api/events/stream`);
    if (options.types?.length) url.searchParams.set("types", options.types.join(","));
    let last = options.lastEventId;
    let failures = 0;
    // Our own signal, so that the connection closes as soon as the caller stops reading
    // (`break`), not when the server next writes.
    const controller = new AbortController();
    const stop = () => controller.abort();
    options.signal?.addEventListener("abort", stop);
    try {
      while (!controller.signal.aborted) {
        const headers = new Headers({ Authorization: `Bearer ${this.#apiKey}`, Accept: "text/event-stream" });
        if (last) headers.set("Last-Event-ID", last);
        let response: Response;
        try {
          response = await this.#send(new Request(url, { headers, signal: controller.signal }));
        } catch (error) {
          if (controller.signal.aborted) return;
          if (++failures > 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000 * failures));
          continue;
        }
        if (!response.ok || !response.body) {
          const text = await response.text();
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: the text is the message
          }
          throw GableError.from(response, body);
        }
        failures = 0;
        try {
          for await (const frame of frames(response.body)) {
            if (frame.id === undefined || frame.data === undefined) continue;
            last = frame.id;
            yield JSON.parse(frame.data) as StreamedEvent;
          }
        } catch (error) {
          if (controller.signal.aborted) return;
          if (++failures > 5) throw error;
        }
      }
    } finally {
      controller.abort();
      options.signal?.removeEventListener("abort", stop);
    }
  }
}

/** One event of `Gable.events`: the webhook envelope. */
export interface StreamedEvent {
  id: string;
  event: string;
  timestamp: string;
  delivered_at: string;
  organization_id: string;
  data: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Server-Sent Events frames (`id`, `data`) out of a body, in any chunking. */
async function* frames(body: ReadableStream<Uint8Array>): AsyncGenerator<{ id?: string; data?: string }> {
  const decoder = new TextDecoder();
  let buffer = "";
  let frame: { id?: string; data?: string } = {};
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, end).replace(/\r$/, "");
      buffer = buffer.slice(end + 1);
      if (line === "") {
        if (frame.id !== undefined || frame.data !== undefined) yield frame;
        frame = {};
        continue;
      }
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") frame.id = value;
      if (field === "data") frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
    }
  }
}

type AnyMethod = (
  path: string,
  init?: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The `rel="next"` URL of a `Link` header. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(",")) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(^|;)\s*rel\s*=\s*"?next"?\s*(;|$)/i.test(match[2] ?? "")) return match[1];
  }
  return undefined;
}

/** Sends a request, adding an `Idempotency-Key` to a POST and retrying 429s after `Retry-After`. */
function retrying(
  send: (request: Request) => Promise<Response>,
  { maxRetries, maxRetryWait }: { maxRetries: number; maxRetryWait: number },
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method === "POST" && !request.headers.has("idempotency-key")) {
      const headers = new Headers(request.headers);
      headers.set("Idempotency-Key", crypto.randomUUID());
      request = new Request(request, { headers });
    }
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= maxRetries;
      const response = await send(last ? request : request.clone());
      if (response.status !== 429 || last) return response;
      const wait = retryAfterSeconds(response) ?? 2 ** attempt;
      if (wait > maxRetryWait) return response;
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  };
}
