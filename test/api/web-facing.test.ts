/**
 * What a server facing browsers and proxies needs (issue 11, defects 6–8): errors logged as JSON
 * lines with a request id that is also in the body; a data directory that can't be written named
 * in Chinese with exit 2; trusted proxies and the Secure cookie; security headers; the Origin check
 * on changes made with the cookie; framework errors (414) in the documented body; the OpenAPI Error
 * schema; HTML escaped in Markdown; the audit trigger against INSERT OR REPLACE.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { LoginLimiter } from '../../src/auth/rate-limit.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { compileReport } from '../../src/workflow/index.js';
import { run } from '../cli/helpers.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness, password } from './helpers.js';

describeEachBackend('web-facing', (backend) => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(backend);
  });

  afterEach(async () => {
    await h.close();
  });

  it('logs a 500 as a JSON line whose request id is in the error body', async () => {
    const lines: string[] = [];
    const app = await buildApi({
      store: h.store,
      logger: { level: 'warn', stream: { write: (line: string) => lines.push(line) } },
    });
    const token = await h.token('a-clerk');
    // A store that fails under the request: the database handle is gone.
    const broken = { ...h.store, sessions: { find: () => Promise.reject(new Error('database gone')) } };
    const failing = await buildApi({
      store: broken as unknown as typeof h.store,
      logger: { level: 'warn', stream: { write: (line: string) => lines.push(line) } },
    });
    const res = await failing.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(500);
    const body = res.json() as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('internal');
    expect(body.error.requestId).toMatch(/^[0-9a-f]{12}$/);
    expect(res.headers['x-request-id']).toBe(body.error.requestId);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const entry = logged.find((l) => l.reqId === body.error.requestId);
    expect(entry).toMatchObject({ level: 50, err: { message: 'database gone' } });
    // Failed logins are logged as warnings.
    await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'a-clerk', password: 'wrong-one-1' },
    });
    expect(
      lines
        .map((l) => JSON.parse(l) as { level: number; event?: string })
        .some((l) => l.event === 'login-failed' && l.level === 40),
    ).toBe(true);
    await app.close();
    await failing.close();
  });

  it('believes X-Forwarded-* only from trusted proxies, and marks the cookie Secure over HTTPS', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };
    const limiter = new LoginLimiter({ maxFailures: 1 });
    const behind = await buildApi({ store: h.store, trustProxy: ['127.0.0.1'], limiter });
    const ok = await behind.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'a-clerk', password },
      headers: forwarded,
    });
    expect(ok.headers['set-cookie']).toMatch(/; Secure$/);
    // The limiter counts the forwarded address: one failure locks it there, not the proxy's.
    await behind.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'a-clerk', password: 'wrong-one-1' },
      headers: forwarded,
    });
    expect(
      (
        await behind.inject({
          method: 'POST',
          url: '/api/login',
          payload: { username: 'a-clerk', password },
          headers: forwarded,
        })
      ).statusCode,
    ).toBe(429);
    expect(
      (await behind.inject({ method: 'POST', url: '/api/login', payload: { username: 'a-clerk', password } }))
        .statusCode,
    ).toBe(200);
    // Not trusted: the headers are ignored.
    const direct = await h.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'a-clerk', password },
      headers: forwarded,
    });
    expect(direct.headers['set-cookie']).not.toMatch(/Secure/);
    await behind.close();
  });

  it('sends security headers, no-store on the API, and refuses cookie changes from another origin', async () => {
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'a-admin', password },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    expect(login.headers['x-content-type-options']).toBe('nosniff');
    expect(login.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(login.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    const cookie = `gongkai_session=${login.json().token}`;
    const change = (headers: Record<string, string>) =>
      h.app.inject({
        method: 'PATCH',
        url: '/api/agencies/A',
        payload: { region: '某地' },
        headers: { cookie, ...headers },
      });
    const foreign = await change({ origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(errorOf(foreign).code).toBe('origin');
    expect((await change({})).statusCode).toBe(403);
    expect((await change({ origin: 'http://localhost:80' })).statusCode).toBe(200);
    expect((await change({ referer: 'http://localhost:80/用户管理' })).statusCode).toBe(200);
    // Reading with the cookie needs no Origin; a Bearer token needs none for changes either.
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await h.call('a-admin', 'PATCH', '/api/agencies/A', { region: '别处' })).statusCode).toBe(200);
  });

  it('limits how long a request may take to arrive and a connection may idle', () => {
    expect(h.app.server.requestTimeout).toBe(30_000);
    expect(h.app.server.timeout).toBe(60_000);
    expect(h.app.server.keepAliveTimeout).toBe(5_000);
  });

  it('answers 414 and bad URLs in the documented error body', async () => {
    const long = await h.call('a-admin', 'PATCH', `/api/cases/${'x'.repeat(300)}`, { outcome: null });
    expect(long.statusCode).toBe(414);
    expect(errorOf(long)).toEqual({ code: 'uri-too-long', message: '请求的地址过长' });
    const bad = await h.call('a-admin', 'GET', '/api/cases/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('invalid-request');
    const doc = (await h.call(null, 'GET', '/openapi.json')).json() as {
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    const error = doc.components.schemas.Error as Record<string, unknown>;
    expect(error.$ref).toBeUndefined();
    expect(error.type).toBe('object');
    expect(Object.keys((error.properties as Record<string, unknown>) ?? {})).toEqual(['error']);
  });

  it('refuses INSERT OR REPLACE over an audit row, like UPDATE and DELETE', async () => {
    const [first] = await h.store.audit.list({ limit: 1 });
    const replace = h.store.capabilities.rowLocks
      ? sql`insert into audit_log (id, at, user_id, action, entity, entity_id) overriding system value values (${first?.id}, now(), null, 'x', 'x', 'x') on conflict (id) do update set action = 'x'`
      : sql`insert or replace into audit_log (id, at, user_id, action, entity, entity_id) values (${first?.id}, '2024-01-01T00:00:00.000Z', null, 'x', 'x', 'x')`;
    await expect(replace.execute(h.store.db)).rejects.toThrow(/append-only/);
    expect((await h.store.audit.list({ limit: 1 }))[0]).toEqual(first);
  });
});

it('names a data directory that cannot be written, in Chinese, with exit code 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-ro-'));
  const file = join(dir, 'not-a-directory');
  writeFileSync(file, 'x');
  const saved = process.env.GONGKAI_DATA;
  const savedUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  process.env.GONGKAI_DATA = file;
  try {
    const result = await run(['users', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`gongkai: 错误：无法使用数据目录「${file}」：数据目录的路径不是一个目录\n`);
  } finally {
    if (saved === undefined) delete process.env.GONGKAI_DATA;
    else process.env.GONGKAI_DATA = saved;
    if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
    rmSync(dir, { recursive: true, force: true });
  }
});

it('escapes HTML in Markdown output', () => {
  const report = compileReport({
    agency: '<script>alert(1)</script>县政府',
    year: 2024,
    applications: [],
    cases: [],
    proactive: {},
  });
  const md = renderMarkdown(report);
  expect(md).not.toContain('<script>');
  expect(md.split('\n')[0]).toBe('# &lt;script>alert(1)&lt;/script>县政府2024年政府信息公开工作年度报告');
});
