import type { HallView } from '../../common/contract/hall-view.js';

/**
 * What the LED board over a counter should show (DESIGN §6: "an LED board over the counter shows the
 * same" as the counter screen). How the text fits the board's cells is the codec's business; this
 * only decides what the hall is told.
 */
export type BoardContent =
  { readonly kind: 'number'; readonly text: string } | { readonly kind: 'paused' } | { readonly kind: 'blank' };

export const BLANK: BoardContent = { kind: 'blank' };
export const PAUSED: BoardContent = { kind: 'paused' };

/**
 * A counter's current ticket is shown whenever it has one, paused or not: an officer may pause
 * mid-service (counter-guard allows finishing while paused), and a citizen who was just called and
 * is still walking up must find the number over the desk. Without a ticket a paused counter says so,
 * and a closed counter (or one nobody has called at) stays dark.
 */
export function boardContent(view: HallView, counterId: string): BoardContent {
  const counter = view.counters.find((c) => c.id === counterId);
  if (!counter || counter.status === 'closed') return BLANK;
  if (counter.currentTicketId !== null) {
    const ticket = view.tickets.find((t) => t.id === counter.currentTicketId);
    if (ticket) return { kind: 'number', text: ticket.number };
  }
  return counter.status === 'paused' ? PAUSED : BLANK;
}

export function sameContent(a: BoardContent, b: BoardContent): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'number' || a.text === (b as { text: string }).text;
}
