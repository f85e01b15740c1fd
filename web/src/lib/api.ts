/**
 * The one API client: `call(endpoint, input)` sends a request described by an endpoint of
 * endpoints.ts, checks the input with the API's own zod schemas first (so a form fails as the server
 * would), and unwraps the JSON body or throws an `ApiError` carrying the server's Chinese message.
 * In development the response is parsed with the endpoint's response schema, so a drift shows at once.
 */
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Fastify syntax, as in the route (`/api/applications/:applicationId`). */
  url: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
}

type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What an endpoint takes: only the parts it declares. */
export type Input<E extends Endpoint> = (E['params'] extends z.ZodType
  ? { params: In<E['params']> }
  : unknown) &
  (E['query'] extends z.ZodType ? { query: In<E['query']> } : unknown) &
  (E['body'] extends z.ZodType ? { body: In<E['body']> } : unknown);

export type Output<E extends Endpoint> = z.output<E['response']>;

/** An error answered by the API (`{error: {code, message}}`) or met on the way. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    /** Field paths of an invalid input, when the check was made here. */
    public readonly fields: Record<string, string> = {},
    /** Each reason the server gave for refusing a record (the errors of its `issues`), in order. */
    public readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Where a 401 goes: set once by the app (to the login page with the expired message). */
let onUnauthenticated: (error: ApiError) => void = () => {};
export const setUnauthenticatedHandler = (handler: (error: ApiError) => void) => {
  onUnauthenticated = handler;
};

/** The first message of each field of a zod error, keyed by its path (`events.0.on`). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

function check(schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  const first = Object.entries(fields)[0];
  throw new ApiError(400, 'invalid-input', first ? `输入有误：${first[1]}` : '输入有误', fields);
}

/** `/api/a/:id` with `{id: 'x y'}` → `/api/a/x%20y`. */
export function pathOf(url: string, params: Record<string, unknown> | undefined): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
}

export function searchOf(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL and init of a request; checks the input first (throws ApiError 400). */
export function requestOf<E extends Endpoint>(
  endpoint: E,
  input: Input<E>,
  extraQuery?: Record<string, string>,
) {
  const i = input as { params?: unknown; query?: unknown; body?: unknown };
  // The checked params are used only for their validity: the path keeps what the caller gave.
  check(endpoint.params, i.params);
  check(endpoint.query, i.query);
  const body = endpoint.body ? check(endpoint.body, i.body) : undefined;
  const url =
    pathOf(endpoint.url, i.params as Record<string, unknown>) +
    searchOf({ ...(i.query as Record<string, unknown> | undefined), ...extraQuery });
  const init: RequestInit = {
    method: endpoint.method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  return { url, init };
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; issues?: { severity?: string; message?: string }[] };
    };
    if (body.error?.message) {
      const problems = (body.error.issues ?? []).flatMap((i) =>
        i.severity === 'error' && typeof i.message === 'string' ? [i.message] : [],
      );
      return new ApiError(res.status, body.error.code ?? 'error', body.error.message, {}, problems);
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(res.status, 'http', `服务器返回错误（${res.status}）`);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const error = await errorOf(res);
    if (res.status === 401 && !url.startsWith('/api/login')) onUnauthenticated(error);
    throw error;
  }
  return res;
}

export async function call<E extends Endpoint>(endpoint: E, input: Input<E>): Promise<Output<E>> {
  const { url, init } = requestOf(endpoint, input);
  const res = await send(url, init);
  const json: unknown = await res.json();
  if ((import.meta as { env?: { DEV?: boolean } }).env?.DEV) {
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success)
      console.warn(`${endpoint.method} ${endpoint.url} 的响应与约定不符`, parsed.error.issues);
  }
  return json as Output<E>;
}

/** A rendered file of an endpoint (`?to=docx`): its bytes and the name the server gives it. */
export async function callFile<E extends Endpoint>(
  endpoint: E,
  input: Input<E>,
  extraQuery: Record<string, string>,
): Promise<{ blob: Blob; filename: string | null; headers: Headers }> {
  const { url, init } = requestOf(endpoint, input, extraQuery);
  const res = await send(url, { ...init, headers: { ...(init.headers as object), accept: '*/*' } });
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  return {
    blob: await res.blob(),
    filename: match?.[1] ? decodeURIComponent(match[1]) : null,
    headers: res.headers,
  };
}

/**
 * Sends a request whose answer is JSON lines (application/x-ndjson), handing each line to `onLine`
 * as it arrives: the progress of long work.
 */
export async function callLines(
  url: string,
  init: RequestInit,
  onLine: (line: unknown) => void,
): Promise<void> {
  const res = await send(url, {
    credentials: 'same-origin',
    ...init,
    headers: { ...(init.headers as object), accept: 'application/x-ndjson' },
  });
  if (!res.body) throw new ApiError(0, 'network', '服务器没有返回内容');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    rest += value;
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line));
  }
  if (rest.trim()) onLine(JSON.parse(rest));
}

/** Sends a multipart form (uploads) to a path; answers its JSON. */
export async function callForm(url: string, form: FormData): Promise<unknown> {
  const res = await send(url, { method: 'POST', body: form, credentials: 'same-origin' });
  return res.json();
}

/** The Chinese message of anything thrown. */
export const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);

/** Sends a file's raw bytes (application/octet-stream) to an endpoint; answers its JSON. */
export async function callBytes<E extends Endpoint>(
  endpoint: E,
  input: Input<E>,
  bytes: Uint8Array,
): Promise<Output<E>> {
  const { url } = requestOf(endpoint, input);
  const res = await send(url, {
    method: endpoint.method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
    body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
  });
  return (await res.json()) as Output<E>;
}
