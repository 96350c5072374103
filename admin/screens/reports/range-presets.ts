import { vnDate } from '../../../common/time/vn-time.js';

export type RangePreset = 'today' | 'week' | 'month' | 'custom';

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function shift(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The ranges behind the buttons, in Asia/Ho_Chi_Minh whatever the PC's zone: today; this ISO week
 * from Monday; this month from the 1st; each up to today (days not yet come would only add zeros).
 */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: number): DayRange {
  const today = vnDate(now);
  if (preset === 'today') return { from: today, to: today };
  if (preset === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Chủ nhật
  return { from: shift(today, -((weekday + 6) % 7)), to: today };
}

/** Why a custom range cannot be asked for, in Vietnamese, or null; the hub checks again (REPORT_RANGE_INVALID). */
export function customRangeProblem(r: DayRange): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.from) || !/^\d{4}-\d{2}-\d{2}$/.test(r.to))
    return 'Vui lòng chọn ngày bắt đầu và ngày kết thúc.';
  if (r.to < r.from) return 'Ngày kết thúc phải sau ngày bắt đầu.';
  return null;
}
