/**
 * The HTTP API on Fastify: the routes of routes.ts, each input parsed with its zod schema, every error
 * sent as `{ error: { code, message } }` in Chinese (errors.ts), and /openapi.json generated from the
 * same routes. `buildApi` makes the instance without listening (tests call `inject`).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { LoginLimiter } from '../auth/rate-limit.js';
import { tokenFromHeaders } from '../auth/session.js';
import type { Store } from '../store/index.js';
import type { IsoDate } from '../workflow/index.js';
import { ApiError, errorResponse, invalidInput, toApiError } from './errors.js';
import { registerInspectBodies } from './inspect-routes.js';
import { buildOpenApi } from './openapi.js';
import type { ApiDeps, Route } from './route.js';
import { routes } from './routes.js';
import { principalOf } from './services/principal.js';
import { authenticate } from './services/sessions.js';
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
  /** Log requests to standard output (pino, as Fastify does). */
  logger?: boolean;
}

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throw invalidInput(result.error);
  return result.data;
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
  const app = Fastify({
    bodyLimit,
    logger: options.logger ?? false,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });

  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const e = toApiError(error, { bodyLimit });
    if (e.status >= 500) request.log.error(error);
    return reply.status(e.status).type('application/json; charset=utf-8').send(errorResponse(e));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        errorResponse(
          new ApiError(404, 'no-route', `没有这个接口：${request.method} ${request.url.split('?')[0]}`),
        ),
      ),
  );

  const document = buildOpenApi(routes, options.version ?? '0.0.0');
  app.get('/openapi.json', async () => document);

  const register = (r: Route) => {
    app.route({
      method: r.method,
      url: r.url,
      handler: async (request, reply) => {
        const token = tokenFromHeaders(request.headers as { cookie?: string; authorization?: string });
        let principal = null;
        if (r.auth) {
          const user = await authenticate(deps.store, token, now());
          if (!user)
            throw new ApiError(401, 'unauthenticated', token ? '会话已过期或无效，请重新登录' : '请先登录');
          principal = principalOf(user);
        }
        const input = {
          params: parse(r.params, request.params),
          query: parse(r.query, request.query),
          body: parse(r.body, request.body),
        };
        const result = await r.handle({ ...input, principal, token, request, reply, deps } as never);
        if (reply.sent || result === reply) return reply;
        reply.status(r.status ?? 200);
        return result;
      },
    });
  };
  for (const r of routes) register(r);
  registerInspectBodies(app);
  registerWebStatic(app);
  return app;
}
