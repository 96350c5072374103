import type { HallView, TicketView } from '../../../common/contract/hall-view.js';
import { counterMayServe } from './counter-lists.js';

export type TicketLookup =
  | { readonly ok: true; readonly ticket: TicketView }
  | { readonly ok: false; readonly reason: 'empty' | 'not-found' | 'ambiguous' };

/**
 * The ticket an officer means by a typed number: "B003" exactly, or as typed on a numeric keypad
 * ("3", "b3"), read without the leading zeros. When a short number fits tickets of several queues,
 * the ones this counter may call decide; if that still leaves more than one, the officer is asked
 * for the full number. A ticket found but not waiting is returned too: the hub says why it refuses.
 */
export function findTicketByNumber(view: HallView, counterId: string, typed: string): TicketLookup {
  const wanted = typed.replace(/\s+/g, '').toUpperCase();
  if (wanted.length === 0) return { ok: false, reason: 'empty' };
  const exact = view.tickets.filter((t) => t.number.toUpperCase() === wanted);
  if (exact.length === 1) return { ok: true, ticket: exact[0] as TicketView };

  const parsed = splitNumber(wanted);
  if (!parsed) return { ok: false, reason: 'not-found' };
  const loose = exact.length > 0 ? exact : view.tickets.filter((t) => sameNumber(splitNumber(t.number.toUpperCase()), parsed));
  if (loose.length === 0) return { ok: false, reason: 'not-found' };
  if (loose.length === 1) return { ok: true, ticket: loose[0] as TicketView };

  const counter = view.counters.find((c) => c.id === counterId);
  const callable = counter
    ? loose.filter((t) => (t.state === 'waiting' || t.state === 'no_show') && counterMayServe(view, counter, t))
    : [];
  return callable.length === 1 ? { ok: true, ticket: callable[0] as TicketView } : { ok: false, reason: 'ambiguous' };
}

function splitNumber(text: string): { prefix: string; value: number } | null {
  const m = /^([A-Z]*)(\d+)$/.exec(text);
  return m ? { prefix: m[1] ?? '', value: Number(m[2]) } : null;
}

/** A typed number without a letter fits every prefix; with one, only its own. */
function sameNumber(ticket: { prefix: string; value: number } | null, typed: { prefix: string; value: number }): boolean {
  if (!ticket || ticket.value !== typed.value) return false;
  return typed.prefix === '' || typed.prefix === ticket.prefix;
}
