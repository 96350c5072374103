import type { CounterView, HallView } from '../../common/contract/hall-view.js';
import type { SurveyChanceView } from '../../common/contract/survey-schemas.js';

/** Which counter this terminal rates, or the set-up mistake the IT clerk must see instead. */
export type SurveyCounter =
  | { readonly kind: 'ok'; readonly counter: CounterView }
  | { readonly kind: 'unknown-counter' }
  | { readonly kind: 'wrong-counter'; readonly boundNumber: number }
  | { readonly kind: 'unbound' };

/**
 * The counter from the page's `?counter=N` (the number on the desk, as the clerk types it), checked
 * against the counter the device key is bound to. The hub only accepts ratings for the key's own
 * counter, so a page showing another counter's citizens would collect refusals: say so instead.
 */
export function surveyCounter(view: HallView, pageCounter: number | null, boundCounterId: string | null): SurveyCounter {
  const bound = boundCounterId ? view.counters.find((c) => c.id === boundCounterId) : undefined;
  const counter = pageCounter !== null ? view.counters.find((c) => c.number === pageCounter) : bound;
  if (!counter) return bound || pageCounter !== null ? { kind: 'unknown-counter' } : { kind: 'unbound' };
  if (!bound) return { kind: 'unbound' };
  if (bound.id !== counter.id) return { kind: 'wrong-counter', boundNumber: bound.number };
  return { kind: 'ok', counter };
}

/** `?counter=3` -> 3; anything else -> null. */
export function pageCounterNumber(search: string): number | null {
  const raw = new URLSearchParams(search).get('counter');
  if (raw === null || !/^\d{1,3}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/**
 * The chance this counter's terminal offers: the newest open one. An older one still open belongs to
 * a citizen who has left the desk (the officer has already served the next), so it is not asked.
 */
export function newestChance(surveys: readonly SurveyChanceView[], counterId: string): SurveyChanceView | null {
  let newest: SurveyChanceView | null = null;
  for (const s of surveys) if (s.counterId === counterId && (!newest || s.finishedAt >= newest.finishedAt)) newest = s;
  return newest;
}
