/**
 * Two `gongkai serve` processes on one database (a SQLite file, or PostgreSQL), two replies to one
 * application sent to both at once: exactly one is stored, its sender is told 201 with the record,
 * the other 400 `workflow.second-reply`, and the agency's list and compile keep working. Repeated
 * over several applications, so an interleaving that lets both through would show.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'rolldown';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import { openStore, systemActor } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';

const root = join(import.meta.dirname, '..', '..');
let cli: string;

beforeAll(async () => {
  const dir = join(root, 'node_modules', '.cache');
  mkdirSync(dir, { recursive: true });
  cli = join(dir, `gongkai-race-test-${process.pid}.mjs`);
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
});

interface Server {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
}

function serve(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
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
      if (m) resolve({ child, url: m[1] as string, exit });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    void exit.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

const password = 'race-test-passphrase';

describeEachBackend('two server processes', (backend) => {
  it('store exactly one of two concurrent replies, and answer the other with 400', async () => {
    const target = await backend.fresh();
    const env: Record<string, string> = target.options.databaseUrl
      ? { DATABASE_URL: target.options.databaseUrl }
      : { GONGKAI_DATA: target.options.dataDir as string };
    const ids: string[] = [];
    const store = await openStore(target.options);
    try {
      await store.agencies.create(systemActor, { id: 'A', name: '甲县人民政府办公室' });
      const passwordHash = await hashPassword(password);
      for (const username of ['rev-1', 'rev-2'])
        await store.users.create(systemActor, {
          username,
          displayName: username,
          passwordHash,
          role: 'reviewer',
          agencyId: 'A',
        });
      for (let i = 0; i < 12; i++)
        ids.push(
          (
            await store.applications.create(systemActor, {
              agencyId: 'A',
              applicant: 'np',
              channel: 'inPerson',
              submittedOn: '2024-05-06',
              requestText: `申请 ${i}`,
            })
          ).id,
        );
    } finally {
      await store.close();
    }
    const servers = await Promise.all([serve(env), serve(env)]);
    try {
      const tokens = await Promise.all(
        servers.map(async (s, i) => {
          const res = await fetch(`${s.url}/api/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: `rev-${i + 1}`, password }),
          });
          expect(res.status).toBe(200);
          return ((await res.json()) as { token: string }).token;
        }),
      );
      const reply = (server: number, id: string, on: string, outcome: string) =>
        fetch(`${servers[server]?.url}/api/applications/${id}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[server]}` },
          body: JSON.stringify({ type: 'replied', on, outcome }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));
      for (const id of ids) {
        const [one, two] = await Promise.all([
          reply(0, id, '2024-05-20', 'open'),
          reply(1, id, '2024-05-20', 'partial'),
        ]);
        const answers = [one, two];
        expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
        const won = answers.find((a) => a.status === 201);
        const lost = answers.find((a) => a.status === 400);
        expect((lost?.body.error as { code?: string } | undefined)?.code).toBe('workflow.second-reply');
        const stored = await fetch(`${servers[0]?.url}/api/applications/${id}`, {
          headers: { authorization: `Bearer ${tokens[0]}` },
        }).then((r) => r.json() as Promise<{ events: unknown[] }>);
        expect(stored.events).toEqual((won?.body as { events?: unknown[] } | undefined)?.events);
        expect(stored.events.length).toBe(1);
      }
      const list = await fetch(`${servers[1]?.url}/api/applications`, {
        headers: { authorization: `Bearer ${tokens[1]}` },
      });
      expect(list.status).toBe(200);
      const compiled = await fetch(`${servers[1]?.url}/api/compile`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[1]}` },
        body: JSON.stringify({ year: 2024 }),
      });
      expect(compiled.status).toBe(200);
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exit));
      await target.dispose();
    }
  }, 60_000);
});
