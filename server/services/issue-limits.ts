import type { Clock } from '../core/ports.js';
import type { Logger } from './logger.js';
import { actorKey, type Principal } from './principal.js';

/** A token bucket per key; http/rate-limiter.ts is the one the hub uses. */
export interface TokenBucket {
  take(key: string, now: number): boolean;
  retryAfterSec(key: string, now: number): number;
}

/**
 * A busy kiosk gives a number every few seconds, a queue of people tapping in turn a little
 * faster: ten at once and one every two seconds after that is more than any real kiosk needs and
 * still stops a script from emptying a number series. Per address a little more, for a machine
 * that hosts a kiosk and officers' consoles at once (a commune's mini-PC).
 */
export const ISSUE_RATES = {
  perActor: { burst: 10, perMinute: 30 },
  perIp: { burst: 30, perMinute: 90 },
} as const;

/**
 * How fast tickets may be issued, per kiosk (or officer) and per address, over REST and socket.io
 * alike. Other commands are not limited: each needs an officer at a counter, and their effect is
 * bounded by the hall's state (a counter calls one ticket at a time).
 */
export class IssueLimits {
  /** Keys refused since they were last let through, so a flood is logged once, not per request. */
  private readonly refusing = new Set<string>();

  constructor(private readonly deps: { clock: Clock; logger: Logger; perActor: TokenBucket; perIp: TokenBucket }) {}

  /** Null: go ahead. Otherwise refuse with RATE_LIMITED, telling when to try again. */
  check(principal: Principal, ip: string): { readonly retryAfterSec: number } | null {
    const now = this.deps.clock.now();
    for (const [bucket, key] of [
      [this.deps.perActor, actorKey(principal)],
      [this.deps.perIp, `ip:${ip}`],
    ] as const) {
      if (bucket.take(key, now)) {
        this.refusing.delete(key);
        continue;
      }
      if (!this.refusing.has(key)) {
        if (this.refusing.size >= 10_000) this.refusing.clear();
        this.refusing.add(key);
        this.deps.logger.warn({ key }, 'ticket issuing rate-limited');
      }
      return { retryAfterSec: Math.max(1, bucket.retryAfterSec(key, now)) };
    }
    return null;
  }
}
