/**
 * Figures as a Vietnamese reader writes them: a decimal comma, a dot between thousands, dates
 * dd/mm/yyyy, a dash for "nothing to measure" (never a misleading 0).
 */
export const NONE = '–';

const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function countText(n: number): string {
  return whole.format(n);
}

/** Seconds shown as minutes with one decimal: "12,5". */
export function minutesText(sec: number | null): string {
  return sec === null ? NONE : oneDecimal.format(sec / 60);
}

/** 0..1 shown as "93,2%". */
export function percentText(rate: number | null): string {
  return rate === null ? NONE : `${oneDecimal.format(rate * 100)}%`;
}

export function dayText(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** "19/11", for chart axes. */
export function shortDayText(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** The range as a heading: one day, or "từ … đến …". */
export function rangeText(from: string, to: string): string {
  return from === to ? `Ngày ${dayText(from)}` : `Từ ${dayText(from)} đến ${dayText(to)}`;
}
