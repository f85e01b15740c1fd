/** Login, logout and the signed-in user. */
import { decoyHash, verifyPassword } from '../../auth/password.js';
import type { LoginLimiter } from '../../auth/rate-limit.js';
import { hashSessionToken, newSessionToken, sessionLifetimeMs } from '../../auth/session.js';
import type { Agency, Store, User } from '../../store/index.js';
import { actorOf } from '../../store/index.js';
import { ApiError, unauthenticated } from '../errors.js';
import { type Principal, visibleAgencyIds } from './principal.js';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

export async function login(
  store: Store,
  limiter: LoginLimiter,
  input: { username: string; password: string; ip: string },
  now: Date = new Date(),
): Promise<LoginResult> {
  const wait = limiter.retryAfterMs(input.username, input.ip);
  if (wait > 0)
    throw new ApiError(
      429,
      'too-many-attempts',
      `登录失败次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`,
    );
  const found = await store.users.credentials(input.username);
  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash()));
  if (!found || !ok) {
    limiter.fail(input.username, input.ip);
    throw unauthenticated('用户名或密码不正确');
  }
  limiter.succeed(input.username, input.ip);
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
