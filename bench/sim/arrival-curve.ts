import { exponential } from './distributions.js';
import type { Random } from './prng.js';

/**
 * When citizens come: a non-homogeneous Poisson process over the hall's hours. The shape is a base
 * level plus Gaussian peaks, zero outside the sessions, scaled so that a whole day expects
 * `expectedPerDay` citizens. Minutes are local minutes of the day (Asia/Ho_Chi_Minh): 450 = 07:30.
 */
export interface Session {
  readonly from: number;
  readonly to: number;
}

export interface Peak {
  readonly at: number;
  /** Standard deviation, minutes. */
  readonly width: number;
  /** Height above the base, in the base's units. */
  readonly height: number;
}

export interface ArrivalCurve {
  readonly sessions: readonly Session[];
  readonly base: number;
  readonly peaks: readonly Peak[];
  readonly expectedPerDay: number;
}

/** The hall's hours: 07:30–11:30 and 13:30–17:00, Monday to Friday. */
export const HALL_SESSIONS: readonly Session[] = [
  { from: 7 * 60 + 30, to: 11 * 60 + 30 },
  { from: 13 * 60 + 30, to: 17 * 60 },
];

/**
 * A weekday at a one-stop hall: the morning peak about 8:30 (people come before work and right
 * after the doors open), a smaller one about 14:00, quiet before lunch and late in the afternoon.
 */
export function weekdayCurve(expectedPerDay: number): ArrivalCurve {
  return {
    sessions: HALL_SESSIONS,
    base: 0.3,
    peaks: [
      { at: 8 * 60 + 30, width: 50, height: 1.0 },
      { at: 14 * 60, width: 40, height: 0.7 },
    ],
    expectedPerDay,
  };
}

function shapeAt(curve: ArrivalCurve, minute: number): number {
  if (!curve.sessions.some((s) => minute >= s.from && minute < s.to)) return 0;
  let y = curve.base;
  for (const p of curve.peaks) y += p.height * Math.exp(-0.5 * ((minute - p.at) / p.width) ** 2);
  return y;
}

/** Midpoint rule over the sessions at a tenth of a minute: exact enough for smooth bumps. */
const STEP_MIN = 0.1;

function integrateShape(curve: ArrivalCurve, from: number, to: number): number {
  let sum = 0;
  for (let m = from + STEP_MIN / 2; m < to; m += STEP_MIN) sum += shapeAt(curve, m);
  return sum * STEP_MIN;
}

export interface ArrivalRate {
  /** Citizens per minute at a local minute of the day. */
  at(minute: number): number;
  /** The highest rate of the day, the envelope the thinning draws under. */
  readonly max: number;
  /** Expected citizens between two local minutes. */
  expectedBetween(from: number, to: number): number;
}

export function arrivalRate(curve: ArrivalCurve): ArrivalRate {
  if (!(curve.expectedPerDay > 0)) throw new Error(`expectedPerDay must be positive (got ${curve.expectedPerDay})`);
  const first = Math.min(...curve.sessions.map((s) => s.from));
  const last = Math.max(...curve.sessions.map((s) => s.to));
  const scale = curve.expectedPerDay / integrateShape(curve, first, last);
  let maxShape = 0;
  for (let m = first; m <= last; m += STEP_MIN) maxShape = Math.max(maxShape, shapeAt(curve, m));
  return {
    at: (minute) => scale * shapeAt(curve, minute),
    // A little headroom so a peak between two grid points is still under the envelope.
    max: scale * maxShape * 1.001,
    expectedBetween: (from, to) => scale * integrateShape(curve, from, to),
  };
}

/**
 * One day's arrival minutes, ascending, by thinning (Lewis and Shedler): candidates from a
 * homogeneous process at the peak rate, each kept with probability rate(t) / peak.
 */
export function drawArrivalMinutes(curve: ArrivalCurve, random: Random): number[] {
  const rate = arrivalRate(curve);
  const first = Math.min(...curve.sessions.map((s) => s.from));
  const last = Math.max(...curve.sessions.map((s) => s.to));
  const out: number[] = [];
  for (let t = first + exponential(random, rate.max); t < last; t += exponential(random, rate.max)) {
    if (random() * rate.max < rate.at(t)) out.push(t);
  }
  return out;
}
