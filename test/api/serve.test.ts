/**
 * `gongkai serve` as a child process on a loopback port: the first start on an empty store says how
 * to create an admin; with GONGKAI_ADMIN_PASSWORD it creates one, which signs in over HTTP; SIGTERM
 * stops it cleanly (exit 0).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'rolldown';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let cli: string;
const dirs: string[] = [];

beforeAll(async () => {
  // Two levels below the root, as dist/cli/main.js is, so the CLI finds package.json.
  const dir = join(root, 'node_modules', '.cache');
  mkdirSync(dir, { recursive: true });
  cli = join(dir, `gongkai-serve-test-${process.pid}.mjs`);
  await build({
    input: join(root, 'test', 'api', 'fixtures', 'cli.ts'),
    platform: 'node',
    external: [/^[^./]/],
    write: true,
    logLevel: 'silent',
    output: { file: cli, format: 'esm', codeSplitting: false },
  });
});

afterAll(() => {
  rmSync(cli, { force: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Server {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts `gongkai serve --port 0` and waits for the line with its address. */
function serve(env: Record<string, string>): Promise<Server> {
  const data = mkdtempSync(join(tmpdir(), 'gongkai-serve-'));
  dirs.push(data);
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', GONGKAI_DATA: data, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      const m = /已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m) resolve({ child, url: m[1] as string, stderr: () => stderr, exit });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    void exit.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

it('prints how to create the first admin on an empty store, and stops on SIGINT', async () => {
  const server = await serve({});
  expect(server.stderr()).toContain('尚未创建任何用户。创建第一个管理员：');
  expect(server.stderr()).toContain('gongkai users add --admin');
  expect(server.stderr()).toContain('GONGKAI_ADMIN_PASSWORD');
  server.child.kill('SIGINT');
  expect(await server.exit).toBe(0);
  expect(server.stderr()).toContain('已停止');
});

it('serves the API over HTTP with an admin made from the environment, and stops on SIGTERM', async () => {
  const server = await serve({
    GONGKAI_ADMIN_PASSWORD: 'first-admin-pw',
    GONGKAI_ADMIN_AGENCY: '丙县人民政府办公室',
  });
  try {
    expect(server.stderr()).toContain(
      '已按 GONGKAI_ADMIN_PASSWORD 创建管理员 admin（机关：丙县人民政府办公室）。管理员在监督页面只看到本机关的报告',
    );
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    const denied = await fetch(`${server.url}/api/me`);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({
      error: { code: 'unauthenticated', message: '请先登录', requestId: denied.headers.get('x-request-id') },
    });
    const login = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'first-admin-pw' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^gongkai_session=[A-Za-z0-9_-]{43}$/);
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json()) as {
      user: { username: string; role: string };
      agencies: { name: string }[];
    };
    expect(me.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(me.agencies.map((a) => a.name)).toEqual(['丙县人民政府办公室']);
    const created = await fetch(`${server.url}/api/applications`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ applicant: 'np', channel: 'inPerson', submittedOn: '2024-05-06' }),
    });
    expect(created.status).toBe(201);
    const missing = await fetch(`${server.url}/api/nothing`);
    expect(missing.status).toBe(404);
    // Outside /api the web app answers (or, not built, a page saying how to build it).
    const app = await fetch(`${server.url}/applications`);
    expect(app.headers.get('content-type')).toBe('text/html; charset=utf-8');
  } finally {
    server.child.kill('SIGTERM');
  }
  expect(await server.exit).toBe(0);
  expect(server.stderr()).toContain('已停止');
});
