/**
 * What citizens and officers do besides arriving and being served: the shares and durations the day
 * plan draws from. Figures are assumptions, stated here in one place so the report can name them.
 */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface Behaviour {
  /** Share of citizens in a priority class (người cao tuổi, khuyết tật, mang thai…). */
  readonly priorityShare: number;
  /** Share who are gone when called (left, or stepped out): recalled, then marked no-show. */
  readonly noShowShare: number;
  /** Share in the wrong queue: the officer looks at the papers, then transfers them to another queue. */
  readonly transferShare: number;
  /** Seconds from the call to the citizen sitting down at the desk. */
  readonly walkSec: Range;
  /** Seconds between an unanswered call and the next recall, and from the last recall to the skip. */
  readonly recallEverySec: number;
  /** Seconds the first officer spends before transferring a citizen in the wrong queue. */
  readonly transferAfterSec: Range;
  /** Mean short pauses per counter per day (a break, a question to the leader, fetching files). */
  readonly pausesPerCounterDay: number;
  readonly pauseMinutes: Range;
  /** Minutes after a session's end during which officers still call those holding a number. */
  readonly overtimeMinutes: number;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  priorityShare: 0.15,
  noShowShare: 0.06,
  transferShare: 0.04,
  walkSec: { min: 15, max: 60 },
  recallEverySec: 30,
  transferAfterSec: { min: 60, max: 240 },
  pausesPerCounterDay: 2,
  pauseMinutes: { min: 5, max: 15 },
  overtimeMinutes: 30,
};

/** Reasons an officer gives for a short pause, as the console records them (Vietnamese, seen by staff). */
export const PAUSE_REASONS: readonly string[] = ['Nghỉ giải lao', 'Xin ý kiến lãnh đạo', 'Lấy hồ sơ lưu'];
export const LUNCH_REASON = 'Nghỉ trưa';
