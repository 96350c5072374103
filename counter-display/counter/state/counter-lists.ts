import type { CounterView, HallView, TicketView } from '../../../common/contract/hall-view.js';

export interface WaitingRow {
  readonly ticket: TicketView;
  /** Sent to this very counter by a colleague: called before anyone else, so shown first. */
  readonly toThisCounter: boolean;
  readonly waitedMs: number;
}

/**
 * Whether the counter may call this ticket, as the hub decides it (server/core/call-order.ts
 * counterMayServe): a ticket sent to a counter belongs to that counter while it is not closed,
 * otherwise to the counters serving its queue.
 */
export function counterMayServe(view: HallView, counter: CounterView, ticket: TicketView): boolean {
  const target = ticket.targetCounterId;
  if (target === counter.id) return true;
  if (target !== null && view.counters.find((c) => c.id === target)?.status !== 'closed') return false;
  return counter.queueIds.includes(ticket.queueId);
}

/**
 * The counter's waiting list as the officer reads it: tickets sent to this counter first (the hub
 * calls them first), then everyone else by issue time (a transfer keeps the original time). It is
 * not the exact call order (priority interleaving is the hub's), so the list shows who waits and
 * for how long, and priority tickets carry their mark.
 */
export function waitingRows(view: HallView, counterId: string, now: number): WaitingRow[] {
  const counter = view.counters.find((c) => c.id === counterId);
  if (!counter) return [];
  return view.tickets
    .filter((t) => t.state === 'waiting' && counterMayServe(view, counter, t))
    .map((t) => ({ ticket: t, toThisCounter: t.targetCounterId === counterId, waitedMs: Math.max(0, now - t.issuedAt) }))
    .sort(
      (a, b) =>
        Number(b.toThisCounter) - Number(a.toThisCounter) ||
        a.ticket.issuedAt - b.ticket.issuedAt ||
        a.ticket.number.localeCompare(b.ticket.number),
    );
}

/**
 * No-shows the officer may take back: those marked at this counter, and those of the counter's
 * queues (a citizen who comes back goes to whichever desk serves the queue).
 */
export function noShowRows(view: HallView, counterId: string): TicketView[] {
  const counter = view.counters.find((c) => c.id === counterId);
  if (!counter) return [];
  return view.tickets
    .filter((t) => t.state === 'no_show' && (t.counterId === counterId || counter.queueIds.includes(t.queueId)))
    .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0));
}

/** The ticket the counter is serving, from the hub's view (so a reload or a restart shows the truth). */
export function currentTicketOf(view: HallView, counterId: string): TicketView | null {
  const id = view.counters.find((c) => c.id === counterId)?.currentTicketId ?? null;
  return id === null ? null : (view.tickets.find((t) => t.id === id) ?? null);
}

/** The counter an officer holds open (after a reload the console goes straight back to it). */
export function counterHeldBy(view: HallView, officerId: string): CounterView | null {
  return view.counters.find((c) => c.officerId === officerId && c.status !== 'closed') ?? null;
}

/** How many times the current ticket has been called again after its first call. */
export function recallsOf(ticket: TicketView): number {
  return Math.max(0, ticket.calls - 1);
}

/** A duration as a ticking clock ("02:35", "1:02:05"): how long since a ticket was called. */
export function clockOf(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
