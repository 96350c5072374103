import type { HallReport } from '../../common/contract/report.js';
import { FIVE_LEVEL_SCALE, THREE_LEVEL_SCALE, type SurveyScale } from '../../common/domain/survey-scale.js';
import type { Clock } from '../core/ports.js';
import type { Db } from '../storage/db.js';
import { assembleReport } from './assemble-report.js';
import { FIGURES_SQL, type FigureRow } from './figures-sql.js';
import type { ReportNames } from './report-names.js';
import { daysOf } from './report-range.js';

export interface ReportEngineDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** Names as the site config has them now (it may change while the hub runs). */
  readonly names: () => ReportNames;
  /** The configured rating scales: the level each rating answers and which levels count as satisfied. */
  readonly scales: () => readonly SurveyScale[];
}

export interface ReportEngine {
  /** The report for service days [from, to]; the range must have passed checkReportRange. */
  compute(from: string, to: string): HallReport;
}

/**
 * Reports computed by SQL over the event log. The query runs in one read transaction, so a report
 * is a consistent snapshot even while counters keep calling (WAL readers do not block the writer).
 */
export function createReportEngine(deps: ReportEngineDeps): ReportEngine {
  const figures = deps.db.prepare(FIGURES_SQL);
  const read = deps.db.transaction((params: Record<string, string>) => figures.all(params) as FigureRow[]);
  return {
    compute(from, to) {
      const configured = deps.scales();
      // A scale dropped from the config still rates by its preset's levels, if it is one.
      const scales = [
        ...configured,
        ...[THREE_LEVEL_SCALE, FIVE_LEVEL_SCALE].filter((s) => !configured.some((c) => c.id === s.id)),
      ];
      const rows = read({
        from,
        to,
        scales: JSON.stringify(scales.map((s) => ({ id: s.id, criterion: s.criteria[0]?.id ?? null }))),
        levels: JSON.stringify(
          scales.flatMap((s) => s.levels.map((l) => ({ scaleId: s.id, levelId: l.id, satisfied: l.satisfied ? 1 : 0 }))),
        ),
      });
      return assembleReport({
        from,
        to,
        days: daysOf(from, to),
        generatedAt: deps.clock.now(),
        rows,
        names: deps.names(),
        scales: configured,
      });
    },
  };
}
