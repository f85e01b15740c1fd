/** Login, logout and the signed-in user. */
import { decoyHash, verifyPassword } from '../../auth/password.js';
import type { LoginLimiter } from '../../auth/rate-limit.js';
import { hashSessionToken, newSessionToken, sessionLifetimeMs } from '../../auth/session.js';
import type { Agency, Store, User } from '../../store/index.js';
import { actorOf, systemActor } from '../../store/index.js';
import { ApiError, unauthenticated } from '../errors.js';
import { type Principal, visibleAgencyIds } from './principal.js';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

/** What a login attempt came to, for the log (the route logs it with the request). */
export type LoginLog = (event: {
  event: 'login-failed' | 'lockout';
  username: string;
  ip: string;
  limit?: string;
}) => void;

/** Expired sessions are deleted at most this often (on a login). */
const purgeEveryMs = 60_000;
const lastPurge = new WeakMap<Store, number>();

async function purgeExpired(store: Store, now: Date): Promise<void> {
  const last = lastPurge.get(store);
  if (last !== undefined && now.getTime() - last < purgeEveryMs && now.getTime() >= last) return;
  lastPurge.set(store, now.getTime());
  await store.sessions.removeExpired(systemActor, now.toISOString());
}

const tooMany = (ms: number) =>
  new ApiError(429, 'too-many-attempts', `登录失败次数过多，请 ${Math.ceil(ms / 60_000)} 分钟后再试`);

/**
 * Signs a user in. The attempt is counted by the limiter before the password is checked; a failure
 * and a lockout are written to the audit log (entity `user`, the user's id, or `login:<username>`
 * for an unknown name) and to the log. A disabled account is refused like a wrong password.
 */
export async function login(
  store: Store,
  limiter: LoginLimiter,
  input: { username: string; password: string; ip: string },
  now: Date = new Date(),
  log: LoginLog = () => undefined,
): Promise<LoginResult> {
  const attempt = limiter.begin(input.username, input.ip);
  if (!attempt.allowed) throw tooMany(attempt.retryAfterMs);
  let found: Awaited<ReturnType<Store['users']['credentials']>>;
  let ok = false;
  try {
    found = await store.users.credentials(input.username);
    ok = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash()));
  } catch (error) {
    limiter.fail(attempt);
    throw error;
  }
  if (!found || !ok || found.user.disabledAt !== null) {
    const locked = limiter.fail(attempt);
    const entityId = found ? found.user.id : `login:${input.username.slice(0, 64)}`;
    const detail = { username: input.username, ip: input.ip };
    log({ event: 'login-failed', ...detail });
    await store.audit.record(systemActor, {
      action: 'login-failed',
      entity: 'user',
      entityId,
      before: null,
      after: { ...detail, reason: !found ? 'unknown-user' : !ok ? 'wrong-password' : 'disabled' },
    });
    if (locked) {
      log({ event: 'lockout', ...detail, limit: locked });
      await store.audit.record(systemActor, {
        action: 'lockout',
        entity: 'user',
        entityId,
        before: null,
        after: { ...detail, limit: locked, minutes: Math.ceil(limiter.windowMs / 60_000) },
      });
    }
    throw unauthenticated('用户名或密码不正确');
  }
  limiter.succeed(attempt);
  await purgeExpired(store, now);
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs).toISOString();
  await store.sessions.create(actorOf(found.user), {
    tokenHash: hashSessionToken(token),
    userId: found.user.id,
    expiresAt,
  });
  return { token, expiresAt, user: found.user };
}

/** The user of a session token, or null when there is none or it expired. */
export async function authenticate(
  store: Store,
  token: string | null,
  now: Date = new Date(),
): Promise<User | null> {
  if (token === null || token.length > 200) return null;
  const found = await store.sessions.find(hashSessionToken(token), now.toISOString());
  return found?.user ?? null;
}

export async function logout(store: Store, p: Principal, token: string): Promise<void> {
  await store.sessions.remove(p.actor, hashSessionToken(token));
}

export async function me(store: Store, p: Principal): Promise<{ user: User | null; agencies: Agency[] }> {
  return { user: p.user, agencies: await store.agencies.list(await visibleAgencyIds(store, p)) };
}
