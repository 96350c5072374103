import {
  QD766_NAME,
  QD766_NAME_EN,
  QD766_THRESHOLD,
  type HallReport,
  type Qd766,
  type RatingScaleRow,
  type RatingTotals,
  type StaffRow,
} from '../../common/contract/report.js';
import { FIVE_LEVEL_SCALE, THREE_LEVEL_SCALE, type SurveyScale } from '../../common/domain/survey-scale.js';
import {
  dossierFigures,
  estimateError,
  ratingTotals,
  serviceStats,
  staffCounts,
  ticketCounts,
  waitStats,
} from './figure-stats.js';
import { LEVEL_KEY_SEPARATOR, type FigureRow } from './figures-sql.js';
import type { ReportNames } from './report-names.js';

export interface ReportParts {
  readonly from: string;
  readonly to: string;
  /** Every day of the range, in order. */
  readonly days: readonly string[];
  readonly generatedAt: number;
  readonly rows: readonly FigureRow[];
  readonly names: ReportNames;
  readonly scales: readonly SurveyScale[];
}

/** Shown for figures whose officer is not recorded (a rating chance opened at a counter with nobody signed in). */
export const UNKNOWN_OFFICER = 'Không rõ cán bộ';

/** Turns the query's rows into the report: names from the config, every day and hour listed, zeros included. */
export function assembleReport(p: ReportParts): HallReport {
  const by = new Map<string, Map<string, FigureRow>>();
  for (const r of p.rows) {
    let m = by.get(r.dim);
    if (!m) by.set(r.dim, (m = new Map()));
    m.set(r.key, r);
  }
  const dim = (d: FigureRow['dim']) => by.get(d) ?? new Map<string, FigureRow>();
  const total = dim('total').get('');

  const queueRows = dim('queue');
  const queues = withExtras(p.names.queues, queueRows).map(({ id, name, removed }) => {
    const r = queueRows.get(id);
    return {
      id,
      name,
      removed,
      ...ticketCounts(r),
      wait: waitStats(r),
      service: serviceStats(r),
      estimate: estimateError(r),
      ratings: ratingTotals(r),
    };
  });

  const counterRows = dim('counter');
  const counters = withExtras(p.names.counters, counterRows).map((c) =>
    staffRow(
      c.id,
      c.name,
      c.removed ? null : (p.names.counters.find((x) => x.id === c.id)?.number ?? null),
      c.removed,
      counterRows,
    ),
  );
  const officerRows = dim('officer');
  const staffing = p.names.officers.filter((o) => o.role === 'officer' || officerRows.has(o.id));
  const officers = withExtras(staffing, officerRows).map((o) =>
    staffRow(o.id, o.id === '' ? UNKNOWN_OFFICER : o.name, null, o.removed && o.id !== '', officerRows),
  );

  const dayRows = dim('day');
  const daily = p.days.map((day) => {
    const r = dayRows.get(day);
    return {
      day,
      ...ticketCounts(r),
      wait: waitStats(r),
      service: serviceStats(r),
      ratings: ratingTotals(r),
      dossiers: dossierFigures(r).received,
    };
  });
  const hourRows = dim('hour');
  const hourly = Array.from({ length: 24 }, (_, hour) => {
    const r = hourRows.get(String(hour));
    return { hour, arrivals: ticketCounts(r).issued, wait: waitStats(r) };
  });

  const summaryRatings = ratingTotals(total);
  return {
    from: p.from,
    to: p.to,
    days: p.days.length,
    generatedAt: p.generatedAt,
    summary: {
      ...ticketCounts(total),
      wait: waitStats(total),
      service: serviceStats(total),
      estimate: estimateError(total),
      ratings: summaryRatings,
      dossiers: dossierFigures(total),
    },
    queues,
    counters,
    officers,
    daily,
    hourly,
    ratings: ratingScales(dim('level'), p.scales),
    qd766: qd766(summaryRatings),
  };
}

/** The QĐ 766 satisfaction indicator beside our own rate: full score from 90 %. */
export function qd766(r: RatingTotals): Qd766 {
  const rate = r.satisfactionRate;
  return {
    name: QD766_NAME,
    nameEn: QD766_NAME_EN,
    rate,
    threshold: QD766_THRESHOLD,
    met: rate !== null && rate >= QD766_THRESHOLD,
    ratings: r.rated,
  };
}

function staffRow(
  id: string,
  name: string,
  number: number | null,
  removed: boolean,
  rows: ReadonlyMap<string, FigureRow>,
): StaffRow {
  const r = rows.get(id);
  return { id, name, number, removed, ...staffCounts(r), wait: waitStats(r), service: serviceStats(r), ratings: ratingTotals(r) };
}

/** The configured entries in their order, then ids found only in the log (since removed), sorted. */
function withExtras(
  known: readonly { readonly id: string; readonly name: string }[],
  rows: ReadonlyMap<string, FigureRow>,
): { id: string; name: string; removed: boolean }[] {
  const ids = new Set(known.map((k) => k.id));
  const extras = [...rows.keys()].filter((k) => !ids.has(k)).sort();
  return [
    ...known.map((k) => ({ id: k.id, name: k.name, removed: false })),
    ...extras.map((id) => ({ id, name: id, removed: true })),
  ];
}

/**
 * Ratings per scale and level. Scales come from the config, then the built-in presets (a scale
 * since dropped from the config keeps its names), then bare ids; levels found only in the log are
 * listed after the scale's own, as not satisfied.
 */
function ratingScales(rows: ReadonlyMap<string, FigureRow>, configured: readonly SurveyScale[]): RatingScaleRow[] {
  const counts = new Map<string, Map<string, FigureRow>>();
  for (const [key, r] of rows) {
    const [scaleId = '', levelId = ''] = key.split(LEVEL_KEY_SEPARATOR);
    let m = counts.get(scaleId);
    if (!m) counts.set(scaleId, (m = new Map()));
    m.set(levelId, r);
  }
  const known = [...configured, ...[THREE_LEVEL_SCALE, FIVE_LEVEL_SCALE].filter((s) => !configured.some((c) => c.id === s.id))];
  const scaleIds = [
    ...configured.map((s) => s.id),
    ...[...counts.keys()].filter((id) => !configured.some((s) => s.id === id)).sort(),
  ];
  return scaleIds.map((scaleId) => {
    const scale = known.find((s) => s.id === scaleId);
    const byLevel = counts.get(scaleId) ?? new Map<string, FigureRow>();
    const levels = (scale?.levels ?? []).map((l) => ({
      levelId: l.id,
      name: l.name,
      nameEn: l.nameEn,
      satisfied: l.satisfied,
      count: byLevel.get(l.id)?.rated ?? 0,
    }));
    for (const [levelId, r] of byLevel) {
      if (levelId === '' || levels.some((l) => l.levelId === levelId)) continue;
      levels.push({ levelId, name: levelId, nameEn: levelId, satisfied: false, count: r.rated ?? 0 });
    }
    const rated = levels.reduce((s, l) => s + l.count, 0);
    const satisfied = levels.filter((l) => l.satisfied).reduce((s, l) => s + l.count, 0);
    const notRated = [...byLevel.values()].reduce((s, r) => s + (r.not_rated ?? 0), 0);
    return {
      scaleId,
      name: scale?.name ?? scaleId,
      levels,
      rated,
      notRated,
      satisfied,
      satisfactionRate: rated === 0 ? null : satisfied / rated,
    };
  });
}
