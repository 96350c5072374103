import { serviceDayStart, vnDate, vnParts } from '../../common/time/vn-time.js';
import { addDays } from './report-range.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Thursday 15:00 Asia/Ho_Chi_Minh: when the provinces expect the week's report. */
export const WEEKLY_WEEKDAY = 4;
export const WEEKLY_HOUR = 15;

export interface WeeklyDue {
  /** The Thursday 15:00 instant the report became due. */
  readonly at: number;
  /** Thursday..Wednesday: the seven service days that ended before it. */
  readonly from: string;
  readonly to: string;
}

/** The latest weekly report due at or before `now`. */
export function lastWeeklyDue(now: number): WeeklyDue {
  const p = vnParts(now);
  const midnight = serviceDayStart(vnDate(now), 0);
  let at = midnight - ((p.weekday - WEEKLY_WEEKDAY + 7) % 7) * DAY_MS + WEEKLY_HOUR * HOUR_MS;
  if (at > now) at -= 7 * DAY_MS;
  const to = addDays(vnDate(at), -1);
  return { at, from: addDays(to, -6), to };
}

/** The next instant after `now` at which a weekly report falls due. */
export function nextWeeklyDueAt(now: number): number {
  return lastWeeklyDue(now).at + 7 * DAY_MS;
}
