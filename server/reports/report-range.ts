import { REPORT_MAX_DAYS } from '../../common/contract/report.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a "YYYY-MM-DD" that names a real calendar day, else null (2026-02-30 is not one). */
export function dayNumber(day: string): number | null {
  const m = DAY_PATTERN.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t;
}

export function addDays(day: string, n: number): string {
  const t = dayNumber(day);
  if (t === null) throw new Error(`not a day: ${day}`);
  return new Date(t + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export type RangeCheck =
  { readonly ok: true; readonly days: number } | { readonly ok: false; readonly details: { path: string; message: string }[] };

/** A report's range of service days: real days, from not after to, at most a year. */
export function checkReportRange(from: string, to: string): RangeCheck {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const details: { path: string; message: string }[] = [];
  if (a === null) details.push({ path: '/querystring/from', message: 'must be a calendar day YYYY-MM-DD' });
  if (b === null) details.push({ path: '/querystring/to', message: 'must be a calendar day YYYY-MM-DD' });
  if (a === null || b === null) return { ok: false, details };
  if (b < a) return { ok: false, details: [{ path: '/querystring/to', message: 'must not be before from' }] };
  const days = Math.round((b - a) / DAY_MS) + 1;
  if (days > REPORT_MAX_DAYS) {
    return {
      ok: false,
      details: [{ path: '/querystring/to', message: `the range is ${days} days; at most ${REPORT_MAX_DAYS}` }],
    };
  }
  return { ok: true, days };
}
