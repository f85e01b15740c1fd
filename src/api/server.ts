/**
 * The HTTP API on Fastify: the routes of routes.ts, each input parsed with its zod schema, every error
 * sent as `{ error: { code, message } }` in Chinese (errors.ts), and /openapi.json generated from the
 * same routes. `buildApi` makes the instance without listening (tests call `inject`).
 */

import { randomBytes } from 'node:crypto';
import multipart from '@fastify/multipart';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import type { z } from 'zod';
import { LoginLimiter } from '../auth/rate-limit.js';
import { tokenFromHeaders } from '../auth/session.js';
import type { Store } from '../store/index.js';
import type { IsoDate } from '../workflow/index.js';
import { uploadLimitBytes, uploadMaxFiles } from './corpus-contract.js';
import { ApiError, errorResponse, type FieldNamer, invalidInput, toApiError } from './errors.js';
import { registerInspectBodies } from './inspect-routes.js';
import { buildOpenApi } from './openapi.js';
import type { ApiDeps, Route } from './route.js';
import { routes } from './routes.js';
import { principalOf } from './services/principal.js';
import { authenticate } from './services/sessions.js';
import { sharedJson } from './services/shared.js';
import { todayInChina } from './services/today.js';
import { registerWebStatic } from './web-static.js';

/** Bodies larger than this are refused (400). */
export const defaultBodyLimit = 1024 * 1024;

export interface ApiOptions {
  store: Store;
  /** Defaults to the real clock. */
  now?: () => Date;
  /** Defaults to today in China by `now`. */
  today?: () => IsoDate;
  limiter?: LoginLimiter;
  bodyLimit?: number;
  /** The version in the OpenAPI document. */
  version?: string;
  /**
   * Log as JSON lines (pino, as Fastify does): true for warnings and errors on standard output, or
   * the level and the stream. Every line of a request carries its id (`reqId`), which is also in
   * the `X-Request-Id` header and in the body of an error.
   */
  logger?: boolean | { level?: string; stream?: { write(line: string): unknown } };
  /**
   * The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses or CIDR ranges,
   * comma-separated); none by default: the client address is the socket's.
   */
  trustProxy?: string | string[];
  /** Milliseconds a request may take to arrive in full, headers and body (30 s). */
  requestTimeoutMs?: number;
  /** Milliseconds a connection may stay idle (60 s; keep-alive between requests: 5 s). */
  connectionTimeoutMs?: number;
}

/** Security headers of every response. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  // The web app is served from the same origin: its scripts and styles from 'self', Ant Design's
  // inline styles allowed; no framing by other sites.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
};

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A change made with the session cookie must come from a page of this site: its Origin (or, without
 * one, its Referer) names this host. A token sent as `Authorization: Bearer` is not sent by
 * browsers on their own, so it needs no such check.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (typeof source !== 'string' || source === 'null') return false;
  try {
    // Through URL on both sides, so a default port written out (localhost:80) compares equal.
    return new URL(source).host === new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return false;
  }
}

/** Request ids: 6 random bytes each, drawn from a pool filled for 1,024 ids at a time. */
let idPool = Buffer.alloc(0);
let idAt = 0;
function requestId(): string {
  if (idAt >= idPool.length) {
    idPool = randomBytes(6 * 1024);
    idAt = 0;
  }
  idAt += 6;
  return idPool.toString('hex', idAt - 6, idAt);
}

/** A bare error response for the client errors Node answers before Fastify sees a request. */
function rawError(status: number, code: string, message: string): string {
  const body = JSON.stringify({ error: { code, message } });
  const reason =
    status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

function loggerOptions(logger: ApiOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  if (logger === true) return { level: 'warn' };
  return {
    level: logger.level ?? 'warn',
    ...(logger.stream ? { stream: logger.stream } : {}),
  } as FastifyServerOptions['logger'];
}

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, name?: FieldNamer): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throw invalidInput(result.error, name);
  return result.data;
}

/** Query strings parsed per route, kept (frozen) by their text: a register asks the same few over and over. */
const queriesKept = 256;

function queryParser(schema: z.ZodType | undefined): (request: FastifyRequest) => unknown {
  if (!schema) return () => undefined;
  const parsed = new Map<string, unknown>();
  return (request) => {
    const at = request.url.indexOf('?');
    const text = at < 0 ? '' : request.url.slice(at);
    if (parsed.has(text)) return parsed.get(text);
    const value = parse(schema, request.query);
    if (parsed.size >= queriesKept) parsed.clear();
    parsed.set(text, typeof value === 'object' && value !== null ? Object.freeze(value) : value);
    return value;
  };
}

export async function buildApi(options: ApiOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const now = options.now ?? (() => new Date());
  const deps: ApiDeps = {
    store: options.store,
    limiter: options.limiter ?? new LoginLimiter(),
    now,
    today: options.today ?? (() => todayInChina(now())),
  };
  const sendError = (request: FastifyRequest, reply: FastifyReply, e: ApiError) =>
    reply
      .status(e.status)
      .type('application/json; charset=utf-8')
      .send(errorResponse(e, String(request.id)));
  const app = Fastify({
    bodyLimit,
    logger: loggerOptions(options.logger),
    genReqId: requestId,
    // Fastify 5 takes the label of the request id in log lines from the log controller.
    logController: new LogController({ requestIdLogLabel: 'reqId' }),
    trustProxy: options.trustProxy ?? false,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    connectionTimeout: options.connectionTimeoutMs ?? 60_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: (error, request, reply) => {
      void sendError(request, reply, toApiError(error, { bodyLimit }));
    },
    clientErrorHandler: (error, socket) => {
      const code = (error as { code?: string }).code;
      if (!socket.writable) return socket.destroy();
      const text =
        code === 'HPE_HEADER_OVERFLOW'
          ? rawError(431, 'headers-too-large', '请求头或地址过长')
          : code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? rawError(408, 'request-timeout', '请求未在规定时间内传完')
            : rawError(400, 'invalid-request', '请求无效');
      socket.end(text);
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const e = toApiError(error, { bodyLimit });
    if (e.status >= 500)
      request.log.error({ err: error }, `${request.method} ${request.url.split('?')[0]}：${e.message}`);
    return sendError(request, reply, e);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      request,
      reply,
      new ApiError(404, 'no-route', `没有这个接口：${request.method} ${request.url.split('?')[0]}`),
    ),
  );

  await app.register(multipart, { limits: { fileSize: uploadLimitBytes, files: uploadMaxFiles } });

  const document = buildOpenApi(routes, options.version ?? '0.0.0');
  app.get('/openapi.json', async () => document);

  const register = (r: Route) => {
    const parseQuery = queryParser(r.query);
    app.route({
      method: r.method,
      url: r.url,
      handler: async (request, reply) => {
        const headers = request.headers as { cookie?: string; authorization?: string };
        const token = tokenFromHeaders(headers);
        let principal = null;
        if (
          r.auth &&
          token !== null &&
          unsafeMethods.has(r.method) &&
          tokenFromHeaders({ authorization: headers.authorization }) === null &&
          !sameOrigin(request)
        )
          throw new ApiError(403, 'origin', '请求来源不是本站：用 Cookie 登录时，修改须来自本站的页面');
        if (r.auth) {
          const user = await authenticate(deps.store, token, now());
          if (!user)
            throw new ApiError(401, 'unauthenticated', token ? '会话已过期或无效，请重新登录' : '请先登录');
          principal = principalOf(user);
        }
        const input = {
          params: parse(r.params, request.params),
          query: parseQuery(request),
          body: parse(r.body, request.body, r.fieldNames),
        };
        const result = await r.handle({ ...input, principal, token, request, reply, deps } as never);
        if (reply.sent || result === reply) return reply;
        reply.status(r.status ?? 200);
        // A view shared between requests is sent as the JSON text made when it was first sent.
        const json = sharedJson(result);
        if (json !== undefined) return reply.type('application/json; charset=utf-8').send(json);
        return result;
      },
    });
  };
  for (const r of routes) register(r);
  registerInspectBodies(app);
  registerWebStatic(app);
  return app;
}
