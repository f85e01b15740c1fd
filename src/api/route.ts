/**
 * A route of the API as data: method, path, the zod schemas of its params, query and body, and a
 * handler that gets them parsed. The server registers these with Fastify (server.ts) and the OpenAPI
 * document is generated from the same list (openapi.ts), so the two can't disagree.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { LoginLimiter } from '../auth/rate-limit.js';
import type { Store } from '../store/index.js';
import type { IsoDate } from '../workflow/index.js';
import type { FieldNamer } from './errors.js';
import type { Principal } from './services/principal.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiDeps {
  store: Store;
  limiter: LoginLimiter;
  /** The current instant (sessions). */
  now(): Date;
  /** Today in China (deadlines). */
  today(): IsoDate;
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in user (null only on routes with `auth: false`). */
  principal: Principal | null;
  token: string | null;
  request: FastifyRequest;
  reply: FastifyReply;
  deps: ApiDeps;
}

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface Route<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> {
  method: Method;
  /** Fastify syntax (`/api/cases/:caseId`). */
  url: string;
  /** One line for the OpenAPI document, in Chinese. */
  summary: string;
  /** Longer Chinese text for the OpenAPI document. */
  description?: string;
  tag: string;
  /** False only for login and the OpenAPI document. */
  auth: boolean;
  /** Status of a success (200 unless given). */
  status?: number;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * How the messages of a wrong body name its fields: in Chinese, as the register's forms and ledgers
   * do (「收案日期」, not 「filedOn」). Without it (or for a field it has no name for), by their keys.
   */
  fieldNames?: FieldNamer;
  /** Schema of a successful JSON response, for the document. */
  response?: z.ZodType;
  /** The body is multipart/form-data with files (an upload), read by the handler itself. */
  multipart?: boolean;
  /** Media types of a success other than JSON (the compiled report rendered). */
  produces?: readonly string[];
  handle(input: HandlerInput<Out<P>, Out<Q>, Out<B>>): Promise<unknown>;
}

/** Keeps the handler's argument types tied to the route's schemas. */
export function route<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(def: Route<P, Q, B>): Route {
  return def as unknown as Route;
}
