/**
 * Time in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed
 * offset is exact and keeps this module free of Intl time-zone data (which small kiosk boxes and
 * Android TV browsers do not always ship).
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface LocalParts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday (Chủ nhật) … 6 = Saturday (Thứ bảy). */
  readonly weekday: number;
}

export function vnParts(epochMs: number): LocalParts {
  const d = new Date(epochMs + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "2026-11-23": the local calendar date of an instant. */
export function vnDate(epochMs: number): string {
  const p = vnParts(epochMs);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/**
 * The service day an instant belongs to. The day starts at `rolloverHour` local time, so with a
 * rollover at 02:00 a ticket taken at 01:30 still belongs to the previous day's numbering.
 */
export function serviceDayOf(epochMs: number, rolloverHour: number): string {
  return vnDate(epochMs - rolloverHour * HOUR_MS);
}

/** The instant at which the service day `day` ("YYYY-MM-DD") begins. */
export function serviceDayStart(day: string, rolloverHour: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - VN_OFFSET_MS + rolloverHour * HOUR_MS;
}

/** The first instant after `epochMs` at which a new service day begins. */
export function nextRolloverAt(epochMs: number, rolloverHour: number): number {
  return serviceDayStart(serviceDayOf(epochMs, rolloverHour), rolloverHour) + DAY_MS;
}

/** Compare two "YYYY-MM-DD" strings; they sort as text. */
export function isLaterDay(a: string, b: string): boolean {
  return a > b;
}

/** "16:05" local time. */
export function vnClock(epochMs: number): string {
  const p = vnParts(epochMs);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}
