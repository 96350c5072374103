/**
 * A token bucket per key (a kiosk's device id, an IP): `capacity` requests at once, refilled at
 * `perMinute`. In memory: a restart forgives, which is right for a hall's screens. Keys that have
 * refilled completely are forgotten, so a flood of distinct keys cannot grow it without bound.
 */
// Refills add fractions of a token; without a little slack 0.9 + 0.1 would fall short of 1.
const EPSILON = 1e-9;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perMinute: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token for `key` if there is one; false means refuse. */
  take(key: string, now: number): boolean {
    const b = this.refilled(key, now);
    if (b.tokens < 1 - EPSILON) {
      this.buckets.set(key, b);
      return false;
    }
    this.buckets.set(key, { tokens: Math.max(0, b.tokens - 1), at: now });
    if (this.buckets.size > this.maxKeys) this.sweep(now);
    return true;
  }

  /** Seconds until `key` may try again (for Retry-After). */
  retryAfterSec(key: string, now: number): number {
    const b = this.refilled(key, now);
    return b.tokens >= 1 - EPSILON ? 0 : Math.ceil(((1 - b.tokens) * 60) / this.perMinute);
  }

  private refilled(key: string, now: number): { tokens: number; at: number } {
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.capacity, at: now };
    return { tokens: Math.min(this.capacity, b.tokens + ((now - b.at) / 60_000) * this.perMinute), at: now };
  }

  private sweep(now: number): void {
    for (const key of [...this.buckets.keys()]) if (this.refilled(key, now).tokens >= this.capacity - EPSILON) this.buckets.delete(key);
  }
}
