import { percentile } from '../lib/percentiles.js';
import type { TicketOutcome } from './day-outcomes.js';

/**
 * One simulated day's figures. Waits are issue -> first call, over every ticket that was called (a
 * no-show too: the hub's reports count the same way), in minutes; shares are 0..1. Null where
 * there was nothing to measure (no priority citizen called, say).
 */
export interface DayMetrics {
  readonly citizens: number;
  readonly served: number;
  readonly noShows: number;
  readonly transfers: number;
  readonly expired: number;
  /** Tickets finished more than once: must be 0. */
  readonly servedTwice: number;
  /** Tickets not ending exactly one of served, no-show or expired: must be 0. */
  readonly unresolved: number;
  readonly waitMeanMin: number | null;
  readonly waitP90Min: number | null;
  readonly waitMaxMin: number | null;
  readonly over30Share: number | null;
  readonly priorityWaitMeanMin: number | null;
  readonly priorityWaitP90Min: number | null;
  readonly priorityWaitMaxMin: number | null;
  readonly normalWaitMeanMin: number | null;
  readonly normalWaitP90Min: number | null;
  readonly normalWaitMaxMin: number | null;
  readonly normalOver30Share: number | null;
  /** Normal tickets already past the age cap when a later priority ticket was called ahead of them. */
  readonly normalsPassedPastCap: number;
  /** Of those, passed by a priority ticket that had itself waited less than the cap: 0 for our order. */
  readonly normalsPassedByUnderCap: number;
  /** Mean |actual wait - announced wait|, minutes, and the mean signed error (positive: waited longer than told). */
  readonly estimateMaeMin: number | null;
  readonly estimateBiasMin: number | null;
}

export type MetricKey = keyof DayMetrics;

const MIN_MS = 60_000;
const THIRTY_MIN_MS = 30 * MIN_MS;

export function dayMetrics(outcomes: readonly TicketOutcome[]): DayMetrics {
  const called = outcomes.filter((o) => o.firstCalledAt !== null);
  const waitMs = (o: TicketOutcome) => (o.firstCalledAt ?? o.issuedAt) - o.issuedAt;
  const all = waitFigures(called.map(waitMs));
  const priority = waitFigures(called.filter((o) => o.priority).map(waitMs));
  const normal = waitFigures(called.filter((o) => !o.priority).map(waitMs));
  const errors = called.map((o) => waitMs(o) / 1000 - o.predictedSec);
  const served = outcomes.filter((o) => o.finishes > 0).length;
  return {
    citizens: outcomes.length,
    served,
    noShows: outcomes.filter((o) => o.noShow).length,
    transfers: outcomes.reduce((n, o) => n + o.transfers, 0),
    expired: outcomes.filter((o) => o.expired).length,
    servedTwice: outcomes.filter((o) => o.finishes > 1).length,
    unresolved: outcomes.filter((o) => [o.finishes === 1, o.noShow, o.expired].filter(Boolean).length !== 1).length,
    waitMeanMin: all.mean,
    waitP90Min: all.p90,
    waitMaxMin: all.max,
    over30Share: all.over30Share,
    priorityWaitMeanMin: priority.mean,
    priorityWaitP90Min: priority.p90,
    priorityWaitMaxMin: priority.max,
    normalWaitMeanMin: normal.mean,
    normalWaitP90Min: normal.p90,
    normalWaitMaxMin: normal.max,
    normalOver30Share: normal.over30Share,
    normalsPassedPastCap: outcomes.filter((o) => o.passedOverPastCap).length,
    normalsPassedByUnderCap: outcomes.filter((o) => o.passedOverByUnderCap).length,
    estimateMaeMin: errors.length === 0 ? null : mean(errors.map(Math.abs)) / 60,
    estimateBiasMin: errors.length === 0 ? null : mean(errors) / 60,
  };
}

interface WaitFigures {
  readonly mean: number | null;
  readonly p90: number | null;
  readonly max: number | null;
  readonly over30Share: number | null;
}

function waitFigures(waitsMs: readonly number[]): WaitFigures {
  if (waitsMs.length === 0) return { mean: null, p90: null, max: null, over30Share: null };
  const sorted = Float64Array.from(waitsMs).sort();
  return {
    mean: mean(waitsMs) / MIN_MS,
    p90: percentile(sorted, 90) / MIN_MS,
    max: (sorted[sorted.length - 1] ?? 0) / MIN_MS,
    over30Share: waitsMs.filter((w) => w > THIRTY_MIN_MS).length / waitsMs.length,
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
