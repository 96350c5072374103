/**
 * A service queue (hàng đợi) belongs to one or more fields (lĩnh vực) and numbers its tickets from a
 * series. `prefix` is a letter ("A" -> A001) or a leading digit ("1" -> 1001); the number restarts at
 * `start` every service day and is `width` digits wide, so the series holds 10^width - start numbers.
 */
export interface NumberSeries {
  readonly prefix: string;
  readonly start: number;
  readonly width: number;
}

/**
 * When a queue gives numbers: local time (Asia/Ho_Chi_Minh) "HH:MM" from, to (exclusive), on the
 * given weekdays (0 = Chủ nhật … 6 = Thứ bảy). Offices stop giving numbers some time before they
 * close, so that everyone holding one is served the same day.
 */
export interface IssuingHours {
  readonly from: string;
  readonly to: string;
  readonly days: readonly number[];
}

export interface QueueDef {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly series: NumberSeries;
  /** Used for estimates until the queue has finished services of its own to average. */
  readonly defaultServiceMinutes: number;
  /** Fields (lĩnh vực) of the procedure catalogue whose tickets go to this queue. */
  readonly fields: readonly string[];
  /** Null: numbers at any time. */
  readonly issuingHours: IssuingHours | null;
}

export function formatTicketNumber(series: NumberSeries, seqNo: number): string {
  return series.prefix + String(seqNo).padStart(series.width, '0');
}

/** The last sequence number a series can give in one day. */
export function seriesCapacityEnd(series: NumberSeries): number {
  return 10 ** series.width - 1;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the queue gives numbers at this local weekday and time of day. */
export function isIssuingAt(hours: IssuingHours | null, local: { weekday: number; hour: number; minute: number }): boolean {
  if (hours === null) return true;
  if (!hours.days.includes(local.weekday)) return false;
  const now = local.hour * 60 + local.minute;
  return now >= minutesOf(hours.from) && now < minutesOf(hours.to);
}
