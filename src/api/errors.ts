/**
 * Errors of the API as one flat shape: an HTTP status, a fixed `code` and a Chinese `message`, sent
 * as `{ error: { code, message } }` (plus `issues` when a record breaks the workflow's rules). Every
 * error the services, the store, the workflow, zod or Fastify raise is turned into one here, so bad
 * input is a 400 and never a 500.
 */
import { z } from 'zod';
import { StoreError } from '../store/errors.js';
import { MissingHolidayYearError } from '../workflow/calendar/working-days.js';
import { WorkflowError, type WorkflowIssue } from '../workflow/issues.js';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: readonly WorkflowIssue[],
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (what: string, id: string) =>
  new ApiError(404, 'not-found', `${what}「${id}」不存在或无权查看`);
export const unauthenticated = (message = '请先登录') => new ApiError(401, 'unauthenticated', message);

/** The body of an error response. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: '错误代码，如 invalid-input、not-found、workflow.order' }),
      message: z.string().meta({ description: '中文说明' }),
      requestId: z.string().optional().meta({ description: '请求编号，与服务器日志中的 reqId 相同' }),
      issues: z
        .array(
          z.object({
            code: z.string(),
            severity: z.enum(['error', 'warning']),
            message: z.string(),
            event: z.number().int().nullable(),
          }),
        )
        .optional()
        .meta({ description: '记录不符合办理规则时，逐条列出的问题' }),
    }),
  })
  .meta({ id: 'Error', title: '错误' });

export type ErrorBody = z.infer<typeof errorBody>;

/** Where a field is, for messages: 「body.events[0].on」 → 「events[0].on」. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

/**
 * How messages name a field: its Chinese name by its path (「收案日期」), or undefined to name it by
 * the path itself (「filedOn」).
 */
export type FieldNamer = (path: readonly PropertyKey[]) => string | undefined;

/**
 * Names fields by their Chinese names (`name`, as a register's forms and ledgers call them): 「提交日期」;
 * an item of a list 「办理过程第 2 项」, a member of one by `member`: 「办理过程第 2 项的日期」. A path
 * whose field has no name is named by itself.
 */
export function byFieldName(
  name: (field: string) => string | undefined,
  member: (field: string) => string | undefined = name,
): FieldNamer {
  return (path) => {
    const [first, ...rest] = path;
    const named = typeof first === 'string' ? name(first) : undefined;
    if (named === undefined || rest.length === 0) return named;
    const [index, key, ...deeper] = rest;
    if (typeof index !== 'number') return undefined;
    if (key === undefined) return `${named}第 ${index + 1} 项`;
    const part = typeof key === 'string' && deeper.length === 0 ? member(key) : undefined;
    return `${named}第 ${index + 1} 项的${part ?? ` ${fieldPath([key, ...deeper])}`}`;
  };
}

const typeNames: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  undefined: '空',
  null: 'null',
};

const chinese = /[\u4e00-\u9fff]/;

/** An issue about a member that is absent (the input is kept when parsed with `reportInput`). */
const isMissing = (issue: z.core.$ZodIssue): boolean =>
  'input' in issue ? issue.input === undefined : /received undefined/.test(issue.message);

/** One zod issue in Chinese, naming its field by `name` where it gives a name. */
function issueText(issue: z.core.$ZodIssue, name?: FieldNamer): string {
  const where = name?.(issue.path) ?? fieldPath(issue.path);
  const at = where ? `「${where}」` : '请求';
  // A bound the schema explains in its own words (「撤销年份应为 2000–2100 年之间的年份」) says it so.
  if ((issue.code === 'too_small' || issue.code === 'too_big') && chinese.test(issue.message))
    return `${at}：${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      if (where && isMissing(issue)) return `缺少${at}`;
      return `${at}应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'invalid_format':
      if (issue.format === 'date') return `${at}不是有效的日期（应为 YYYY-MM-DD，如 2024-03-01）`;
      return chinese.test(issue.message) && issue.format === 'regex'
        ? `${at}：${issue.message}`
        : `${at}格式不正确`;
    case 'invalid_value':
      return `${at}的值无效，应为 ${issue.values.map((v) => String(v)).join('、')} 之一`;
    case 'invalid_union':
      return `${at}的值无效`;
    case 'unrecognized_keys':
      return `${at}中有未知的字段：${issue.keys.join('、')}${chinese.test(issue.message) ? `（${issue.message}）` : ''}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `${at}太短（至少 ${String(issue.minimum)} 个字符）`
        : issue.origin === 'array'
          ? `${at}至少应有 ${String(issue.minimum)} 项`
          : `${at}不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${at}太长（至多 ${String(issue.maximum)} 个字符）`
        : issue.origin === 'array'
          ? `${at}至多 ${String(issue.maximum)} 项`
          : `${at}不能大于 ${String(issue.maximum)}`;
    default:
      return `${at}${chinese.test(issue.message) ? `：${issue.message}` : '无效'}`;
  }
}

/** Each issue of a zod error in Chinese, once; fields named by `name` where it gives a name. */
export const issueTexts = (error: z.ZodError, name?: FieldNamer): string[] => [
  ...new Set(error.issues.map((issue) => issueText(issue, name))),
];

/** A zod error as a 400 with every issue in Chinese; fields named by `name` where it gives a name. */
export function invalidInput(error: z.ZodError, name?: FieldNamer): ApiError {
  return badRequest('invalid-input', `输入有误：${issueTexts(error, name).join('；')}`);
}

/** Fastify's own client errors (body parsing, limits), in Chinese. */
const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求体类型，应为 application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求体长度与 Content-Length 不符',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空，应为 JSON 对象',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是有效的 JSON',
};

export interface ErrorContext {
  /** The largest body accepted, for the message. */
  bodyLimit: number;
}

/** Any thrown value as an ApiError (a 500 only for what is not the client's fault). */
export function toApiError(error: unknown, context: ErrorContext): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) return invalidInput(error);
  if (error instanceof WorkflowError) {
    const errors = error.issues.filter((i) => i.severity === 'error');
    const first = errors[0] ?? error.issues[0];
    return new ApiError(400, first?.code ?? 'workflow', `记录不符合办理规则：${error.message}`, error.issues);
  }
  if (error instanceof MissingHolidayYearError) return badRequest('workflow.calendar-missing', error.message);
  if (error instanceof StoreError) {
    if (error.code === 'store.not-found') return new ApiError(404, 'not-found', error.message);
    if (error.code === 'store.conflict')
      return new ApiError(409, 'conflict', '记录已存在（编号或用户名重复）');
    if (error.code === 'store.invalid') return badRequest('invalid-input', error.message);
    if (error.code === 'store.unavailable')
      return new ApiError(
        503,
        'storage-unavailable',
        '数据存储暂时不可用（磁盘已满或数据目录不可写），请联系管理员',
      );
    return new ApiError(500, 'internal', '服务器内部错误（数据库）');
  }
  const fastify = error as { code?: unknown; statusCode?: unknown };
  if (typeof fastify?.code === 'string' && fastify.code.startsWith('FST_')) {
    if (fastify.code === 'FST_ERR_MAX_PARAM_LENGTH')
      return new ApiError(414, 'uri-too-long', '请求的地址过长');
    if (fastify.code === 'FST_ERR_BAD_URL') return badRequest('invalid-request', '请求的地址无效');
    if (fastify.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return badRequest('body-too-large', `请求体过大（上限 ${Math.round(context.bodyLimit / 1024)} KB）`);
    const message = fastifyMessages[fastify.code];
    if (message) return badRequest('invalid-request', message);
  }
  if (error instanceof SyntaxError) return badRequest('invalid-request', '请求体不是有效的 JSON');
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500)
    return badRequest('invalid-request', '请求无效');
  return new ApiError(500, 'internal', '服务器内部错误');
}

export function errorResponse(error: ApiError, requestId?: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(requestId !== undefined ? { requestId } : {}),
      ...(error.issues ? { issues: [...error.issues] } : {}),
    },
  };
}
