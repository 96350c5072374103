import type { SurveyChanceView } from '../../common/contract/survey-schemas.js';

/**
 * The rating window on the tablet's own monotonic clock. The chance's times are the hub's, and a
 * tablet's wall clock may be minutes off, so only their difference is used: the window starts when
 * the chance reached the page (the ticket:finished fact that carries it arrives as it happens).
 * A page opened mid-window counts from its arrival; the hub still closes the chance on time, and
 * the page follows when it leaves the view.
 */
export function chanceDeadline(chance: Pick<SurveyChanceView, 'finishedAt' | 'expiresAt'>, arrivedAt: number): number {
  return arrivedAt + Math.max(0, chance.expiresAt - chance.finishedAt);
}

/** Milliseconds left, never below zero. */
export function remainingMs(deadline: number, now: number): number {
  return Math.max(0, deadline - now);
}

/** The share of the window still left, 1 at the start and 0 at the end, for the countdown ring. */
export function remainingShare(deadline: number, windowMs: number, now: number): number {
  if (windowMs <= 0) return 0;
  return Math.min(1, remainingMs(deadline, now) / windowMs);
}

/** Whole seconds left as a person counts them: 0.2 s left still reads "1". */
export function remainingSeconds(deadline: number, now: number): number {
  return Math.ceil(remainingMs(deadline, now) / 1000);
}
