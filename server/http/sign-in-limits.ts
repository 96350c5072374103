import type { Clock } from '../core/ports.js';
import type { Logger } from '../services/logger.js';
import { RateLimiter } from './rate-limiter.js';

export interface SignInRates {
  /** Attempts from one address: officers each sign in from their own PC. */
  readonly perIp: { readonly burst: number; readonly perMinute: number };
  /** Attempts at one username, right or wrong. */
  readonly perUsername: { readonly burst: number; readonly perMinute: number };
  /** Wrong passwords in a row (none more than `lockoutMinutes` apart) that lock the username… */
  readonly lockoutAfter: number;
  /** …for this long. */
  readonly lockoutMinutes: number;
}

export const SIGN_IN_RATES: SignInRates = {
  perIp: { burst: 20, perMinute: 20 },
  perUsername: { burst: 10, perMinute: 10 },
  lockoutAfter: 5,
  lockoutMinutes: 15,
};

export type SignInGate = { readonly ok: true } | { readonly ok: false; readonly retryAfterSec: number };

interface Failures {
  count: number;
  lastAt: number;
  lockedUntil: number;
}

/**
 * Keeps password guessing slow: token buckets per address and per username, and a lockout of a
 * username after repeated wrong passwords. Unknown usernames are counted and locked exactly like
 * real ones, so the answers never tell which accounts exist. In memory, like the other limits: a
 * restart forgives. The lockout is refused before the password is checked, so a locked name
 * costs the hub no password hashing either.
 */
export class SignInLimits {
  private readonly perIp: RateLimiter;
  private readonly perUsername: RateLimiter;
  private readonly failures = new Map<string, Failures>();
  /** Keys refused since they were last let through, so a flood is logged once, not per request. */
  private readonly refusing = new Set<string>();
  private readonly rates: SignInRates;

  constructor(private readonly deps: { clock: Clock; logger: Logger; rates?: SignInRates; maxNames?: number }) {
    this.rates = deps.rates ?? SIGN_IN_RATES;
    this.perIp = new RateLimiter(this.rates.perIp.burst, this.rates.perIp.perMinute);
    this.perUsername = new RateLimiter(this.rates.perUsername.burst, this.rates.perUsername.perMinute);
  }

  /** Asked before the password is checked; a refusal is answered RATE_LIMITED with Retry-After. */
  admit(username: string, ip: string): SignInGate {
    const now = this.deps.clock.now();
    const f = this.current(username, now);
    if (f && f.lockedUntil > now) return { ok: false, retryAfterSec: Math.ceil((f.lockedUntil - now) / 1000) };
    for (const [limiter, key] of [
      [this.perIp, `ip:${ip}`],
      [this.perUsername, `user:${username}`],
    ] as const) {
      if (!limiter.take(key, now)) {
        if (!this.refusing.has(key)) {
          if (this.refusing.size >= 10_000) this.refusing.clear();
          this.refusing.add(key);
          this.deps.logger.warn({ key }, 'sign-in attempts rate-limited');
        }
        return { ok: false, retryAfterSec: Math.max(1, limiter.retryAfterSec(key, now)) };
      }
      this.refusing.delete(key);
    }
    return { ok: true };
  }

  /** A wrong password or an unknown username: counts toward the lockout. */
  failed(username: string, ip: string): void {
    const now = this.deps.clock.now();
    const f = this.current(username, now) ?? { count: 0, lastAt: now, lockedUntil: 0 };
    f.count += 1;
    f.lastAt = now;
    if (f.count >= this.rates.lockoutAfter) {
      f.lockedUntil = now + this.rates.lockoutMinutes * 60_000;
      this.deps.logger.warn(
        { username, ip, failures: f.count, lockedUntil: new Date(f.lockedUntil).toISOString() },
        'sign-in locked after repeated wrong passwords',
      );
    }
    this.failures.delete(username);
    this.failures.set(username, f);
    if (this.failures.size > (this.deps.maxNames ?? 10_000)) this.evict(now);
  }

  /** The right password: the count starts again. */
  succeeded(username: string): void {
    this.failures.delete(username);
  }

  /** The username's failures, unless they have lapsed (a lockout served, or quiet long enough). */
  private current(username: string, now: number): Failures | undefined {
    const f = this.failures.get(username);
    if (!f) return undefined;
    const lapsed = f.lockedUntil > 0 ? f.lockedUntil <= now : now - f.lastAt >= this.rates.lockoutMinutes * 60_000;
    if (!lapsed) return f;
    this.failures.delete(username);
    return undefined;
  }

  /**
   * Bounds the memory a flood of invented names can take: lapsed entries go first, then the oldest
   * unlocked ones. Locked names go last, so flooding cannot cheaply lift someone's lockout.
   */
  private evict(now: number): void {
    const max = this.deps.maxNames ?? 10_000;
    for (const name of [...this.failures.keys()]) this.current(name, now);
    for (const [name, f] of this.failures) {
      if (this.failures.size <= max) return;
      if (f.lockedUntil <= now) this.failures.delete(name);
    }
    for (const name of this.failures.keys()) {
      if (this.failures.size <= max) return;
      this.failures.delete(name);
    }
  }
}
