import { VN_OFFSET_MS } from '../../common/time/vn-time.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The latest instant at or before `now` that reads hour:minute on a clock in Asia/Ho_Chi_Minh: the
 * nightly backup that should exist by now. Vietnam keeps UTC+7 all year, so days are 24 h long.
 */
export function lastSlotAtOrBefore(now: number, hour: number, minute: number): number {
  const local = now + VN_OFFSET_MS;
  const slotToday = Math.floor(local / DAY_MS) * DAY_MS + (hour * 60 + minute) * 60_000;
  return (slotToday <= local ? slotToday : slotToday - DAY_MS) - VN_OFFSET_MS;
}

export function nextSlotAfter(now: number, hour: number, minute: number): number {
  return lastSlotAtOrBefore(now, hour, minute) + DAY_MS;
}
