import type { EstimateError, RatingTotals, ServiceStats, WaitStats } from '../../common/contract/report.js';
import type { FigureRow } from './figures-sql.js';

/** Means to a tenth of a second: finer would only be noise in a report. */
const tenth = (x: number): number => Math.round(x * 10) / 10;
const n = (x: number | null | undefined): number => x ?? 0;
const sec = (ms: number | null | undefined): number | null => (ms === null || ms === undefined ? null : ms / 1000);

export function waitStats(r: FigureRow | undefined): WaitStats {
  const count = r?.wait_n ?? 0;
  if (!r || count === 0) {
    return { count: 0, meanSec: null, medianSec: null, p90Sec: null, maxSec: null, over30Count: 0, over30Share: null };
  }
  return {
    count,
    meanSec: tenth(n(r.wait_sum_ms) / count / 1000),
    medianSec: sec(r.wait_median_ms),
    p90Sec: sec(r.wait_p90_ms),
    maxSec: sec(r.wait_max_ms),
    over30Count: n(r.over30),
    over30Share: n(r.over30) / count,
  };
}

export function serviceStats(r: FigureRow | undefined): ServiceStats {
  const count = r?.service_n ?? 0;
  if (!r || count === 0) return { count: 0, meanSec: null, medianSec: null };
  return { count, meanSec: tenth(n(r.service_sum) / count), medianSec: r.service_median };
}

export function estimateError(r: FigureRow | undefined): EstimateError {
  const count = r?.est_n ?? 0;
  if (!r || count === 0) return { count: 0, meanAbsSec: null, meanSignedSec: null };
  return { count, meanAbsSec: tenth(n(r.est_abs_sum) / count), meanSignedSec: tenth(n(r.est_sum) / count) };
}

export function ratingTotals(r: FigureRow | undefined): RatingTotals {
  const rated = n(r?.rated);
  const satisfied = n(r?.satisfied);
  return { rated, notRated: n(r?.not_rated), satisfied, satisfactionRate: rated === 0 ? null : satisfied / rated };
}

export function ticketCounts(r: FigureRow | undefined) {
  return {
    issued: n(r?.issued),
    served: n(r?.served),
    noShow: n(r?.no_show),
    transferred: n(r?.transferred),
    cancelled: n(r?.cancelled),
    expired: n(r?.expired),
    inProgress: n(r?.in_progress),
  };
}

export function staffCounts(r: FigureRow | undefined) {
  return { served: n(r?.served), noShow: n(r?.no_show), transferred: n(r?.transferred), dossiers: n(r?.dossiers) };
}

export function dossierFigures(r: FigureRow | undefined) {
  return { received: n(r?.dossiers), forwarded: n(r?.forwarded), waiting: n(r?.owed) };
}
