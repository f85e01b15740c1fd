/**
 * Login, sessions and logout; the login limiter; what each role may do; audit rows for changes; due
 * dates; the fee calculator. Both backends.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { LoginLimiter } from '../../src/auth/rate-limit.js';
import { systemActor } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness, password } from './helpers.js';

describeEachBackend('sessions, roles and audit', (backend) => {
  let h: Harness;
  let limiterNow = 0;

  beforeEach(async () => {
    limiterNow = 0;
    h = await harness(backend, {
      limiter: new LoginLimiter({ maxFailures: 3, windowMs: 60_000, now: () => limiterNow }),
    });
  });

  afterEach(async () => {
    await h.close();
  });

  const login = (username: string, pw: string, remoteAddress = '127.0.0.1') =>
    h.app.inject({ method: 'POST', url: '/api/login', payload: { username, password: pw }, remoteAddress });

  it('logs in with a cookie and a token, stores only hashes, and logs out', async () => {
    const res = await login('a-clerk', password);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { token: string; expiresAt: string; user: Record<string, unknown> };
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toBe('2024-06-01T12:00:00.000Z');
    expect(body.user).toEqual({
      id: 'u-a-clerk',
      username: 'a-clerk',
      displayName: 'a-clerk',
      role: 'clerk',
      agencyId: 'A',
      createdAt: '2024-01-01T00:00:04.000Z',
      disabled: false,
    });
    expect(res.headers['set-cookie']).toBe(
      `gongkai_session=${body.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200`,
    );
    const sessions = await h.store.db.selectFrom('sessions').selectAll().execute();
    expect(sessions.map((s) => s.token_hash)).toEqual([
      createHash('sha256').update(body.token).digest('hex'),
    ]);
    const stored = await h.store.users.credentials('a-clerk');
    expect(stored?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);

    const byCookie = await h.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `x=1; gongkai_session=${body.token}` },
    });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json().agencies.map((a: { id: string }) => a.id)).toEqual(['A']);
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/logout',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(out.json()).toEqual({ ok: true });
    expect(out.headers['set-cookie']).toBe('gongkai_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    const after = await h.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(errorOf(after)).toEqual({ code: 'unauthenticated', message: '会话已过期或无效，请重新登录' });
    const none = await h.app.inject({ method: 'GET', url: '/api/applications' });
    expect(errorOf(none)).toEqual({ code: 'unauthenticated', message: '请先登录' });
    expect(none.statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user alike, and ends a session at its expiry', async () => {
    const wrong = await login('a-clerk', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(errorOf(wrong)).toEqual({ code: 'unauthenticated', message: '用户名或密码不正确' });
    expect(errorOf(await login('nobody', password))).toEqual(errorOf(wrong));

    let now = new Date(Date.UTC(2024, 5, 1));
    const app = await buildApi({ store: h.store, now: () => now });
    const token = (
      await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'a-clerk', password } })
    ).json().token;
    now = new Date(Date.UTC(2024, 5, 1, 11, 59));
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);
    now = new Date(Date.UTC(2024, 5, 1, 12, 0));
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    await app.close();
  });

  it('limits failed logins per username and address, with a Chinese message', async () => {
    for (let i = 0; i < 3; i++) expect((await login('a-clerk', 'wrong-password')).statusCode).toBe(401);
    const limited = await login('a-clerk', password);
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited)).toEqual({
      code: 'too-many-attempts',
      message: '登录失败次数过多，请 1 分钟后再试',
    });
    expect((await login('a-clerk', password, '10.0.0.2')).statusCode).toBe(200);
    expect((await login('a-reviewer', password)).statusCode).toBe(200);
    limiterNow = 60_000;
    expect((await login('a-clerk', password)).statusCode).toBe(200);
  });

  it('gives each role its rights', async () => {
    const app = await h.call('a-clerk', 'POST', '/api/applications', {
      id: 'x1',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
    });
    expect(app.statusCode).toBe(201);
    const reply = { type: 'replied', on: '2024-05-20', outcome: 'open' };
    const extend = { type: 'extended', on: '2024-05-20', days: 10, approvedBy: '主任' };
    for (const [user, body, status] of [
      ['a-clerk', reply, 403],
      ['a-clerk', extend, 403],
      ['a-supervisor', { type: 'consultationSent', on: '2024-05-08', party: 'agency' }, 403],
      ['a-clerk', { type: 'consultationSent', on: '2024-05-08', party: 'agency' }, 201],
      ['a-reviewer', extend, 201],
      ['a-admin', reply, 201],
    ] as const) {
      const res = await h.call(user, 'POST', '/api/applications/x1/events', body);
      expect(res.statusCode, `${user} ${body.type}: ${res.body}`).toBe(status);
    }
    expect(errorOf(await h.call('a-clerk', 'POST', '/api/applications/x1/events', reply)).message).toBe(
      '录入角色无权答复和批准延期',
    );
    // Supervisors read only.
    expect((await h.call('a-supervisor', 'GET', '/api/applications/x1')).statusCode).toBe(200);
    expect((await h.call('a-supervisor', 'POST', '/api/compile', { year: 2024 })).statusCode).toBe(200);
    expect(
      (await h.call('a-supervisor', 'PUT', '/api/proactive/A/2024', { cells: { 'p.rules.issued': 1 } }))
        .statusCode,
    ).toBe(403);
    // Cases: clerks enter, reviewers delete.
    const created = await h.call('a-clerk', 'POST', '/api/cases', {
      id: 'c1',
      kind: 'review',
      filedOn: '2024-04-01',
    });
    expect(created.statusCode).toBe(201);
    expect((await h.call('a-clerk', 'DELETE', '/api/cases/c1')).statusCode).toBe(403);
    expect((await h.call('a-reviewer', 'DELETE', '/api/cases/c1')).json()).toEqual({ ok: true });
    expect((await h.call('a-reviewer', 'GET', '/api/cases/c1')).statusCode).toBe(404);
    // Users and the agency: the admin of the agency only.
    expect((await h.call('a-reviewer', 'GET', '/api/users')).statusCode).toBe(403);
    const users = (await h.call('a-admin', 'GET', '/api/users')).json() as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(['a-admin', 'a-clerk', 'a-reviewer', 'a-supervisor']);
    const newUser = await h.call('a-admin', 'POST', '/api/users', {
      username: 'a-clerk2',
      displayName: '录入员二',
      password: 'password-123',
      role: 'clerk',
    });
    expect(newUser.statusCode).toBe(201);
    expect(newUser.json()).toMatchObject({
      username: 'a-clerk2',
      role: 'clerk',
      agencyId: 'A',
      supervises: [],
    });
    expect((await login('a-clerk2', 'password-123')).statusCode).toBe(200);
    const dup = await h.call('a-admin', 'POST', '/api/users', {
      username: 'a-clerk2',
      displayName: '重名',
      password: 'password-123',
      role: 'clerk',
    });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).code).toBe('conflict');
    const sup = await h.call('a-admin', 'POST', '/api/users', {
      username: 'a-sup2',
      displayName: '监督员',
      password: 'password-123',
      role: 'supervisor',
      agencyIds: ['A'],
    });
    expect(sup.json()).toMatchObject({ role: 'supervisor', agencyId: null, supervises: ['A'] });
    expect((await h.call('a-admin', 'PATCH', '/api/agencies/A', { region: '某省某市' })).json().region).toBe(
      '某省某市',
    );
    expect((await h.call('a-reviewer', 'PATCH', '/api/agencies/A', { region: '别处' })).statusCode).toBe(403);
  });

  it('records who changed what, before and after, in the audit log', async () => {
    const start = (await h.store.audit.list()).at(-1)?.id ?? 0;
    const x2 = (
      await h.call('a-clerk', 'POST', '/api/applications', {
        id: 'x2',
        applicant: 'biz',
        channel: 'inPerson',
        submittedOn: '2024-05-06',
      })
    ).json() as { id: string; number: string };
    expect(x2.number).toBe('x2');
    await h.call('a-reviewer', 'POST', '/api/applications/x2/events', {
      type: 'replied',
      on: '2024-05-08',
      outcome: 'partial',
    });
    await h.call('a-clerk', 'PUT', '/api/proactive/A/2024', { cells: { 'p.rules.issued': 2 } });
    const c2 = (
      await h.call('a-clerk', 'POST', '/api/cases', { id: 'c2', kind: 'direct', filedOn: '2024-04-01' })
    ).json() as { id: string; number: string };
    expect(c2.number).toBe('c2');
    await h.call('a-reviewer', 'PATCH', '/api/cases/c2', { decidedOn: '2024-05-02', outcome: 'upheld' });
    const rows = (await h.store.audit.list({ afterId: start })).filter((r) => r.action !== 'login');
    expect(rows.map((r) => [r.userId, r.action, r.entity, r.entityId])).toEqual([
      ['u-a-clerk', 'create', 'application', x2.id],
      ['u-a-reviewer', 'event', 'application', x2.id],
      ['u-a-clerk', 'set', 'proactive_figures', 'A/2024'],
      ['u-a-clerk', 'create', 'case', c2.id],
      ['u-a-reviewer', 'update', 'case', c2.id],
    ]);
    expect(rows[0]?.before).toBeNull();
    expect((rows[1]?.before as { events: unknown[] } | undefined)?.events).toEqual([]);
    expect((rows[1]?.after as { events: unknown[] } | undefined)?.events).toEqual([
      { type: 'replied', on: '2024-05-08', outcome: 'partial' },
    ]);
    expect(rows[2]?.before).toEqual({});
    expect(rows[2]?.after).toEqual({ 'p.rules.issued': 2 });
    expect(rows[4]?.before).toMatchObject({ decidedOn: null, outcome: null });
    expect(rows[4]?.after).toMatchObject({ decidedOn: '2024-05-02', outcome: 'upheld' });
    const logins = (await h.store.audit.list({ afterId: start })).filter((r) => r.action === 'login');
    expect(logins.map((r) => r.userId)).toEqual(['u-a-clerk', 'u-a-reviewer']);
  });

  it('refuses impossible records with the workflow rule, and keeps warnings', async () => {
    await h.call('a-clerk', 'POST', '/api/applications', {
      id: 'x3',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
    });
    const early = await h.call('a-reviewer', 'POST', '/api/applications/x3/events', {
      type: 'replied',
      on: '2024-05-01',
      outcome: 'open',
    });
    expect(early.statusCode).toBe(400);
    expect(errorOf(early)).toEqual({
      code: 'workflow.before-receipt',
      message: '记录不符合办理规则：答复日期 2024-05-01 早于收到申请之日 2024-05-06',
    });
    await h.call('a-reviewer', 'POST', '/api/applications/x3/events', {
      type: 'replied',
      on: '2024-06-03',
      outcome: 'open',
    });
    const again = await h.call('a-reviewer', 'POST', '/api/applications/x3/events', {
      type: 'replied',
      on: '2024-06-03',
      outcome: 'open',
    });
    expect(errorOf(again).code).toBe('workflow.second-reply');
    const got = (await h.call('a-clerk', 'GET', '/api/applications/x3')).json();
    expect(got.events).toEqual([{ type: 'replied', on: '2024-06-03', outcome: 'open' }]);
    expect(got.state).toMatchObject({ status: 'answered', dueOn: '2024-05-31', answeredLate: true });
    expect(got.warnings.map((w: { code: string }) => w.code)).toEqual(['workflow.reply-late']);
    const noReceipt = await h.call('a-clerk', 'POST', '/api/applications', {
      applicant: 'np',
      channel: 'post',
      submittedOn: '2024-05-06',
    });
    expect(errorOf(noReceipt).code).toBe('workflow.receipt-missing');
    const badCase = await h.call('a-clerk', 'POST', '/api/cases', {
      kind: 'review',
      filedOn: '2024-04-01',
      decidedOn: '2024-03-01',
      outcome: 'upheld',
    });
    expect(errorOf(badCase).code).toBe('workflow.case-order');
  });

  it('lists overdue and due-soon applications of the visible agencies', async () => {
    const add = (id: string, agencyId: string, submittedOn: string) =>
      h.store.applications.create(systemActor, {
        id,
        agencyId,
        applicant: 'np',
        channel: 'inPerson',
        submittedOn,
        requestText: id,
      });
    await add('d1', 'A', '2024-05-06');
    await add('d2', 'A', '2024-05-20');
    await add('d3', 'B', '2024-05-06');
    const soon = (await h.call('a-clerk', 'GET', '/api/due?asOf=2024-05-27')).json();
    expect(soon.overdue).toEqual([]);
    expect(soon.dueSoon.map((d: { id: string; state: { dueOn: string } }) => [d.id, d.state.dueOn])).toEqual([
      ['d1', '2024-05-31'],
    ]);
    const late = (await h.call('a-clerk', 'GET', '/api/due?asOf=2024-06-03&days=10')).json();
    expect(late.overdue.map((d: { id: string }) => d.id)).toEqual(['d1']);
    expect(late.dueSoon.map((d: { id: string; state: { dueOn: string } }) => [d.id, d.state.dueOn])).toEqual([
      ['d2', '2024-06-18'],
    ]);
    const both = (await h.call('ab-supervisor', 'GET', '/api/due?asOf=2024-06-03')).json();
    expect(both.overdue.map((d: { id: string }) => d.id)).toEqual(['d1', 'd3']);
  });

  it('calculates the fee of the 办法', async () => {
    expect(
      (await h.call('a-clerk', 'GET', '/api/fees/calculate?method=perPage&quantity=120')).json(),
    ).toEqual({
      method: 'perPage',
      quantity: 120,
      fee: 1100,
      monthTotal: null,
    });
    expect((await h.call('a-clerk', 'GET', '/api/fees/calculate?method=perItem&quantity=35')).json()).toEqual(
      {
        method: 'perItem',
        quantity: 35,
        fee: 200,
        monthTotal: 3000,
      },
    );
  });
});
