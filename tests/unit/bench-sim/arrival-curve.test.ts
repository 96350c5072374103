import { describe, expect, it } from 'vitest';
import { arrivalRate, drawArrivalMinutes, HALL_SESSIONS, weekdayCurve } from '../../../bench/sim/arrival-curve.js';
import { seededRandom } from '../../../bench/sim/prng.js';

const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const count = (xs: readonly number[], from: string, to: string) => xs.filter((m) => m >= at(from) && m < at(to)).length;

describe('the arrival curve', () => {
  const curve = weekdayCurve(150);
  const rate = arrivalRate(curve);

  it('integrates to the expected count over the day, and is zero outside the hall hours', () => {
    expect(rate.expectedBetween(0, 24 * 60)).toBeCloseTo(150, 3);
    expect(rate.at(at('07:29'))).toBe(0);
    expect(rate.at(at('12:30'))).toBe(0);
    expect(rate.at(at('17:00'))).toBe(0);
    expect(rate.at(at('08:30'))).toBeGreaterThan(rate.at(at('07:30')));
    expect(rate.at(at('14:00'))).toBeGreaterThan(rate.at(at('16:30')));
  });

  it('draws, for a fixed seed, a day whose count is within three standard deviations of the expected', () => {
    const minutes = drawArrivalMinutes(curve, seededRandom(42, 1));
    expect(Math.abs(minutes.length - 150)).toBeLessThan(3 * Math.sqrt(150));
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    for (const m of minutes) expect(HALL_SESSIONS.some((s) => m >= s.from && m < s.to)).toBe(true);
  });

  it('averages the expected count and the curve’s shape over many seeded days (thinning is unbiased)', () => {
    const days = Array.from({ length: 300 }, (_, seed) => drawArrivalMinutes(curve, seededRandom(seed, 1)));
    const all = days.flat();
    expect(Math.abs(all.length / days.length / 150 - 1)).toBeLessThan(0.02);
    // Per window, the drawn mean matches the curve's integral over it: the peaks are where they should be.
    for (const [from, to] of [
      ['07:30', '08:00'],
      ['08:00', '09:00'],
      ['11:00', '11:30'],
      ['13:30', '14:30'],
      ['16:00', '17:00'],
    ] as const) {
      const expected = rate.expectedBetween(at(from), at(to));
      expect(Math.abs(count(all, from, to) / days.length / expected - 1)).toBeLessThan(0.06);
    }
    expect(rate.expectedBetween(at('08:00'), at('09:00'))).toBeGreaterThan(2 * rate.expectedBetween(at('10:30'), at('11:30')));
  });

  it('refuses a day with no citizens expected', () => {
    expect(() => arrivalRate(weekdayCurve(0))).toThrow(/positive/);
  });
});
