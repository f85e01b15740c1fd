/**
 * The audit log, read (GET /api/audit, `gongkai audit`): an admin sees what concerns their own
 * agency — what its users did, what was done to its users, to the agency and to its records (by
 * anyone, the command line included) — newest first, a page at a time; nothing of another agency.
 * Other roles may not read it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AuditPage } from '../../src/api/contract/responses.js';
import { systemActor } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness } from './helpers.js';

const application = (id: string, agencyId: string) => ({
  id,
  agencyId,
  applicant: 'np' as const,
  channel: 'inPerson' as const,
  submittedOn: '2024-05-06',
  requestText: `${id} 的申请`,
});

describeEachBackend('the audit log, read', (backend) => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(backend);
    await h.store.applications.create({ userId: 'u-b-clerk' }, application('b-app', 'B'));
    await h.store.applications.create({ userId: 'u-a-clerk' }, application('a-app', 'A'));
    await h.store.applications.create(systemActor, application('a-app-cli', 'A'));
    expect(
      (await h.call('a-admin', 'PATCH', '/api/users/u-a-clerk', { displayName: '甲录入' })).statusCode,
    ).toBe(200);
    for (const username of ['a-clerk', 'b-clerk'])
      await h.app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username, password: 'wrong-password-1' },
      });
  });

  afterEach(async () => {
    await h.close();
  });

  const page = async (query = '') => {
    const res = await h.call('a-admin', 'GET', `/api/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AuditPage;
  };
  const brief = (p: AuditPage) => p.entries.map((e) => `${e.action} ${e.entity} ${e.entityId}`);

  it('an admin sees what concerns their agency, newest first, named in Chinese', async () => {
    const { entries, next } = await page('?limit=200');
    expect(next).toBeNull();
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
    const seen = brief({ entries, next });
    for (const wanted of [
      'login-failed user u-a-clerk',
      'update user u-a-clerk',
      'create application a-app-cli',
      'create application a-app',
      'create user u-a-clerk',
      'create agency A',
    ])
      expect(seen).toContain(wanted);
    expect(JSON.stringify(entries)).not.toMatch(/b-app|u-b-|乙县/);
    const renamed = entries.find((e) => e.action === 'update' && e.entityId === 'u-a-clerk');
    expect(renamed).toMatchObject({
      userId: 'u-a-admin',
      userName: 'a-admin',
      actionName: '修改',
      entityName: '用户',
      label: '甲录入（a-clerk）',
    });
    expect(entries.find((e) => e.action === 'login-failed')).toMatchObject({
      userId: null,
      userName: null,
      actionName: '登录失败',
      after: { username: 'a-clerk', reason: 'wrong-password' },
    });
  });

  it('goes on page by page, and filters by record, action, user and days in China', async () => {
    const all = brief(await page('?limit=200'));
    const first = await page('?limit=2');
    expect(first.entries).toHaveLength(2);
    const second = await page(`?limit=200&before=${first.next}`);
    expect([...brief(first), ...brief(second)]).toEqual(all);
    expect(brief(await page('?entity=application'))).toEqual([
      'create application a-app-cli',
      'create application a-app',
    ]);
    expect(brief(await page('?action=login-failed'))).toEqual(['login-failed user u-a-clerk']);
    expect(brief(await page('?user=u-a-admin'))).toEqual(['update user u-a-clerk', 'login user u-a-admin']);
    // The store's clock starts at 2024-01-01 00:00 UTC, 08:00 in China.
    expect(brief(await page('?from=2024-01-01&to=2024-01-01&limit=200'))).toEqual(all);
    expect((await page('?to=2023-12-31')).entries).toEqual([]);
    expect((await page('?from=2024-01-02')).entries).toEqual([]);
  });

  it('is for admins: other roles are refused, and a bad query is a 400 in Chinese', async () => {
    for (const username of ['a-clerk', 'a-reviewer', 'a-supervisor']) {
      const res = await h.call(username, 'GET', '/api/audit');
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).message).toMatch(/无权管理用户和机关/);
    }
    const bad = await h.call('a-admin', 'GET', '/api/audit?limit=1000&from=2024-13-01');
    expect(bad.statusCode).toBe(400);
    errorOf(bad);
  });
});
