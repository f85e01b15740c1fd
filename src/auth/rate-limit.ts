/**
 * Login attempts, counted in memory at three levels: per username and address (`maxFailures`, the
 * account lockout), per address over all usernames (`maxAddressFailures`, password spraying), and
 * over everything (`maxGlobalFailures`, spraying from many addresses). Each counter covers a window
 * of `windowMs` from its first failure.
 *
 * An attempt is counted when it begins, before the password is checked (`begin` reserves it, `fail`
 * or `succeed` settles it): attempts sent in parallel can't all slip in before the first failure is
 * recorded. A success clears the failures of its username and address (attempts still in flight stay
 * counted). Entries that lock something or have attempts in flight are never evicted to make room:
 * other usernames can't push a locked account out of the table; when it is full of such entries,
 * logins wait as for the global limit.
 */

export interface LoginLimiterOptions {
  /** Failures per username and address before the lockout (5). */
  maxFailures?: number;
  /** Failures per address over all usernames (20). */
  maxAddressFailures?: number;
  /** Failures over all addresses and usernames (500). */
  maxGlobalFailures?: number;
  windowMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Counter {
  failures: number;
  inFlight: number;
  since: number;
}

export type LimitKind = 'account' | 'address' | 'global';

/** An attempt under way, to settle with `fail` or `succeed`. */
export interface Attempt {
  readonly allowed: true;
  readonly account: string;
  readonly address: string;
}

export interface Refusal {
  readonly allowed: false;
  readonly retryAfterMs: number;
  /** The counter that refused. */
  readonly limit: LimitKind;
}

export class LoginLimiter {
  readonly maxFailures: number;
  readonly maxAddressFailures: number;
  readonly maxGlobalFailures: number;
  readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly counters = new Map<string, Counter>();
  private global: Counter = { failures: 0, inFlight: 0, since: 0 };

  constructor(options: LoginLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.maxAddressFailures = options.maxAddressFailures ?? Math.max(20, this.maxFailures);
    this.maxGlobalFailures = options.maxGlobalFailures ?? Math.max(500, this.maxAddressFailures);
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  private static accountKey(username: string, ip: string): string {
    return `u\u0000${username.toLowerCase()}\u0000${ip}`;
  }

  private static addressKey(ip: string): string {
    return `a\u0000${ip}`;
  }

  /** A counter whose window has passed starts again (kept while attempts are in flight). */
  private fresh(counter: Counter, now: number): Counter {
    if (counter.since + this.windowMs <= now) {
      counter.failures = 0;
      counter.since = now;
    }
    return counter;
  }

  private counter(key: string, now: number): Counter | undefined {
    const c = this.counters.get(key);
    return c && this.fresh(c, now);
  }

  private evictable(c: Counter, now: number): boolean {
    return c.inFlight === 0 && (c.failures === 0 || c.since + this.windowMs <= now);
  }

  /** Makes room for `needed` entries; false when every entry must stay. */
  private room(needed: number, now: number): boolean {
    if (this.counters.size + needed <= this.maxEntries) return true;
    for (const [key, c] of this.counters) {
      if (this.evictable(c, now)) this.counters.delete(key);
      if (this.counters.size + needed <= this.maxEntries) return true;
    }
    return false;
  }

  private left(c: Counter, now: number): number {
    return Math.max(1, c.since + this.windowMs - now);
  }

  /** Reserves an attempt, or says which limit refuses it and for how long. */
  begin(username: string, ip: string): Attempt | Refusal {
    const now = this.now();
    const account = LoginLimiter.accountKey(username, ip);
    const address = LoginLimiter.addressKey(ip);
    const g = this.fresh(this.global, now);
    const a = this.counter(account, now);
    const d = this.counter(address, now);
    if (a && a.failures + a.inFlight >= this.maxFailures)
      return { allowed: false, retryAfterMs: this.left(a, now), limit: 'account' };
    if (d && d.failures + d.inFlight >= this.maxAddressFailures)
      return { allowed: false, retryAfterMs: this.left(d, now), limit: 'address' };
    if (g.failures + g.inFlight >= this.maxGlobalFailures)
      return { allowed: false, retryAfterMs: this.left(g, now), limit: 'global' };
    if (!this.room((a ? 0 : 1) + (d ? 0 : 1), now))
      return { allowed: false, retryAfterMs: this.windowMs, limit: 'global' };
    for (const [key, c] of [
      [account, a],
      [address, d],
    ] as const) {
      if (c) c.inFlight++;
      else this.counters.set(key, { failures: 0, inFlight: 1, since: now });
    }
    g.inFlight++;
    return { allowed: true, account, address };
  }

  private settle(attempt: Attempt, failed: boolean): Counter[] {
    const now = this.now();
    const out: Counter[] = [];
    for (const key of [attempt.account, attempt.address]) {
      const c = this.counters.get(key) ?? { failures: 0, inFlight: 1, since: now };
      this.counters.set(key, c);
      this.fresh(c, now);
      c.inFlight = Math.max(0, c.inFlight - 1);
      if (failed) c.failures++;
      out.push(c);
    }
    const g = this.fresh(this.global, now);
    g.inFlight = Math.max(0, g.inFlight - 1);
    if (failed) g.failures++;
    return out;
  }

  /** A wrong password: returns the limit this failure reached, if any (a lockout begins). */
  fail(attempt: Attempt): LimitKind | null {
    const [a, d] = this.settle(attempt, true) as [Counter, Counter];
    if (a.failures === this.maxFailures) return 'account';
    if (d.failures === this.maxAddressFailures) return 'address';
    if (this.global.failures === this.maxGlobalFailures) return 'global';
    return null;
  }

  /** The right password: the failures of this username and address are forgiven. */
  succeed(attempt: Attempt): void {
    const [a] = this.settle(attempt, false) as [Counter, Counter];
    a.failures = 0;
  }

  /** Milliseconds until this username may try again from this address, or 0 when it may. */
  retryAfterMs(username: string, ip: string): number {
    const now = this.now();
    const a = this.counter(LoginLimiter.accountKey(username, ip), now);
    return a && a.failures >= this.maxFailures ? this.left(a, now) : 0;
  }
}
