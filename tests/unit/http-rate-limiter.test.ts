import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/http/rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst up to its capacity, refills over time, and keeps keys apart', () => {
    const limiter = new RateLimiter(3, 6); // 3 at once, one more every 10 s
    const t = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.take('kiosk-1', t))).toEqual([true, true, true, false]);
    expect(limiter.take('kiosk-2', t)).toBe(true);
    expect(limiter.retryAfterSec('kiosk-1', t)).toBe(10);
    expect(limiter.take('kiosk-1', t + 9_000)).toBe(false);
    expect(limiter.take('kiosk-1', t + 10_000)).toBe(true);
    expect(limiter.take('kiosk-1', t + 10_001)).toBe(false);
  });

  it('forgets refilled keys when it holds too many', () => {
    const limiter = new RateLimiter(1, 60, 2);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 120_000);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(2);
  });
});
