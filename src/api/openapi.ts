/**
 * The OpenAPI 3.1 document of the API, generated from the route list and its zod schemas with
 * `z.toJSONSchema` (JSON Schema draft 2020-12, which OpenAPI 3.1 uses). Schemas with an `id` in their
 * metadata become `components.schemas`.
 */
import { z } from 'zod';
import { sessionCookieName } from '../auth/session.js';
import { errorBody } from './errors.js';
import type { Route } from './route.js';

type Json = Record<string, unknown>;

/** `/api/cases/:caseId` → `/api/cases/{caseId}`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function convert(schema: z.ZodType, io: 'input' | 'output', components: Json): Json {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
  const defs = (json.$defs ?? {}) as Json;
  delete json.$defs;
  delete json.$schema;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [k, v] of Object.entries(value))
      out[k] =
        k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
          ? `#/components/schemas/${v.slice('#/$defs/'.length)}`
          : rewrite(v);
    return out;
  };
  for (const [name, def] of Object.entries(defs)) components[name] ??= rewrite(def);
  // A schema that is itself registered comes back as a $ref to its own definition.
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  if (id !== undefined && !(id in components)) {
    components[id] = rewrite(json);
    return { $ref: `#/components/schemas/${id}` };
  }
  return rewrite(json) as Json;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', components: Json): Json[] {
  if (!schema) return [];
  const json = convert(schema, 'input', components);
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries((json.properties ?? {}) as Record<string, Json>).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

export function buildOpenApi(routes: readonly Route[], version: string): Json {
  const components: Json = {};
  // The Error schema itself, not the reference to it that `convert` returns for a registered schema.
  const own: Json = {};
  convert(errorBody, 'output', own);
  components.Error = own.Error;
  delete (components.Error as Json).id;
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const ok: Json = { description: '成功' };
    const content: Json = {};
    if (r.response) content['application/json'] = { schema: convert(r.response, 'output', components) };
    for (const type of r.produces ?? []) content[type] = { schema: { type: 'string', format: 'binary' } };
    if (Object.keys(content).length > 0) ok.content = content;
    const operation: Json = {
      operationId: `${r.method.toLowerCase()}${openApiPath(r.url)
        .replace(/[{}]/g, '')
        .split('/')
        .filter(Boolean)
        .map((w) => w[0]?.toUpperCase() + w.slice(1))
        .join('')}`,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path', components), ...parameters(r.query, 'query', components)],
      ...(r.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
                  },
                },
              },
            },
          }
        : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: convert(r.body, 'input', components) } },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: ok,
        '400': errorResponse('输入有误（缺少字段、类型不对、日期无效、请求体过大、记录不符合办理规则）'),
        ...(r.auth
          ? {
              '401': errorResponse('未登录或会话已过期'),
              '403': errorResponse('角色无权进行此操作'),
              '404': errorResponse('记录不存在或无权查看'),
            }
          : { '401': errorResponse('用户名或密码不正确'), '429': errorResponse('登录失败次数过多') }),
      },
      ...(r.auth ? {} : { security: [] }),
    };
    const path = openApiPath(r.url);
    paths[path] ??= {};
    (paths[path] as Json)[r.method.toLowerCase()] = operation;
  }
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApi',
      summary: '本文档（OpenAPI 3.1）',
      tags: ['文档'],
      security: [],
      responses: {
        '200': { description: '成功', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gongkai API',
      version,
      description:
        '政府信息公开工作：申请登记、办理期限、复议诉讼案件、主动公开数据与年度报告的自动生成。错误均为 { error: { code, message } }。',
    },
    servers: [{ url: '/' }],
    security: [{ sessionCookie: [] }, { bearer: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: sessionCookieName },
        bearer: { type: 'http', scheme: 'bearer', description: '登录返回的 token' },
      },
    },
  };
}
