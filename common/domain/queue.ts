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

export interface QueueDef {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly series: NumberSeries;
  /** Used for estimates until the queue has finished services of its own to average. */
  readonly defaultServiceMinutes: number;
  /** Fields (lĩnh vực) of the procedure catalogue whose tickets go to this queue. */
  readonly fields: readonly string[];
}

export function formatTicketNumber(series: NumberSeries, seqNo: number): string {
  return series.prefix + String(seqNo).padStart(series.width, '0');
}

/** The last sequence number a series can give in one day. */
export function seriesCapacityEnd(series: NumberSeries): number {
  return 10 ** series.width - 1;
}
