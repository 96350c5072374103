import type { CounterView, HallView } from '../../../../common/contract/hall-view.js';

/** What the counter's own screen shows: the same rules as its LED board, in words for a big screen. */
export type CounterShows =
  | { readonly kind: 'unknown-counter' }
  | { readonly kind: 'wrong-counter'; readonly boundNumber: number }
  | { readonly kind: 'closed'; readonly counter: CounterView }
  | { readonly kind: 'paused'; readonly counter: CounterView; readonly reason: string | null }
  | { readonly kind: 'idle'; readonly counter: CounterView }
  | { readonly kind: 'serving'; readonly counter: CounterView; readonly number: string; readonly calls: number };

/**
 * Picks the counter from the page's `?counter=N` (its number, as the IT clerk reads it on the desk)
 * or, without one, the counter the screen's key is bound to. A key bound to another counter is a
 * set-up mistake the clerk must see, not a number to show at the wrong desk.
 */
export function counterShows(view: HallView, pageCounter: number | null, boundCounterId: string | null): CounterShows {
  const bound = boundCounterId ? view.counters.find((c) => c.id === boundCounterId) : undefined;
  const counter = pageCounter !== null ? view.counters.find((c) => c.number === pageCounter) : bound;
  if (!counter) return { kind: 'unknown-counter' };
  if (bound && bound.id !== counter.id) return { kind: 'wrong-counter', boundNumber: bound.number };
  if (counter.status === 'closed') return { kind: 'closed', counter };
  if (counter.status === 'paused') return { kind: 'paused', counter, reason: counter.pauseReason };
  const t = counter.currentTicketId ? view.tickets.find((x) => x.id === counter.currentTicketId) : undefined;
  if (!t) return { kind: 'idle', counter };
  return { kind: 'serving', counter, number: t.number, calls: t.calls };
}

/** `?counter=3` -> 3; anything else -> null. */
export function pageCounterNumber(search: string): number | null {
  const raw = new URLSearchParams(search).get('counter');
  if (raw === null || !/^\d{1,3}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}
