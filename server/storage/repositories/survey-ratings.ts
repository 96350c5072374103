import type { SurveyChance } from '../../core/hall-state.js';
import type { Db } from '../db.js';

interface ChanceRow {
  ticket_id: string;
  counter_id: string;
  officer_id: string | null;
  queue_id: string;
  number: string;
  scale_id: string;
  finished_at: number;
  expires_at: number;
}

export interface LevelCount {
  readonly counterId: string;
  readonly officerId: string | null;
  readonly scaleId: string;
  readonly levelId: string | null;
  readonly status: 'open' | 'rated' | 'lapsed';
  readonly count: number;
}

export interface SurveyRatingsRepository {
  open(day: string, chance: SurveyChance): void;
  rate(
    ticketId: string,
    r: {
      answers: Readonly<Record<string, string>>;
      levelId: string;
      reasonId: string | null;
      deviceId: string | null;
      at: number;
    },
  ): void;
  lapse(ticketIds: readonly string[], at: number): void;
  /** The day's chances still open (after a restart the terminal can still be answered). */
  openOf(day: string): SurveyChance[];
  ratedOf(day: string): string[];
  /** Counts per counter, officer, scale, level and status over [fromDay, toDay]. */
  counts(fromDay: string, toDay: string): LevelCount[];
}

export function surveyRatingsRepository(db: Db): SurveyRatingsRepository {
  const insert = db.prepare(`
    INSERT INTO survey_ratings (ticket_id, day, counter_id, officer_id, queue_id, number, scale_id, finished_at, expires_at, status)
    VALUES (@ticketId, @day, @counterId, @officerId, @queueId, @number, @scaleId, @finishedAt, @expiresAt, 'open')`);
  // Only an open chance is rated or lapsed: the status guard makes a second rating a no-op at the
  // database too, whatever a bug upstream might try.
  const rate = db.prepare(`
    UPDATE survey_ratings SET status = 'rated', level_id = @levelId, answers = @answers, reason_id = @reasonId,
      device_id = @deviceId, closed_at = @at
    WHERE ticket_id = @ticketId AND status = 'open'`);
  const lapse = db.prepare(`UPDATE survey_ratings SET status = 'lapsed', closed_at = ? WHERE ticket_id = ? AND status = 'open'`);
  const openOf = db.prepare(`
    SELECT ticket_id, counter_id, officer_id, queue_id, number, scale_id, finished_at, expires_at
    FROM survey_ratings WHERE day = ? AND status = 'open' ORDER BY finished_at`);
  const ratedOf = db.prepare(`SELECT ticket_id FROM survey_ratings WHERE day = ? AND status = 'rated'`).pluck();
  const counts = db.prepare(`
    SELECT counter_id AS counterId, officer_id AS officerId, scale_id AS scaleId, level_id AS levelId, status, COUNT(*) AS count
    FROM survey_ratings WHERE day BETWEEN ? AND ?
    GROUP BY counter_id, officer_id, scale_id, level_id, status`);
  return {
    open(day, c) {
      insert.run({ ...c, day });
    },
    rate(ticketId, r) {
      const changed = rate.run({
        ticketId,
        levelId: r.levelId,
        answers: JSON.stringify(r.answers),
        reasonId: r.reasonId,
        deviceId: r.deviceId,
        at: r.at,
      });
      if (changed.changes !== 1) throw new Error(`survey chance ${ticketId} is not open`);
    },
    lapse(ticketIds, at) {
      for (const id of ticketIds) lapse.run(at, id);
    },
    openOf(day) {
      return (openOf.all(day) as ChanceRow[]).map((r) => ({
        ticketId: r.ticket_id,
        number: r.number,
        counterId: r.counter_id,
        officerId: r.officer_id,
        queueId: r.queue_id,
        finishedAt: r.finished_at,
        expiresAt: r.expires_at,
        scaleId: r.scale_id,
      }));
    },
    ratedOf(day) {
      return ratedOf.all(day) as string[];
    },
    counts(fromDay, toDay) {
      return counts.all(fromDay, toDay) as LevelCount[];
    },
  };
}
