import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isLaterDay,
  nextRolloverAt,
  serviceDayOf,
  serviceDayStart,
  vnClock,
  vnDate,
  vnParts,
} from '../../../common/time/vn-time.js';

const HOUR = 3_600_000;
/** An instant given in UTC: Hà Nội is seven hours ahead. */
const utc = (y: number, mo: number, d: number, h: number, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

describe('vn-time', () => {
  it('reads the local date and time in UTC+7', () => {
    const t = utc(2026, 3, 2, 16, 59);
    expect(vnDate(t)).toBe('2026-03-02');
    expect(vnClock(t)).toBe('23:59');
    expect(vnDate(t + 60_000)).toBe('2026-03-03');
    expect(vnClock(t + 60_000)).toBe('00:00');
    expect(vnParts(utc(2026, 3, 1, 2, 0))).toMatchObject({ year: 2026, month: 3, day: 1, hour: 9, weekday: 0 });
  });

  it('crosses the year at local midnight, not UTC midnight', () => {
    expect(vnDate(utc(2025, 12, 31, 17, 0))).toBe('2026-01-01');
    expect(vnDate(utc(2025, 12, 31, 16, 59))).toBe('2025-12-31');
  });

  describe('serviceDayOf', () => {
    it('with rollover at 00:00 changes day at local midnight', () => {
      expect(serviceDayOf(utc(2026, 3, 2, 16, 59), 0)).toBe('2026-03-02');
      expect(serviceDayOf(utc(2026, 3, 2, 17, 0), 0)).toBe('2026-03-03');
    });

    it('with rollover at 02:00 keeps 01:30 in the previous day and starts the next at 02:00', () => {
      expect(serviceDayOf(utc(2026, 3, 2, 18, 30), 2)).toBe('2026-03-02'); // 01:30 on the 3rd
      expect(serviceDayOf(utc(2026, 3, 2, 18, 59), 2)).toBe('2026-03-02');
      expect(serviceDayOf(utc(2026, 3, 2, 19, 0), 2)).toBe('2026-03-03'); // 02:00 on the 3rd
      expect(serviceDayOf(utc(2026, 3, 2, 17, 0), 2)).toBe('2026-03-02'); // 00:00 on the 3rd
    });

    it('crosses month ends and leap days', () => {
      expect(serviceDayOf(utc(2028, 2, 29, 17, 0), 0)).toBe('2028-03-01');
      expect(serviceDayOf(utc(2028, 2, 28, 17, 0), 0)).toBe('2028-02-29');
      expect(serviceDayOf(utc(2028, 2, 29, 18, 0), 2)).toBe('2028-02-29');
    });
  });

  describe('serviceDayStart and nextRolloverAt', () => {
    it('start the day at the rollover hour, local time', () => {
      expect(serviceDayStart('2026-03-03', 0)).toBe(utc(2026, 3, 2, 17, 0));
      expect(serviceDayStart('2026-03-03', 2)).toBe(utc(2026, 3, 2, 19, 0));
      expect(nextRolloverAt(utc(2026, 3, 2, 18, 30), 2)).toBe(utc(2026, 3, 2, 19, 0));
      expect(nextRolloverAt(utc(2026, 3, 2, 19, 0), 2)).toBe(utc(2026, 3, 3, 19, 0));
    });

    it.each([0, 2])('round-trip for any day and instant (rollover %i:00)', (hour) => {
      const instant = fc.integer({ min: utc(2000, 1, 1, 0), max: utc(2099, 12, 31, 0) });
      fc.assert(
        fc.property(instant, (t) => {
          const day = serviceDayOf(t, hour);
          const start = serviceDayStart(day, hour);
          const next = nextRolloverAt(t, hour);
          expect(start).toBeLessThanOrEqual(t);
          expect(t).toBeLessThan(next);
          expect(next - start).toBe(24 * HOUR);
          expect(serviceDayOf(start, hour)).toBe(day);
          expect(serviceDayOf(next - 1, hour)).toBe(day);
          expect(isLaterDay(serviceDayOf(next, hour), day)).toBe(true);
          expect(serviceDayOf(start - 1, hour) < day).toBe(true);
          expect(vnParts(start)).toMatchObject({ hour, minute: 0, second: 0 });
        }),
        { numRuns: 300 },
      );
    });
  });

  it('orders days as text', () => {
    expect(isLaterDay('2026-03-10', '2026-03-09')).toBe(true);
    expect(isLaterDay('2026-03-09', '2026-03-09')).toBe(false);
    expect(isLaterDay('2025-12-31', '2026-01-01')).toBe(false);
  });
});
