/**
 * BAD INPUT on every route of the OpenAPI document: a valid request for each is taken apart field by
 * field (missing, wrong type, impossible or out-of-range date, unknown member), its query and path
 * parameters spoiled, and a 10 MB body, unparsable JSON and a JSON array sent. Every answer is a 400
 * with a Chinese message, never a 500; nothing is written.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { generateReport } from '../../src/generate/random-report.js';
import { renderText } from '../../src/render/text/index.js';
import { systemActor } from '../../src/store/index.js';
import { noticeTitle, type YearArrangement } from '../../src/workflow/index.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness } from './helpers.js';

type Json = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, Json>> };

/** A valid request for each route (as A's admin), before it is spoiled. */
const valid: Record<string, { path?: Record<string, string>; query?: Record<string, string>; body?: Json }> =
  {
    'POST /api/login': { body: { username: 'a-admin', password: 'correct-horse-1' } },
    'POST /api/logout': {},
    'GET /api/me': {},
    'GET /api/agencies': {},
    'GET /api/agencies/{agencyId}': { path: { agencyId: 'A' } },
    'PATCH /api/agencies/{agencyId}': {
      path: { agencyId: 'A' },
      body: { name: '甲县政府办', region: '某省' },
    },
    'GET /api/users': {},
    'GET /api/audit': { query: { entity: 'user', from: '2024-01-01', to: '2024-12-31', limit: '10' } },
    'POST /api/users': {
      body: {
        username: 'new-user',
        displayName: '新用户',
        password: 'password-123',
        role: 'clerk',
        agencyId: 'A',
      },
    },
    'GET /api/users/{userId}': { path: { userId: 'u-a-clerk' } },
    'PATCH /api/users/{userId}': { path: { userId: 'u-a-clerk' }, body: { displayName: '录入员' } },
    'GET /api/applications': { query: { agency: 'A', year: '2024', asOf: '2024-06-03' } },
    'POST /api/applications': {
      body: {
        agencyId: 'A',
        applicant: 'np',
        channel: 'post',
        submittedOn: '2024-05-06',
        signedForOn: '2024-05-07',
        requestText: '某文件',
        events: [{ type: 'replied', on: '2024-05-20', outcome: 'open' }],
      },
    },
    'GET /api/applications/export': { query: { agency: 'A', year: '2024', to: 'csv' } },
    // An upload (multipart): test/api/ledger-import.test.ts sends its valid and wrong files.
    'POST /api/applications/import': { query: { agency: 'A', dryRun: 'true' } },
    'GET /api/applications/{applicationId}': { path: { applicationId: 'a-app' } },
    'PATCH /api/applications/{applicationId}': {
      path: { applicationId: 'a-app' },
      body: { applicantName: '张三', applicantContact: '13800000000', delivery: '电子邮件' },
    },
    'POST /api/applications/{applicationId}/events': {
      path: { applicationId: 'a-app' },
      body: { type: 'extended', on: '2024-05-08', days: 10, approvedBy: '主任' },
    },
    'GET /api/applications/{applicationId}/events/{ordinal}/notice': {
      path: { applicationId: 'a-notice', ordinal: '0' },
      query: { to: 'md' },
    },
    'POST /api/applications/{applicationId}/events/{ordinal}/void': {
      path: { applicationId: 'a-app', ordinal: '0' },
      body: { reason: '误记的延期' },
    },
    'GET /api/due': { query: { agency: 'A', days: '5', asOf: '2024-06-03' } },
    'GET /api/applications/summary': { query: { year: '2024', asOf: '2024-06-03' } },
    'GET /api/cases': { query: { agency: 'A', year: '2024' } },
    'GET /api/cases/export': { query: { agency: 'A', year: '2024', to: 'csv' } },
    // An upload (multipart): test/api/cases-ledger.test.ts sends its valid and wrong files.
    'POST /api/cases/import': { query: { agency: 'A', dryRun: 'true' } },
    'POST /api/cases': {
      body: {
        agencyId: 'A',
        kind: 'review',
        filedOn: '2024-04-01',
        decidedOn: '2024-05-01',
        outcome: 'upheld',
      },
    },
    'GET /api/cases/{caseId}': { path: { caseId: 'a-case' } },
    'PATCH /api/cases/{caseId}': {
      path: { caseId: 'a-case' },
      body: { decidedOn: '2024-05-01', outcome: 'other' },
    },
    'DELETE /api/cases/{caseId}': { path: { caseId: 'a-case' } },
    'GET /api/proactive/{agencyId}/{year}': { path: { agencyId: 'A', year: '2024' } },
    'PUT /api/proactive/{agencyId}/{year}': {
      path: { agencyId: 'A', year: '2024' },
      body: { cells: { 'p.rules.issued': 3 } },
    },
    'GET /api/report-prose/{agencyId}/{year}': { path: { agencyId: 'A', year: '2024' } },
    'PUT /api/report-prose/{agencyId}/{year}': {
      path: { agencyId: 'A', year: '2024' },
      body: { prose: { '5': '本年度没有发现问题。' } },
    },
    'POST /api/compile': {
      query: { to: 'md' },
      body: { agencyId: 'A', year: 2024, prose: { '5': '本年度没有发现问题。' } },
    },
    'GET /api/fees/calculate': { query: { method: 'perPage', quantity: '120' } },
    'GET /api/holidays': {},
    'PUT /api/holidays': {
      body: {
        year: 2027,
        notice: { number: '国办发明电〔2026〕1号', date: '2026-11-10' },
        festivals: [{ name: '元旦', off: ['2027-01-01', '2027-01-03'], work: [] }],
      },
    },
    'DELETE /api/holidays/{year}': { path: { year: '2027' } },
    'GET /openapi.json': {},
    'GET /api/corpus/reports': { query: { year: '2022', limit: '10' } },
    'GET /api/corpus/reports/{reportId}': { path: { reportId: '1' } },
    'GET /api/corpus/reports/{reportId}/source': { path: { reportId: '1' } },
    'GET /api/corpus/reports/{reportId}/letter': { path: { reportId: '1' }, query: { to: 'md' } },
    'GET /api/corpus/letters': { query: { to: 'md', year: '2022' } },
    'GET /api/corpus/stats': { query: { by: 'kind', year: '2022' } },
    'GET /api/corpus/stats/export': { query: { by: 'province', to: 'xlsx', year: '2022' } },
    'GET /api/corpus/checks': { query: { year: '2022' } },
    'GET /api/corpus/checks/export': { query: { to: 'xlsx', year: '2022' } },
    'GET /api/corpus/publication': {
      query: { year: '2022', kind: 'department', status: 'overdue,onTime', offset: '50', limit: '50' },
    },
    'GET /api/corpus/publication/export': { query: { to: 'csv', year: '2022' } },
    'GET /api/corpus/publication/reminders': { query: { to: 'md', year: '2022' } },
    'GET /api/corpus/corrections': { query: { year: '2022' } },
    'GET /api/corpus/corrections/export': { query: { to: 'csv', year: '2022' } },
    'GET /api/corpus/bodies': { query: { kind: 'department', offset: '0', limit: '50' } },
    'GET /api/corpus/packs': {},
    'POST /api/corpus/score': { query: { year: '2022' }, body: { pack: 'suqian-2026-department' } },
    'POST /api/corpus/score/export': {
      query: { to: 'csv', year: '2022' },
      body: { pack: 'suqian-2026-department' },
    },
    'GET /api/corpus/bodies/{bodyId}': { path: { bodyId: 'b-1' } },
    'PATCH /api/corpus/bodies/{bodyId}': {
      path: { bodyId: 'b-1' },
      body: { name: '某局', kind: 'government', dissolvedIn: 2024 },
    },
    'POST /api/corpus/bodies/{bodyId}/merge': { path: { bodyId: 'b-1' }, body: { into: 'b-2' } },
    'GET /api/corpus/bodies/places': {},
    'POST /api/corpus/bodies/places': { body: { bodyIds: ['b-1'] } },
    'POST /api/corpus/bodies/roster': { body: { names: ['湟源县财政局'], from: 2023 } },
    'GET /api/corpus/compare': { query: { body: 'x', from: '2021', to: '2022' } },
    'GET /api/corpus/export': { query: { to: 'csv', year: '2022' } },
    'POST /api/corpus/upload': {},
    // Takes a file's raw bytes, not JSON: its valid and spoiled requests are in test/web/inspect-api.test.ts.
    'POST /api/inspect': {},
    'POST /api/inspect/letter': {
      query: { to: 'md' },
      body: {
        name: 'r.txt',
        format: '2021',
        agency: null,
        year: null,
        publishedOn: null,
        signedOn: null,
        findings: [],
      },
    },
  };

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Values of the wrong type for a value. */
function wrongTypes(value: unknown): unknown[] {
  if (typeof value === 'number') return ['十二', true, null];
  if (typeof value === 'string') return [12345, false, { x: 1 }];
  if (Array.isArray(value)) return ['不是数组', 7];
  if (typeof value === 'object' && value !== null) return ['不是对象', [1, 2]];
  return [{}];
}

/** Spoiled copies of a body, each with what was done to it (null is no spoil where it is allowed). */
function spoiled(body: Json, required: ReadonlySet<string>, nullable: ReadonlySet<string>): [string, Json][] {
  const out: [string, Json][] = [];
  for (const [key, value] of Object.entries(body)) {
    if (required.has(key)) {
      const { [key]: _, ...rest } = body;
      out.push([`without ${key}`, rest]);
    }
    for (const wrong of wrongTypes(value))
      if (!(wrong === null && nullable.has(key)))
        out.push([`${key} = ${JSON.stringify(wrong)}`, { ...body, [key]: wrong }]);
    if (isDate(value))
      for (const d of ['2019-02-30', '2023-13-01', '1899-12-31', '2150-01-01', '2024-5-6', ''])
        out.push([`${key} = ${d}`, { ...body, [key]: d }]);
  }
  out.push(['an unknown member', { ...body, unknownMember: 1 }]);
  if (Array.isArray(body.events))
    for (const [what, event] of spoiled(
      body.events[0] as Json,
      new Set(['type', 'on', 'outcome']),
      new Set(),
    ))
      out.push([`events[0] ${what}`, { ...body, events: [event] }]);
  if (body.cells)
    out.push(
      ['a cell as text', { cells: { 'p.rules.issued': '三' } }],
      ['a key not of table 二', { cells: { 'a.new.np': 1 } }],
      ['a negative count', { cells: { 'p.rules.issued': -1 } }],
      ['a fractional count', { cells: { 'p.rules.issued': 1.5 } }],
    );
  if (body.dissolvedIn !== undefined)
    for (const year of [1999, 2101, 2024.5, '2024', ''])
      out.push([`dissolvedIn = ${JSON.stringify(year)}`, { ...body, dissolvedIn: year }]);
  return out;
}

/** The members of a body's schema (itself or the one it refers to) that may be null. */
function nullableOf(schema: Json | undefined, doc: Doc): Set<string> {
  const ref = schema?.$ref as string | undefined;
  const resolved = ref
    ? ((doc as unknown as { components: { schemas: Record<string, Json> } }).components.schemas[
        ref.slice('#/components/schemas/'.length)
      ] as Json)
    : schema;
  const properties = (resolved?.properties ?? {}) as Record<string, Json>;
  const allowsNull = (p: Json) =>
    p.type === 'null' ||
    (Array.isArray(p.type) && p.type.includes('null')) ||
    ((p.anyOf ?? p.oneOf ?? []) as Json[]).some(allowsNull);
  return new Set(Object.keys(properties).filter((k) => allowsNull(properties[k] as Json)));
}

/** Spoiled values for a query or path parameter. */
function spoiledParameter(name: string, value: string): string[] {
  if (isDate(value)) return ['2019-02-30', 'yesterday', '2150-01-01'];
  if (/^\d+$/.test(value)) return ['abc', '-5', '1.5', '99999999999'];
  if (name === 'method' || name === 'to') return ['bogus'];
  return ['bad id!', '../etc', 'x'.repeat(150)];
}

describeEachBackend('bad input', (backend) => {
  let h: Harness;
  let doc: Doc;

  beforeAll(async () => {
    h = await harness(backend);
    await h.store.applications.create(systemActor, {
      id: 'a-app',
      agencyId: 'A',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '甲方申请',
    });
    await h.store.applications.create(systemActor, {
      id: 'a-notice',
      agencyId: 'A',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '要补正的申请',
      events: [{ type: 'correctionRequested', on: '2024-05-08', correctBy: '2024-05-20' }],
    });
    // One report of agency A's own body in the corpus, for the corpus routes.
    await ingestBytes(
      h.store,
      'a-2022.txt',
      new TextEncoder().encode(
        renderText(
          { ...generateReport(1, '2021', { year: 2022 }), agency: '甲县人民政府办公室' },
          'cell-per-line',
        ),
      ),
    );
    await h.store.cases.create(systemActor, {
      id: 'a-case',
      agencyId: 'A',
      kind: 'direct',
      filedOn: '2024-03-01',
    });
    // A year entered, for the route that removes one (whichever of PUT and DELETE comes first).
    await h.store.holidays.put(systemActor, {
      ...(valid['PUT /api/holidays']?.body as unknown as YearArrangement),
      notice: { title: noticeTitle(2027), number: '国办发明电〔2026〕1号', date: '2026-11-10' },
      amendments: [],
    });
    doc = (await h.call(null, 'GET', '/openapi.json')).json() as Doc;
  });

  const url = (path: string, params: Record<string, string> = {}, query: Record<string, string> = {}) => {
    const filled = path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n] as string));
    const q = new URLSearchParams(query).toString();
    return q ? `${filled}?${q}` : filled;
  };

  const expect400 = async (
    label: string,
    method: string,
    target: string,
    payload?: unknown,
    headers?: Json,
  ) => {
    const res = await h.call('a-admin', method, target, payload, headers as Record<string, string>);
    expect(res.statusCode, `${label}: ${method} ${target} → ${res.body.slice(0, 300)}`).toBe(400);
    const error = errorOf(res);
    expect(error.code).toMatch(/^(invalid-input|invalid-request|body-too-large)$/);
    return error;
  };

  it('every documented route has a valid request, which succeeds', async () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(Object.keys(valid).sort());
    for (const key of documented) {
      // Uploads are multipart (test/corpus/api.test.ts sends one; the inspect route its own test);
      // a comparison needs two years of one body (test/corpus/compare-api.test.ts), a body's history,
      // a correction or merge bodies in the corpus (test/corpus/api.test.ts), a roster a user who sees
      // the whole corpus (test/corpus/roster.test.ts).
      if (
        key === 'POST /api/logout' ||
        key === 'GET /api/corpus/compare' ||
        key === 'GET /api/corpus/bodies/{bodyId}' ||
        key === 'PATCH /api/corpus/bodies/{bodyId}' ||
        key === 'POST /api/corpus/bodies/{bodyId}/merge' ||
        key === 'POST /api/corpus/bodies/places' ||
        key === 'POST /api/corpus/bodies/roster' ||
        key === 'DELETE /api/cases/{caseId}' ||
        key === 'POST /api/corpus/upload' ||
        key === 'POST /api/applications/import' ||
        key === 'POST /api/cases/import' ||
        key === 'POST /api/inspect'
      )
        continue;
      const [method, path] = key.split(' ') as [string, string];
      const v = valid[key] ?? {};
      const res = await h.call('a-admin', method, url(path, v.path, v.query), v.body);
      expect(res.statusCode, `${key}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
    }
  });

  it('spoiled bodies, queries and path parameters are refused with 400 and a Chinese message', async () => {
    const auditBefore = (await h.store.audit.list()).length;
    let count = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        const v = valid[`${method} ${path}`] ?? {};
        const schema = (op.requestBody as Json | undefined)?.content as Json | undefined;
        const bodySchema = (schema?.['application/json'] as Json | undefined)?.schema as Json | undefined;
        if (v.body) {
          const required = new Set((bodySchema?.required ?? ['type', 'on']) as string[]);
          for (const [what, body] of spoiled(v.body, required, nullableOf(bodySchema, doc))) {
            if (method === 'POST' && path === '/api/login' && what.startsWith('password')) continue;
            await expect400(what, method, url(path, v.path, v.query), body);
            count++;
          }
          await expect400('no body', method, url(path, v.path, v.query));
          await expect400('an empty object', method, url(path, v.path, v.query), {});
          await expect400('a JSON array', method, url(path, v.path, v.query), [v.body]);
          await expect400('a JSON string', method, url(path, v.path, v.query), '"text"', {
            'content-type': 'application/json',
          });
          await expect400('unparsable JSON', method, url(path, v.path, v.query), '{"name": ', {
            'content-type': 'application/json',
          });
          await expect400('a form body', method, url(path, v.path, v.query), 'a=1', {
            'content-type': 'application/x-www-form-urlencoded',
          });
          count += 6;
        }
        if (method !== 'GET') {
          const big = JSON.stringify({ ...(v.body ?? {}), padding: 'x'.repeat(10 * 1024 * 1024) });
          const error = await expect400('a 10 MB body', method, url(path, v.path, v.query), big, {
            'content-type': 'application/json',
          });
          expect(error).toEqual({ code: 'body-too-large', message: '请求体过大（上限 1024 KB）' });
          count++;
        }
        for (const [name, value] of Object.entries(v.query ?? {}))
          for (const bad of spoiledParameter(name, value)) {
            await expect400(
              `query ${name}=${bad}`,
              method,
              url(path, v.path, { ...v.query, [name]: bad }),
              v.body,
            );
            count++;
          }
        if (v.query || ((op.parameters as Json[] | undefined) ?? []).some((p) => p.in === 'query')) {
          await expect400(
            'an unknown query parameter',
            method,
            url(path, v.path, { ...v.query, bogus: '1' }),
            v.body,
          );
          count++;
        }
        for (const [name, value] of Object.entries(v.path ?? {}))
          for (const bad of spoiledParameter(name, value)) {
            await expect400(
              `path ${name}=${bad}`,
              method,
              url(path, { ...v.path, [name]: bad }, v.query),
              v.body,
            );
            count++;
          }
      }
    expect(count).toBeGreaterThan(300);
    const writes = (await h.store.audit.list()).slice(auditBefore).filter((a) => a.action !== 'login');
    expect(writes).toEqual([]);
  });

  it('messages name the field and say what is wrong, in Chinese', async () => {
    const missing = await expect400('missing', 'POST', '/api/applications', {
      applicant: 'np',
      channel: 'inPerson',
    });
    expect(missing.message).toBe('输入有误：缺少「提交日期」');
    const wrongType = await expect400('type', 'POST', '/api/cases', { kind: 'review', filedOn: 20240401 });
    expect(wrongType.message).toBe('输入有误：「收案日期」应为字符串');
    const date = await expect400('date', 'POST', '/api/cases', { kind: 'review', filedOn: '2019-02-30' });
    expect(date.message).toBe('输入有误：「收案日期」：不是有效的日期（应为 YYYY-MM-DD，如 2024-03-01）');
    const range = await expect400('range', 'POST', '/api/cases', { kind: 'review', filedOn: '1999-12-31' });
    expect(range.message).toBe('输入有误：「收案日期」：日期应在 2000-01-01 至 2099-12-31 之间');
    const choice = await expect400('enum', 'POST', '/api/cases', { kind: 'appeal', filedOn: '2024-04-01' });
    expect(choice.message).toBe('输入有误：「案件类型」的值无效，应为 review、direct、afterReview 之一');
    // The register's bodies name their fields as its forms and ledgers do, never by their keys.
    const application = await expect400('application', 'POST', '/api/applications', {
      applicant: 'np',
      channel: 'post',
      submittedOn: '2024-05-06',
      signedForOn: '2100-01-04',
      applicantName: '张'.repeat(201),
      events: [{ type: 'replied', on: '2024-13-01', outcome: 'open' }],
    });
    expect(application.message).toBe(
      '输入有误：「签收日期」：日期应在 2000-01-01 至 2099-12-31 之间；「申请人」太长（至多 200 个字符）；「办理过程第 1 项的日期」：不是有效的日期（应为 YYYY-MM-DD，如 2024-03-01）',
    );
    const event = await expect400('event', 'POST', '/api/applications/a-app/events', {
      type: 'extended',
      on: '2024-05-08',
      days: 0,
      approvedBy: '',
    });
    expect(event.message).toBe('输入有误：「延长工作日数」不能小于 1；「批准人」太短（至少 1 个字符）');
    const edit = await expect400('edit', 'PATCH', '/api/applications/a-app', {
      channel: 'pigeon',
      confirmedOn: '2024-02-30',
    });
    expect(edit.message).toBe(
      '输入有误：「提交渠道」的值无效，应为 inPerson、post、ordinaryMail、online、email、fax 之一；「确认日期」：不是有效的日期（应为 YYYY-MM-DD，如 2024-03-01）',
    );
    const decided = await expect400('case edit', 'PATCH', '/api/cases/a-case', {
      decidedOn: '2100-01-04',
      outcome: 'won',
      applicationId: '2024/003',
    });
    expect(decided.message).toBe(
      '输入有误：「审结日期」：日期应在 2000-01-01 至 2099-12-31 之间；「结果」的值无效，应为 upheld、corrected、other 之一；「关联申请编号」：只能包含字母、数字和 . _ -',
    );
    const unknown = await expect400('unknown', 'GET', '/api/due?dayz=3');
    expect(unknown.message).toBe('输入有误：请求中有未知的字段：dayz');
    const json = await expect400('json', 'POST', '/api/cases', '{', { 'content-type': 'application/json' });
    expect(json.message).toBe('请求体不是有效的 JSON');
  });

  afterAll(async () => {
    await h.close();
  });
});
