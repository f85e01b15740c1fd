/**
 * ISOLATION: every route of the OpenAPI document, walked by each user of agency A against agency B's
 * records (B's application, case, figures, user, the agency itself): reads answer 404, writes 403 or
 * 404, and nothing of B changes. Routes that name no agency must not show anything of B.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { type Harness, harness } from './helpers.js';

type Doc = { paths: Record<string, Record<string, unknown>> };

/** B's ids, put into path parameters. */
const bIds: Record<string, string> = {
  agencyId: 'B',
  applicationId: 'b-app',
  caseId: 'b-case',
  userId: 'u-b-clerk',
  year: '2024',
  ordinal: '0',
};

/** How each route is aimed at B: a query and a body naming B (or B's ids in the path). */
const aimedAtB: Record<string, { query?: string; body?: unknown }> = {
  'GET /api/agencies/{agencyId}': {},
  'PATCH /api/agencies/{agencyId}': { body: { name: '被改的名称' } },
  'POST /api/users': {
    body: {
      username: 'intruder',
      displayName: '入侵者',
      password: 'password-123',
      role: 'clerk',
      agencyId: 'B',
    },
  },
  'GET /api/users/{userId}': {},
  'PATCH /api/users/{userId}': { body: { disabled: true } },
  'GET /api/applications': { query: 'agency=B' },
  'POST /api/applications': {
    body: {
      agencyId: 'B',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '越权',
    },
  },
  'GET /api/applications/export': { query: 'agency=B&to=csv' },
  'POST /api/applications/import': { query: 'agency=B' },
  'GET /api/applications/{applicationId}': {},
  'PATCH /api/applications/{applicationId}': { body: { applicantName: '越权', requestText: '越权' } },
  'POST /api/applications/{applicationId}/events': {
    body: { type: 'consultationSent', on: '2024-05-08', party: 'agency' },
  },
  'POST /api/applications/{applicationId}/events/{ordinal}/void': { body: { reason: '越权作废' } },
  'GET /api/applications/{applicationId}/events/{ordinal}/notice': { query: 'to=md' },
  'GET /api/due': { query: 'agency=B' },
  'GET /api/cases': { query: 'agency=B' },
  'GET /api/cases/export': { query: 'agency=B&to=csv' },
  'POST /api/cases/import': { query: 'agency=B' },
  'POST /api/cases': { body: { agencyId: 'B', kind: 'review', filedOn: '2024-04-01' } },
  'GET /api/cases/{caseId}': {},
  'PATCH /api/cases/{caseId}': { body: { decidedOn: '2024-05-01', outcome: 'corrected' } },
  'DELETE /api/cases/{caseId}': {},
  'GET /api/proactive/{agencyId}/{year}': {},
  'PUT /api/proactive/{agencyId}/{year}': { body: { cells: { 'p.rules.issued': 99 } } },
  'GET /api/report-prose/{agencyId}/{year}': {},
  'PUT /api/report-prose/{agencyId}/{year}': { body: { prose: { '5': '越权写入的正文。' } } },
  'POST /api/compile': { body: { agencyId: 'B', year: 2024 } },
};

/** Routes that name no agency: called plainly, their answer must not mention B. */
const agencyFree = new Set([
  'GET /api/applications/summary',
  'POST /api/login',
  'POST /api/logout',
  'GET /api/me',
  'GET /api/agencies',
  'GET /api/users',
  'GET /api/audit',
  'GET /api/applications',
  'GET /api/due',
  'GET /api/cases',
  'GET /api/fees/calculate',
  'GET /api/holidays',
  'PUT /api/holidays',
  'DELETE /api/holidays/{year}',
  'GET /openapi.json',
  // The corpus of published reports is scoped by test/corpus/api.test.ts.
  'GET /api/corpus/reports',
  'GET /api/corpus/reports/{reportId}',
  'GET /api/corpus/reports/{reportId}/source',
  'GET /api/corpus/reports/{reportId}/letter',
  'GET /api/corpus/letters',
  'GET /api/corpus/stats',
  'GET /api/corpus/stats/export',
  'GET /api/corpus/checks',
  'GET /api/corpus/checks/export',
  'GET /api/corpus/publication',
  'GET /api/corpus/publication/export',
  'GET /api/corpus/publication/reminders',
  'GET /api/corpus/corrections',
  'GET /api/corpus/corrections/export',
  'GET /api/corpus/bodies',
  'GET /api/corpus/packs',
  'POST /api/corpus/score',
  'POST /api/corpus/score/export',
  'GET /api/corpus/bodies/{bodyId}',
  'PATCH /api/corpus/bodies/{bodyId}',
  'POST /api/corpus/bodies/{bodyId}/merge',
  'GET /api/corpus/bodies/places',
  'POST /api/corpus/bodies/places',
  'POST /api/corpus/bodies/roster',
  'GET /api/corpus/compare',
  'GET /api/corpus/export',
  'POST /api/corpus/upload',
  'POST /api/inspect',
  'POST /api/inspect/letter',
]);

const plainQuery: Record<string, string> = { 'GET /api/fees/calculate': 'method=perPage&quantity=120' };

/** Strings that only B's records contain. */
const bMarks = ['乙县', 'b-app', 'b-case', 'u-b-clerk', 'b-clerk', 'b-admin', '乙方申请'];

describeEachBackend('isolation between agencies', (backend) => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(backend);
    const { store } = h;
    const actor = { userId: 'u-b-clerk' };
    await store.applications.create(actor, {
      id: 'b-app',
      agencyId: 'B',
      applicant: 'biz',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '乙方申请',
      events: [{ type: 'consultationSent', on: '2024-05-07', party: 'thirdParty' }],
    });
    await store.cases.create(actor, { id: 'b-case', agencyId: 'B', kind: 'direct', filedOn: '2024-03-01' });
    await store.proactive.set(actor, 'B', 2024, { 'p.rules.issued': 2, 'p.license.decisions': 40 });
    await store.reportProse.set(actor, 'B', 2024, { '5': '乙方申请相关的问题。' });
    await store.applications.create(systemActor, {
      id: 'a-app',
      agencyId: 'A',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '甲方申请',
    });
  });

  afterEach(async () => {
    await h.close();
  });

  /** Everything of B, as the store holds it. */
  const snapshotOfB = async () => ({
    agency: await h.store.agencies.get('B'),
    applications: await h.store.applications.list({ agencyIds: ['B'] }),
    cases: await h.store.cases.list({ agencyIds: ['B'] }),
    proactive: await h.store.proactive.get('B', 2024),
    prose: await h.store.reportProse.get('B', 2024),
    users: await h.store.users.list({ agencyId: 'B' }),
    supervisors: await h.store.users.supervisedAgencies('u-ab-supervisor'),
  });

  it('every route of the document is walked', async () => {
    const doc = (await h.call(null, 'GET', '/openapi.json')).json() as Doc;
    const walked = new Set([...Object.keys(aimedAtB), ...agencyFree]);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.filter((r) => !walked.has(r))).toEqual([]);
    expect(documented.length).toBe(68);
  });

  for (const username of ['a-admin', 'a-reviewer', 'a-clerk', 'a-supervisor']) {
    it(`${username} gets 403/404 for each of B's records and changes nothing of B`, async () => {
      const doc = (await h.call(null, 'GET', '/openapi.json')).json() as Doc;
      await h.token(username);
      const before = await snapshotOfB();
      const lastAudit = (await h.store.audit.list()).at(-1)?.id ?? 0;
      const seen: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths))
        for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
          const key = `${method} ${path}`;
          const aim = aimedAtB[key];
          if (aim) {
            const url = path.replace(/\{(\w+)\}/g, (_, name: string) => bIds[name] as string);
            const res = await h.call(username, method, aim.query ? `${url}?${aim.query}` : url, aim.body);
            const expected = method === 'GET' ? [404] : [403, 404];
            seen.push(`${key} → ${res.statusCode}`);
            expect(expected, `${key}: ${res.body}`).toContain(res.statusCode);
            expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
            expect(res.body).not.toContain('乙方申请');
          }
          if (agencyFree.has(key)) {
            // Logout ends a session of its own, so the walk goes on signed in.
            const as =
              key === 'POST /api/logout'
                ? await h.app.inject({
                    method: 'POST',
                    url: '/api/login',
                    payload: { username, password: 'correct-horse-1' },
                  })
                : null;
            const headers = as ? { authorization: `Bearer ${as.json().token}` } : undefined;
            const q = plainQuery[key];
            const res = headers
              ? await h.app.inject({ method: 'POST', url: path, headers })
              : await h.call(
                  username,
                  method,
                  q ? `${path}?${q}` : path,
                  key === 'POST /api/login' ? { username, password: 'correct-horse-1' } : undefined,
                );
            expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(500);
            if (key !== 'GET /openapi.json')
              for (const mark of bMarks) expect(res.body, `${key} shows ${mark}`).not.toContain(mark);
          }
        }
      expect(seen.length).toBe(Object.keys(aimedAtB).length);
      expect(await snapshotOfB()).toEqual(before);
      const changes = (await h.store.audit.list({ afterId: lastAudit })).filter(
        (a) => a.action !== 'login' && a.action !== 'logout',
      );
      expect(changes).toEqual([]);
    });
  }

  it("a supervisor of both agencies sees B's records, and A's users see their own", async () => {
    expect((await h.call('ab-supervisor', 'GET', '/api/applications/b-app')).statusCode).toBe(200);
    expect((await h.call('ab-supervisor', 'GET', '/api/cases/b-case')).statusCode).toBe(200);
    expect((await h.call('b-clerk', 'GET', '/api/proactive/B/2024')).json().cells).toEqual({
      'p.license.decisions': 40,
      'p.rules.issued': 2,
    });
    const list = (await h.call('ab-supervisor', 'GET', '/api/applications')).json() as { id: string }[];
    expect(list.map((a) => a.id)).toEqual(['a-app', 'b-app']);
    const own = (await h.call('a-clerk', 'GET', '/api/applications')).json() as { id: string }[];
    expect(own.map((a) => a.id)).toEqual(['a-app']);
    // A supervisor reads only: B is visible to it, so a write is refused with 403.
    const write = await h.call('ab-supervisor', 'POST', '/api/applications/b-app/events', {
      type: 'consultationAnswered',
      on: '2024-05-09',
      party: 'thirdParty',
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toBe('监督角色无权录入');
  });
});
