/**
 * Throughput of the HTTP API: `gongkai serve` started as a child process on a loopback port, driven
 * by 50 concurrent keep-alive clients for 30 s with a mix of GET /api/applications, GET /api/due and
 * POST …/events, on SQLite and on PostgreSQL (DATABASE_URL's server, or a throwaway one from
 * scripts/pg-test-server.sh; skipped with a note when neither is there). Prints requests/s and p50/p99
 * latency per backend and request kind, and the CPU time the server and this load generator used.
 * Run with `npm run bench:api` (options: --seconds S, --clients N, --backend sqlite|postgres,
 * --cpu-prof DIR to have the server write a V8 CPU profile there, --server-log FILE to keep what it
 * wrote, --writer-thread to run SQLite's writes on a thread of their own).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as svc from '../api/services/index.js';
import { openStore, type StoreOptions } from '../store/index.js';
import type { ApplicantType, Channel, Outcome } from '../workflow/index.js';
import { addDays } from '../workflow/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function textOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seconds = option('seconds', 30);
const clients = option('clients', 50);
const listed = 120;
/**
 * Applications each client adds its events to, in turn: a record keeps a realistic handful of events
 * (one record per client grew by hundreds of events in a run, and every write loads the record and
 * logs it whole, before and after, so a write cost more the longer the bench ran).
 */
const writtenPerClient = 20;
const password = 'bench-password-1';

type Kind = 'GET /api/applications' | 'GET /api/due' | 'POST /api/applications/:id/events';
const kinds: readonly Kind[] = ['GET /api/applications', 'GET /api/due', 'POST /api/applications/:id/events'];

interface Result {
  backend: string;
  kind: Kind | 'all';
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

/** Two agencies: one whose list and due dates are read, one whose applications take the new events. */
async function seed(options: StoreOptions): Promise<void> {
  const store = await openStore(options);
  try {
    const p = svc.cliPrincipal;
    await svc.createAgency(store, p, { id: 'read', name: '基准测试机关（查询）' });
    await svc.createAgency(store, p, { id: 'write', name: '基准测试机关（录入）' });
    for (const [username, agencyId] of [
      ['reader', 'read'],
      ['writer', 'write'],
    ] as const)
      await svc.createUser(store, p, { username, displayName: username, password, role: 'clerk', agencyId });
    const applicants: ApplicantType[] = ['np', 'np', 'np', 'biz', 'law', 'oth'];
    const outcomes: Outcome[] = ['open', 'partial', 'none.notHeld', 'deny.process'];
    const reviewer = p;
    for (let i = 0; i < listed; i++) {
      const receivedOn = addDays('2024-01-02', (i * 3) % 360);
      const channel: Channel = i % 2 === 0 ? 'inPerson' : 'online';
      await svc.createApplication(
        store,
        reviewer,
        {
          id: `read-${i}`,
          agencyId: 'read',
          applicant: applicants[i % applicants.length] as ApplicantType,
          channel,
          submittedOn: receivedOn,
          ...(channel === 'online' ? { confirmedOn: receivedOn } : {}),
          requestText: `基准测试申请 ${i}`,
          events:
            i % 3 === 0
              ? []
              : [
                  {
                    type: 'replied',
                    on: addDays(receivedOn, 10),
                    outcome: outcomes[i % outcomes.length] as Outcome,
                  },
                ],
        },
        '2024-12-31',
      );
    }
    // Each client's own applications, entered together (they share commits).
    for (let c = 0; c < clients; c++)
      await Promise.all(
        Array.from({ length: writtenPerClient }, (_, w) =>
          svc.createApplication(
            store,
            p,
            {
              id: `write-${c}-${w}`,
              agencyId: 'write',
              applicant: 'np',
              channel: 'inPerson',
              submittedOn: '2024-03-04',
            },
            '2024-12-31',
          ),
        ),
      );
  } finally {
    await store.close();
  }
}

interface Server {
  url: URL;
  /** CPU seconds the server process has used so far (user + system), from /proc; NaN where there is none. */
  cpuSeconds(): number;
  /** CPU seconds its main thread has used so far; the rest is the SQLite writer's thread, GC and I/O. */
  mainThreadSeconds(): number;
  stop(): Promise<void>;
}

/** With `--cpu-prof DIR`, the server writes a V8 CPU profile there when it stops. */
const profileDir = textOption('cpu-prof');
/** With `--server-log FILE`, what the server wrote (its log included) is saved there. */
const serverLog = textOption('server-log');
/** With `--writer-thread`, the SQLite server runs its writes on a thread of their own (GONGKAI_SQLITE_WRITER). */
const writerThread = process.argv.includes('--writer-thread');

/** User + system CPU seconds in a /proc stat line (fields 14 and 15, in clock ticks of 1/100 s). */
function ticksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function cpuSecondsOf(pid: number | undefined): number {
  try {
    return ticksOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds of the process's main thread alone (its JavaScript, the HTTP work, reads); NaN where unknown. */
function mainThreadSecondsOf(pid: number | undefined): number {
  try {
    return ticksOf(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

function startServer(env: Record<string, string>): Promise<Server> {
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(root, 'bin', 'gongkai.js'), 'serve', '--port', '0'],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    // After the first line (the address), stdout is the server's log (pino's JSON lines).
    lines.on('line', (line) => {
      if (serverLog) stderr += `${line}\n`;
    });
    lines.once('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (!m) return reject(new Error(`gongkai serve: ${line}\n${stderr}`));
      resolve({
        url: new URL(m[1] as string),
        cpuSeconds: () => cpuSecondsOf(child.pid),
        mainThreadSeconds: () => mainThreadSecondsOf(child.pid),
        async stop() {
          child.kill('SIGTERM');
          await exited;
          if (serverLog) writeFileSync(serverLog, stderr);
        },
      });
    });
    void exited.then(() => reject(new Error(`gongkai serve exited: ${stderr}`)));
  });
}

interface Response {
  status: number;
  /** The body as text, decoded only when asked (the load generator reads every byte, decodes few). */
  text(): string;
}

function request(
  agent: http.Agent,
  url: URL,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: () => Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * One client's keep-alive connection, as lean as HTTP/1.1 allows: the request written as one string,
 * the answer read up to its Content-Length (the API always sends one), no parser of its own. Node's
 * http client costs about as much CPU a request as the server's own work on it, and both share the
 * cores here. A connection the server closed is opened again for the next request.
 */
interface Connection {
  request(method: string, path: string, token: string, body?: unknown): Promise<Response>;
  close(): void;
}

const headerEnd = Buffer.from('\r\n\r\n');

function connect(url: URL): Connection {
  let socket: net.Socket | null = null;
  let received: Buffer[] = [];
  let size = 0;
  let waiting: { resolve(r: Response): void; reject(e: unknown): void } | null = null;

  const settle = () => {
    if (waiting === null) return;
    const data = received.length === 1 ? (received[0] as Buffer) : Buffer.concat(received, size);
    received = [data];
    const end = data.indexOf(headerEnd);
    if (end < 0) return;
    const head = data.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) {
      const w = waiting;
      waiting = null;
      w.reject(new Error(`bench: an answer without Content-Length: ${head.slice(0, 200)}`));
      return;
    }
    const total = end + 4 + Number(length[1]);
    if (size < total) return;
    const status = Number(head.slice(9, 12));
    const body = data.subarray(end + 4, total);
    received = [];
    size = 0;
    const w = waiting;
    waiting = null;
    if (/\r\nconnection: *close/i.test(head)) {
      socket?.destroy();
      socket = null;
    }
    w.resolve({ status, text: () => body.toString('utf8') });
  };

  const open = (): net.Socket => {
    const s = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    s.on('data', (chunk: Buffer) => {
      received.push(chunk);
      size += chunk.length;
      settle();
    });
    const lost = (error?: unknown) => {
      if (socket === s) socket = null;
      const w = waiting;
      waiting = null;
      w?.reject(error ?? new Error('bench: the server closed the connection'));
    };
    s.on('error', lost);
    s.on('close', () => lost());
    return s;
  };

  return {
    request(method, path, token, body) {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const text =
        `${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\n` +
        (payload
          ? `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`
          : '\r\n');
      return new Promise<Response>((resolve, reject) => {
        waiting = { resolve, reject };
        received = [];
        size = 0;
        socket ??= open();
        socket.write(text);
      });
    },
    close() {
      socket?.destroy();
      socket = null;
    },
  };
}

const percentile = (sorted: Float64Array, q: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);

async function drive(backend: string, server: Server): Promise<Result[]> {
  const url = server.url;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const login = async (username: string) => {
    const res = await request(agent, url, 'POST', '/api/login', null, { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text()}`);
    return (JSON.parse(res.text()) as { token: string }).token;
  };
  const reader = await login('reader');
  const writer = await login('writer');
  // Warm-up, not timed: the JIT and the connection pools settle.
  const warm = performance.now() + Math.min(3, seconds / 10) * 1000;
  const connections = Array.from({ length: clients }, () => connect(url));
  await Promise.all(
    connections.map(async (c) => {
      for (let n = 0; n < 1000 && performance.now() < warm; n++) {
        await c.request('GET', '/api/applications?asOf=2024-12-31', reader);
        await c.request('GET', '/api/due?asOf=2024-12-31&days=5', reader);
      }
    }),
  );
  const cap = 5_000_000;
  const latency = kinds.map(() => new Float64Array(cap));
  const count = kinds.map(() => 0);
  const errors = kinds.map(() => 0);
  const firstError: string[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const clientCpu0 = process.cpuUsage();
  const serverCpu0 = server.cpuSeconds();
  const mainCpu0 = server.mainThreadSeconds();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let n = 0;
      let writes = 0;
      const open = new Array<boolean>(writtenPerClient).fill(false);
      const c = connections[client] as Connection;
      while (performance.now() < deadline && n < cap / clients) {
        const k = (client + n) % 10 < 4 ? 0 : (client + n) % 10 < 7 ? 1 : 2;
        n++;
        const t0 = performance.now();
        let res: Response;
        if (k === 0) res = await c.request('GET', '/api/applications?asOf=2024-12-31', reader);
        else if (k === 1) res = await c.request('GET', '/api/due?asOf=2024-12-31&days=5', reader);
        else {
          const w = writes++ % writtenPerClient;
          const event = {
            type: open[w] ? 'consultationAnswered' : 'consultationSent',
            on: '2024-03-05',
            party: 'agency',
          };
          res = await c.request('POST', `/api/applications/write-${client}-${w}/events`, writer, event);
          if (res.status === 201) open[w] = !open[w];
        }
        const i = count[k] as number;
        (latency[k] as Float64Array)[i] = performance.now() - t0;
        count[k] = i + 1;
        if (res.status >= 300) {
          errors[k] = (errors[k] as number) + 1;
          if (firstError.length < 3)
            firstError.push(`${kinds[k]} → ${res.status} ${res.text().slice(0, 200)}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpu0);
  const serverCpu = server.cpuSeconds() - serverCpu0;
  const mainCpu = server.mainThreadSeconds() - mainCpu0;
  agent.destroy();
  for (const c of connections) c.close();
  const done = count.reduce((s, c) => s + c, 0);
  const share = (cpu: number) =>
    `${cpu.toFixed(1)} CPU s (${((cpu / elapsed) * 100).toFixed(0)}% of a core, ${((cpu / done) * 1000).toFixed(2)} ms a request)`;
  const clientSeconds = (clientCpu.user + clientCpu.system) / 1e6;
  console.log(
    `${backend}: in ${elapsed.toFixed(1)} s the server used ${share(serverCpu)}, ` +
      `this load generator ${share(clientSeconds)}`,
  );
  // The server's main thread does the HTTP work and every request's JavaScript: one core's worth of it is
  // the server's ceiling, with its other threads (the SQLite writer, GC, I/O) and the load generator on
  // other cores. Measured here, the load generator shares the cores; the ceiling says what the server
  // would do on a core of its own.
  const mainMs = (mainCpu / done) * 1000;
  if (Number.isFinite(mainMs) && mainMs > 0)
    console.log(
      `${backend}: server CPU a request ${((serverCpu / done) * 1000).toFixed(3)} ms, of which the main thread ` +
        `${mainMs.toFixed(3)} ms (${((mainCpu / elapsed) * 100).toFixed(0)}% of a core): on a core of its own the ` +
        `main thread would serve about ${(1000 / mainMs).toFixed(0)} requests/s`,
    );
  for (const e of firstError) console.log(`  ${backend}: ${e}`);
  const row = (kind: Result['kind'], samples: Float64Array, requests: number, errs: number): Result => {
    const sorted = samples.slice(0, requests).sort();
    return {
      backend,
      kind,
      requests,
      errors: errs,
      seconds: elapsed,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
    };
  };
  const rows = kinds.map((kind, k) =>
    row(kind, latency[k] as Float64Array, count[k] as number, errors[k] as number),
  );
  const all = new Float64Array(count.reduce((s, c) => s + c, 0));
  let at = 0;
  kinds.forEach((_, k) => {
    all.set((latency[k] as Float64Array).subarray(0, count[k]), at);
    at += count[k] as number;
  });
  rows.push(
    row(
      'all',
      all,
      all.length,
      errors.reduce((s, e) => s + e, 0),
    ),
  );
  return rows;
}

/** A database of its own on a PostgreSQL server: from DATABASE_URL, or a throwaway server. */
async function postgresTarget(): Promise<{ url: string; dispose(): Promise<void> } | string> {
  let serverUrl = process.env.DATABASE_URL;
  let serverDir: string | null = null;
  if (!serverUrl) {
    serverDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-pg-'));
    try {
      serverUrl = execFileSync('bash', [join(root, 'scripts', 'pg-test-server.sh'), 'start'], {
        env: { ...process.env, PG_TEST_DIR: serverDir },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
    } catch (error) {
      rmSync(serverDir, { recursive: true, force: true });
      const stderr = String((error as { stderr?: unknown }).stderr ?? error).trim();
      return `PostgreSQL skipped: ${stderr.split('\n')[0]}`;
    }
  }
  const name = `gongkai_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dispose() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      if (serverDir) execFileSync('bash', [join(root, 'scripts', 'pg-test-server.sh'), 'stop', serverDir]);
    },
  };
}

function printTable(rows: readonly Result[]): void {
  const header = ['backend', 'request', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms'];
  const body = rows.map((r) => [
    r.backend,
    r.kind,
    String(r.requests),
    String(r.errors),
    (r.requests / r.seconds).toFixed(0),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

async function main(): Promise<void> {
  const only = textOption('backend');
  console.log(
    `API: gongkai serve on 127.0.0.1, ${clients} concurrent keep-alive clients for ${seconds} s per backend; ` +
      `mix 40% GET /api/applications (${listed} applications), 30% GET /api/due, 30% POST …/events ` +
      `(each client's in turn to its ${writtenPerClient} applications); node ${process.version}\n`,
  );
  const rows: Result[] = [];
  if (only === undefined || only === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    try {
      await seed({ dataDir: dir, env: {} });
      const server = await startServer({
        GONGKAI_DATA: dir,
        ...(writerThread ? { GONGKAI_SQLITE_WRITER: 'thread' } : {}),
      });
      try {
        rows.push(...(await drive(writerThread ? 'sqlite (writer thread)' : 'sqlite', server)));
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only === undefined || only === 'postgres') {
    const target = await postgresTarget();
    if (typeof target === 'string') console.log(`note: ${target}`);
    else
      try {
        await seed({ databaseUrl: target.url, env: {} });
        const server = await startServer({ DATABASE_URL: target.url });
        try {
          rows.push(...(await drive('postgres', server)));
        } finally {
          await server.stop();
        }
      } finally {
        await target.dispose();
      }
  }
  printTable(rows);
  printGoal(rows);
}

/** The goal of the register's API on SQLite (issue 11), what was measured, and the ratio. */
const goal = { requestsPerSecond: 2000, p99Ms: 50, clients: 50 } as const;

function printGoal(rows: readonly Result[]): void {
  const all = rows.find((r) => r.backend.startsWith('sqlite') && r.kind === 'all');
  if (!all) return;
  const rate = all.requests / all.seconds;
  const met = rate >= goal.requestsPerSecond && all.p99 < goal.p99Ms && clients === goal.clients;
  console.log(
    `\ngoal (SQLite, ${goal.clients} clients): ≥ ${goal.requestsPerSecond} req/s with p99 < ${goal.p99Ms} ms; ` +
      `measured ${rate.toFixed(0)} req/s (${(rate / goal.requestsPerSecond).toFixed(2)}× the goal), ` +
      `p99 ${all.p99.toFixed(1)} ms (${(all.p99 / goal.p99Ms).toFixed(2)}× the limit) with ${clients} clients: ` +
      `${met ? 'met' : 'not met'}`,
  );
}

await main();
