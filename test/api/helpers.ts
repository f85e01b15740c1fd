/**
 * The API on a fresh store of each backend (test/store's pattern): two agencies A and B, users of
 * each role, and helpers to sign in and call routes through `fastify.inject`.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApi } from '../../src/api/server.js';
import { hashPassword } from '../../src/auth/password.js';
import { LoginLimiter } from '../../src/auth/rate-limit.js';
import { openStore, type Role, type Store, systemActor } from '../../src/store/index.js';
import { countingIds, steppingClock, type Target, type TestBackend } from '../store/backends.js';

export const password = 'correct-horse-1';

/** The users seeded: username → role, agency (supervisors: the agencies they oversee). */
export const seedUsers: Record<string, { role: Role; agency: string | null; supervises?: string[] }> = {
  'a-clerk': { role: 'clerk', agency: 'A' },
  'a-reviewer': { role: 'reviewer', agency: 'A' },
  'a-admin': { role: 'admin', agency: 'A' },
  'a-supervisor': { role: 'supervisor', agency: null, supervises: ['A'] },
  'b-clerk': { role: 'clerk', agency: 'B' },
  'b-admin': { role: 'admin', agency: 'B' },
  'ab-supervisor': { role: 'supervisor', agency: null, supervises: ['A', 'B'] },
};

export interface Harness {
  store: Store;
  app: FastifyInstance;
  target: Target;
  /** Token of a seeded user (signed in once, on first use). */
  token(username: string): Promise<string>;
  call(
    username: string | null,
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Hashing the same password once keeps the set-up fast (scrypt is slow on purpose). */
let hashed: Promise<string> | undefined;

export async function harness(
  backend: TestBackend,
  options: { today?: string; limiter?: LoginLimiter } = {},
): Promise<Harness> {
  const target = await backend.fresh();
  const store = await openStore({
    ...target.options,
    now: steppingClock(Date.UTC(2024, 0, 1)),
    newId: countingIds(),
  });
  hashed ??= hashPassword(password);
  const passwordHash = await hashed;
  await store.agencies.create(systemActor, { id: 'A', name: '甲县人民政府办公室' });
  await store.agencies.create(systemActor, { id: 'B', name: '乙县人民政府办公室' });
  for (const [username, u] of Object.entries(seedUsers)) {
    const user = await store.users.create(systemActor, {
      id: `u-${username}`,
      username,
      displayName: username,
      passwordHash,
      role: u.role,
      agencyId: u.agency,
    });
    if (u.supervises) await store.users.setSupervisedAgencies(systemActor, user.id, u.supervises);
  }
  const app = await buildApi({
    store,
    now: () => new Date(Date.UTC(2024, 5, 1)),
    today: () => options.today ?? '2024-06-03',
    limiter: options.limiter ?? new LoginLimiter({ maxFailures: 1000 }),
    version: 'test',
  });
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    const known = tokens.get(username);
    if (known) return known;
    const res = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const t = (res.json() as { token: string }).token;
    tokens.set(username, t);
    return t;
  };
  return {
    store,
    app,
    target,
    token,
    async call(username, method, url, payload, headers = {}) {
      const auth = username === null ? {} : { authorization: `Bearer ${await token(username)}` };
      return app.inject({
        method: method as 'GET',
        url,
        headers: { ...auth, ...headers },
        ...(payload === undefined
          ? {}
          : typeof payload === 'string'
            ? { payload }
            : { payload: payload as object }),
      });
    },
    async close() {
      await app.close();
      await store.close();
      await target.dispose();
    },
  };
}

/** The `error` of an error response, after checking it is one with a Chinese message. */
export function errorOf(res: LightMyRequestResponse): { code: string; message: string } {
  const body = res.json() as { error?: { code: string; message: string } };
  if (!body.error) throw new Error(`not an error response: ${res.statusCode} ${res.body}`);
  if (!/[\u4e00-\u9fff]/.test(body.error.message))
    throw new Error(`message not in Chinese: ${body.error.message}`);
  return { code: body.error.code, message: body.error.message };
}
