/**
 * The register hardened (issue 11), on both backends: login attempts sent in parallel are counted
 * before the password is checked, with per-address and global limits and audit rows; NUL and other
 * control characters are refused with 400 everywhere; ids given by one agency never reveal another
 * agency's records; accounts can be disabled (their tokens stop at once) and their passwords reset;
 * a wrong event can be voided with a reason.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../src/auth/rate-limit.js';
import { systemActor } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness, password } from './helpers.js';

type Doc = { paths: Record<string, Record<string, { requestBody?: unknown }>> };

describe('login limiter', () => {
  it('never evicts a locked account to make room for other usernames', () => {
    let now = 0;
    const limiter = new LoginLimiter({ maxEntries: 10, maxAddressFailures: 1000, now: () => now });
    for (let i = 0; i < 5; i++) {
      const a = limiter.begin('victim', '10.0.0.1');
      if (!a.allowed) throw new Error('refused too early');
      limiter.fail(a);
    }
    expect(limiter.begin('victim', '10.0.0.1')).toMatchObject({ allowed: false, limit: 'account' });
    for (let i = 0; i < 50; i++) {
      const a = limiter.begin(`other-${i}`, `10.1.0.${i}`);
      if (a.allowed) limiter.fail(a);
    }
    expect(limiter.begin('victim', '10.0.0.1')).toMatchObject({ allowed: false, limit: 'account' });
    now = 15 * 60 * 1000;
    expect(limiter.begin('victim', '10.0.0.1').allowed).toBe(true);
  });
});

describeEachBackend('hardening', (backend) => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(backend, { limiter: new LoginLimiter() });
  });

  afterEach(async () => {
    await h.close();
  });

  const login = (username: string, pw: string, remoteAddress = '127.0.0.1') =>
    h.app.inject({ method: 'POST', url: '/api/login', payload: { username, password: pw }, remoteAddress });

  const statuses = (responses: { statusCode: number }[]) => {
    const count: Record<number, number> = {};
    for (const r of responses) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1;
    return count;
  };

  it('counts parallel login attempts before checking the password: 5 of 100 are checked', async () => {
    const all = await Promise.all(Array.from({ length: 100 }, () => login('a-clerk', 'wrong-password-1')));
    expect(statuses(all)).toEqual({ 401: 5, 429: 95 });
    const audit = await h.store.audit.list({ entity: 'user', entityId: 'u-a-clerk' });
    expect(audit.filter((a) => a.action === 'login-failed').length).toBe(5);
    expect(audit.filter((a) => a.action === 'lockout').map((a) => a.after)).toEqual([
      { username: 'a-clerk', ip: '127.0.0.1', limit: 'account', minutes: 15 },
    ]);
    expect((await login('a-clerk', password)).statusCode).toBe(429);
  });

  it('refuses the right password sent last among 40 parallel guesses', async () => {
    const guesses = Array.from({ length: 39 }, (_, i) => login('a-reviewer', `guess-number-${i}`));
    const all = await Promise.all([...guesses, login('a-reviewer', password)]);
    expect(all.at(-1)?.statusCode).toBe(429);
    expect(statuses(all)).toEqual({ 401: 5, 429: 35 });
    const sessions = await h.store.db.selectFrom('sessions').selectAll().execute();
    expect(sessions.filter((s) => s.user_id === 'u-a-reviewer')).toEqual([]);
  });

  it('limits password spraying from one address: 20 of 120 tries over 40 usernames are checked', async () => {
    const tries = [];
    for (let round = 0; round < 3; round++)
      for (let u = 0; u < 40; u++) tries.push(login(`user-${u}`, `spray-password-${round}`, '10.9.9.9'));
    const all = await Promise.all(tries);
    expect(statuses(all)).toEqual({ 401: 20, 429: 100 });
    const failed = await h.store.audit.list({ entity: 'user' });
    expect(failed.filter((a) => a.action === 'login-failed').length).toBe(20);
    expect(
      failed.filter((a) => a.action === 'lockout').map((a) => (a.after as { limit: string }).limit),
    ).toEqual(['address']);
    // Another address is not locked out by it.
    expect((await login('a-clerk', password, '10.0.0.8')).statusCode).toBe(200);
  });

  it('refuses NUL and control characters in every string field with 400, login included', async () => {
    const doc = (await h.call(null, 'GET', '/openapi.json')).json() as Doc;
    expect(doc.paths['/api/login']).toBeDefined();
    const bodies: [string, string, Record<string, unknown>][] = [
      ['POST', '/api/login', { username: 'a-clerk\u0000', password }],
      ['POST', '/api/login', { username: 'a-clerk', password: `${password}\u0000` }],
      [
        'POST',
        '/api/applications',
        { applicant: 'np', channel: 'post', submittedOn: '2024-05-06', requestText: 'a\u0000b' },
      ],
      [
        'POST',
        '/api/applications',
        { applicant: 'np', channel: 'post', submittedOn: '2024-05-06', number: 'x\u0000' },
      ],
      [
        'POST',
        '/api/users',
        { username: 'n1', displayName: '名\u0007', password: 'a-long-password-1', role: 'clerk' },
      ],
      [
        'POST',
        '/api/users',
        { username: 'n2', displayName: '名', password: 'a-long-pass\u0000word', role: 'clerk' },
      ],
      ['PATCH', '/api/agencies/A', { name: '甲\u0000县' }],
      ['PATCH', '/api/agencies/A', { region: '某省\u001b[31m' }],
      ['PATCH', '/api/users/u-a-clerk', { displayName: '\u0000' }],
    ];
    await h.store.applications.create(systemActor, {
      id: 'app-n',
      agencyId: 'A',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '',
    });
    bodies.push(
      [
        'POST',
        '/api/applications/app-n/events',
        { type: 'extended', on: '2024-05-08', days: 5, approvedBy: '主任\u0000' },
      ],
      ['POST', '/api/applications/app-n/events/0/void', { reason: '误记\u0000' }],
    );
    for (const [method, url, body] of bodies) {
      const res =
        url === '/api/login'
          ? await h.app.inject({ method: 'POST', url, payload: body })
          : await h.call('a-admin', method, url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}: ${res.body}`).toBe(400);
      expect(errorOf(res).message).toMatch(/不能包含控制字符|只能包含字母、数字/);
    }
    const query = await h.call('a-admin', 'GET', '/api/applications?agency=A%00');
    expect(query.statusCode).toBe(400);
    // Line breaks stay allowed in the request text.
    const ok = await h.call('a-admin', 'POST', '/api/applications', {
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '第一行\n第二行\t（续）',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("answers an id another agency uses exactly as a free one, and numbers each agency's records", async () => {
    await h.store.applications.create(systemActor, {
      id: 'b-app',
      agencyId: 'B',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '乙方申请',
    });
    await h.store.cases.create(systemActor, {
      id: 'b-case',
      agencyId: 'B',
      kind: 'direct',
      filedOn: '2024-03-01',
    });
    const body = { applicant: 'np', channel: 'inPerson', submittedOn: '2024-05-06' };
    const taken = await h.call('a-clerk', 'POST', '/api/applications', { ...body, id: 'b-app' });
    const free = await h.call('a-clerk', 'POST', '/api/applications', { ...body, id: 'free-1' });
    expect([taken.statusCode, free.statusCode]).toEqual([201, 201]);
    const shape = (r: typeof taken) => {
      const { id, number, createdAt, updatedAt, ...rest } = r.json() as Record<string, unknown>;
      return { idIsFresh: id !== 'b-app' && id !== 'free-1', rest };
    };
    expect(shape(taken)).toEqual(shape(free));
    expect(taken.json().number).toBe('b-app');
    expect(taken.body).not.toContain('乙方申请');
    const caseTaken = await h.call('a-clerk', 'POST', '/api/cases', {
      id: 'b-case',
      kind: 'review',
      filedOn: '2024-04-01',
    });
    expect(caseTaken.statusCode).toBe(201);
    // A's number reaches A's record; B's record stays B's.
    expect((await h.call('a-clerk', 'GET', '/api/applications/b-app')).json().agencyId).toBe('A');
    expect((await h.call('b-clerk', 'GET', '/api/applications/b-app')).json().requestText).toBe('乙方申请');
    // The same number twice in one agency is a conflict of that agency's own.
    expect(
      (await h.call('a-clerk', 'POST', '/api/applications', { ...body, number: 'free-1' })).statusCode,
    ).toBe(409);
    // Numbers by year of receipt, per agency.
    const auto = [];
    for (const submittedOn of ['2024-07-01', '2024-07-02', '2025-01-06'])
      auto.push(
        (await h.call('a-clerk', 'POST', '/api/applications', { ...body, submittedOn })).json().number,
      );
    expect(auto).toEqual(['2024-001', '2024-002', '2025-001']);
    const bAuto = await h.call('b-clerk', 'POST', '/api/applications', {
      ...body,
      submittedOn: '2024-07-03',
    });
    expect(bAuto.json().number).toBe('2024-002');
    expect((await h.call('a-clerk', 'GET', '/api/applications/2024-002')).json().receivedOn).toBe(
      '2024-07-02',
    );
    // A case linked by the application's number answers with its id and its number (the clerk's).
    const linked = await h.call('a-clerk', 'POST', '/api/cases', {
      kind: 'direct',
      filedOn: '2024-08-01',
      applicationId: '2024-002',
    });
    expect(linked.statusCode).toBe(201);
    const appId = (await h.call('a-clerk', 'GET', '/api/applications/2024-002')).json().id;
    expect(linked.json()).toMatchObject({ applicationId: appId, applicationNumber: '2024-002' });
    const listed = (await h.call('a-clerk', 'GET', '/api/cases?year=2024')).json() as Record<
      string,
      unknown
    >[];
    expect(listed.map((c) => c.applicationNumber)).toEqual([null, '2024-002']);
  });

  it('disables an account (its token is refused at once), resets a password, and ends sessions', async () => {
    const token = await h.token('a-clerk');
    const me = () =>
      h.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    const disabled = await h.call('a-admin', 'PATCH', '/api/users/u-a-clerk', { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: 'u-a-clerk', disabled: true });
    expect((await me()).statusCode).toBe(401);
    expect(errorOf(await login('a-clerk', password))).toEqual({
      code: 'unauthenticated',
      message: '用户名或密码不正确',
    });
    expect((await h.call('a-admin', 'GET', '/api/users/u-a-clerk')).json().disabled).toBe(true);
    expect(
      (await h.call('a-admin', 'PATCH', '/api/users/u-a-clerk', { disabled: false })).json().disabled,
    ).toBe(false);
    expect((await login('a-clerk', password)).statusCode).toBe(200);

    // A new password: the old sessions end, the new password signs in, the old one no more.
    const reviewer = await h.token('a-reviewer');
    const reset = await h.call('a-admin', 'PATCH', '/api/users/u-a-reviewer', {
      password: 'a-new-passphrase-7',
    });
    expect(reset.statusCode).toBe(200);
    const after = await h.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${reviewer}` },
    });
    expect(after.statusCode).toBe(401);
    expect((await login('a-reviewer', password)).statusCode).toBe(401);
    expect((await login('a-reviewer', 'a-new-passphrase-7')).statusCode).toBe(200);

    // Policy: at least 10 characters, not a common password; no disabling oneself; only one's own agency.
    const short = await h.call('a-admin', 'PATCH', '/api/users/u-a-clerk', { password: 'short-1' });
    expect(errorOf(short).message).toBe('输入有误：「password」太短（至少 10 个字符）');
    const common = await h.call('a-admin', 'PATCH', '/api/users/u-a-clerk', { password: 'Password123' });
    expect(errorOf(common).message).toBe('输入有误：「password」：密码过于常见，请换一个不易猜到的密码');
    const self = await h.call('a-admin', 'PATCH', '/api/users/u-a-admin', { disabled: true });
    expect(errorOf(self)).toEqual({ code: 'invalid-input', message: '输入有误：不能停用自己的账号' });
    expect((await h.call('a-admin', 'PATCH', '/api/users/u-b-clerk', { disabled: true })).statusCode).toBe(
      404,
    );
    expect(
      (await h.call('a-supervisor', 'PATCH', '/api/users/u-a-reviewer', { disabled: true })).statusCode,
    ).toBe(403);
    // Usernames are unique regardless of case, and sign in regardless of case.
    const dup = await h.call('a-admin', 'POST', '/api/users', {
      username: 'A-Clerk',
      displayName: '重名',
      password: 'another-passphrase-9',
      role: 'clerk',
    });
    expect(dup.statusCode).toBe(409);
    expect((await login('A-CLERK', password)).statusCode).toBe(200);
    const actions = (await h.store.audit.list({ entity: 'user', entityId: 'u-a-clerk' })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['disable', 'enable', 'login-failed']));
  });

  it('purges expired sessions when someone signs in', async () => {
    await h.store.sessions.create(systemActor, {
      tokenHash: 'old',
      userId: 'u-a-clerk',
      expiresAt: '2024-05-01T00:00:00.000Z',
    });
    expect((await login('a-reviewer', password)).statusCode).toBe(200);
    const hashes = (await h.store.db.selectFrom('sessions').select('token_hash').execute()).map(
      (s) => s.token_hash,
    );
    expect(hashes).not.toContain('old');
    expect(hashes.length).toBe(1);
  });

  it('voids a wrong event with a reason, in the audit log', async () => {
    const app = await h.store.applications.create(systemActor, {
      id: 'v1',
      agencyId: 'A',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '',
      events: [
        { type: 'consultationSent', on: '2024-05-08', party: 'agency' },
        { type: 'replied', on: '2024-05-20', outcome: 'open' },
      ],
    });
    expect(
      (await h.call('a-clerk', 'POST', '/api/applications/v1/events/1/void', { reason: '答复日期记错' }))
        .statusCode,
    ).toBe(403);
    const missing = await h.call('a-reviewer', 'POST', '/api/applications/v1/events/5/void', {
      reason: '不存在',
    });
    expect(missing.statusCode).toBe(404);
    const res = await h.call('a-reviewer', 'POST', '/api/applications/v1/events/1/void', {
      reason: '答复日期记错',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().events).toEqual([{ type: 'consultationSent', on: '2024-05-08', party: 'agency' }]);
    const row = (await h.store.audit.list({ entity: 'application', entityId: app.id })).at(-1);
    expect(row?.action).toBe('void');
    expect(row?.userId).toBe('u-a-reviewer');
    expect((row?.after as { voided?: unknown } | undefined)?.voided).toEqual({
      ordinal: 1,
      event: { type: 'replied', on: '2024-05-20', outcome: 'open' },
      reason: '答复日期记错',
    });
    // Voiding what the rest depends on is refused: the record must stay possible.
    await h.call('a-reviewer', 'POST', '/api/applications/v1/events', {
      type: 'consultationAnswered',
      on: '2024-05-10',
      party: 'agency',
    });
    const dependent = await h.call('a-reviewer', 'POST', '/api/applications/v1/events/0/void', {
      reason: '误记',
    });
    expect(dependent.statusCode).toBe(400);
  });
});
