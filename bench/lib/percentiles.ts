/**
 * Latency summaries. Nearest-rank percentiles on the raw samples, no interpolation or histogram
 * buckets: the sample counts here are small enough to sort, and a reported p99 is then a latency
 * some command really had.
 */
export interface LatencySummary {
  readonly count: number;
  /** Milliseconds; null when there were no samples, so an empty metric is not mistaken for a fast one. */
  readonly median: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, median: null, p99: null, max: null };
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    median: round3(median(sorted)),
    p99: round3(percentile(sorted, 99)),
    max: round3(sorted[sorted.length - 1] ?? 0),
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** The middle value (mean of the two middles for an even count) of an ascending array. */
export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median of values that may be missing (a run without samples); null when none are present. */
export function medianOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return present.length === 0 ? null : round3(median(present));
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
