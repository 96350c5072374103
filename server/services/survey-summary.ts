import type { SurveyScale } from '../../common/domain/survey-scale.js';
import type { LevelCount } from '../storage/repositories/survey-ratings.js';

export interface SatisfactionRow {
  readonly counterId: string;
  readonly officerId: string | null;
  readonly scaleId: string;
  /** Ratings per level id of the scale (every level listed, zeros included). */
  readonly levels: Readonly<Record<string, number>>;
  readonly rated: number;
  /** Chances whose window closed unanswered. */
  readonly notRated: number;
  readonly open: number;
  /** Satisfied and very satisfied over all ratings (QĐ 766's way), 0..1; null with no rating. */
  readonly satisfactionRate: number | null;
}

/**
 * Folds the stored counts into one row per counter, officer and scale: ratings given on different
 * scales are never added together (a three-level "Hài lòng" is not a five-level one).
 */
export function satisfactionRows(counts: readonly LevelCount[], scales: readonly SurveyScale[]): SatisfactionRow[] {
  const rows = new Map<
    string,
    {
      counterId: string;
      officerId: string | null;
      scaleId: string;
      levels: Record<string, number>;
      rated: number;
      notRated: number;
      open: number;
    }
  >();
  for (const c of counts) {
    const key = `${c.counterId}\u0000${c.officerId ?? ''}\u0000${c.scaleId}`;
    let row = rows.get(key);
    if (!row) {
      const scale = scales.find((s) => s.id === c.scaleId);
      row = {
        counterId: c.counterId,
        officerId: c.officerId,
        scaleId: c.scaleId,
        levels: Object.fromEntries((scale?.levels ?? []).map((l) => [l.id, 0])),
        rated: 0,
        notRated: 0,
        open: 0,
      };
      rows.set(key, row);
    }
    if (c.status === 'rated') {
      row.rated += c.count;
      if (c.levelId !== null) row.levels[c.levelId] = (row.levels[c.levelId] ?? 0) + c.count;
    } else if (c.status === 'lapsed') row.notRated += c.count;
    else row.open += c.count;
  }
  return [...rows.values()]
    .map((r) => {
      const scale = scales.find((s) => s.id === r.scaleId);
      const satisfied = (scale?.levels ?? []).filter((l) => l.satisfied).reduce((n, l) => n + (r.levels[l.id] ?? 0), 0);
      return { ...r, satisfactionRate: r.rated === 0 ? null : satisfied / r.rated };
    })
    .sort((a, b) => a.counterId.localeCompare(b.counterId) || (a.officerId ?? '').localeCompare(b.officerId ?? ''));
}
