/**
 * Session tokens: 32 random bytes (base64url) given to the client once; the store keeps only their
 * SHA-256, so a leaked database holds no usable token.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long a session lasts after login. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/** The cookie that carries the token. */
export const sessionCookieName = 'gongkai_session';

export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The token from a `Cookie` header, or from `Authorization: Bearer …`. */
export function tokenFromHeaders(headers: { cookie?: string; authorization?: string }): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (m) return m[1] as string;
  }
  const cookie = headers.cookie;
  if (typeof cookie !== 'string') return null;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === sessionCookieName) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}

/** `Set-Cookie` for a new session (HttpOnly, SameSite=Strict), or to clear it (`token` null). */
export function sessionCookie(token: string | null, maxAgeMs = sessionLifetimeMs): string {
  const base = `${sessionCookieName}=${token ?? ''}; Path=/; HttpOnly; SameSite=Strict`;
  return token === null ? `${base}; Max-Age=0` : `${base}; Max-Age=${Math.floor(maxAgeMs / 1000)}`;
}
