/**
 * Login attempts per username and address, counted in memory: after `maxFailures` failures within
 * `windowMs` further attempts are refused until the window has passed. A successful login clears the
 * count. The map is bounded: the oldest entries go first when it is full.
 */

export interface LoginLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class LoginLimiter {
  readonly maxFailures: number;
  readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(options: LoginLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  private static key(username: string, ip: string): string {
    return `${username.toLowerCase()}\u0000${ip}`;
  }

  /** Milliseconds until attempts are allowed again, or 0 when they are. */
  retryAfterMs(username: string, ip: string): number {
    const key = LoginLimiter.key(username, ip);
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const left = entry.since + this.windowMs - this.now();
    if (left <= 0) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.maxFailures ? left : 0;
  }

  fail(username: string, ip: string): void {
    const key = LoginLimiter.key(username, ip);
    const now = this.now();
    const entry = this.failures.get(key);
    if (entry && entry.since + this.windowMs > now) {
      entry.count++;
      return;
    }
    this.failures.delete(key);
    if (this.failures.size >= this.maxEntries) {
      const oldest = this.failures.keys().next();
      if (!oldest.done) this.failures.delete(oldest.value);
    }
    this.failures.set(key, { count: 1, since: now });
  }

  succeed(username: string, ip: string): void {
    this.failures.delete(LoginLimiter.key(username, ip));
  }
}
