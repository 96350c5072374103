import type { AdminDeviceStatus, AdminStatus } from '../../../common/contract/admin-status.js';
import type { HallView } from '../../../common/contract/hall-view.js';

export interface QueueFigures {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly prefix: string;
  readonly waiting: number;
  /** Issue time of the ticket waiting longest; null when nobody waits. */
  readonly oldestSince: number | null;
  readonly served: number;
}

export interface CounterRow {
  readonly id: string;
  readonly number: number;
  readonly name: string;
  readonly status: 'open' | 'paused' | 'closed';
  readonly pauseReason: string | null;
  /** Since when the counter is in its status (from admin:status); null when the hub does not know. */
  readonly since: number | null;
  readonly officerName: string | null;
  readonly ticketNumber: string | null;
  readonly ticketCalledAt: number | null;
}

export interface DayTotals {
  readonly issued: number;
  readonly served: number;
  readonly waiting: number;
  readonly noShow: number;
}

/** Per queue: who waits now, since when the first of them, and how many were served today. */
export function queueFigures(view: HallView): QueueFigures[] {
  return view.queues.map((q) => {
    const waiting = view.tickets.filter((t) => t.queueId === q.id && t.state === 'waiting');
    return {
      id: q.id,
      name: q.name,
      nameEn: q.nameEn,
      prefix: q.prefix,
      waiting: waiting.length,
      oldestSince: waiting.length > 0 ? Math.min(...waiting.map((t) => t.issuedAt)) : null,
      served: q.served,
    };
  });
}

export function dayTotals(view: HallView): DayTotals {
  return {
    issued: view.queues.reduce((n, q) => n + q.issued, 0),
    served: view.queues.reduce((n, q) => n + q.served, 0),
    waiting: view.tickets.filter((t) => t.state === 'waiting').length,
    noShow: view.tickets.filter((t) => t.state === 'no_show').length,
  };
}

/** Counters in number order, each with its ticket and officer resolved. */
export function counterRows(view: HallView, status: AdminStatus | null): CounterRow[] {
  const since = new Map(status?.counters.map((c) => [c.id, c.since]) ?? []);
  return [...view.counters]
    .sort((a, b) => a.number - b.number)
    .map((c) => {
      const ticket = c.currentTicketId ? view.tickets.find((t) => t.id === c.currentTicketId) : undefined;
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        status: c.status,
        pauseReason: c.pauseReason,
        since: since.get(c.id) ?? null,
        officerName: c.officerId ? (view.officerNames[c.officerId] ?? c.officerId) : null,
        ticketNumber: ticket?.number ?? null,
        ticketCalledAt: ticket?.calledAt ?? null,
      };
    });
}

const SEVERITY: Record<AdminDeviceStatus['state'], number> = { problem: 0, offline: 1, unknown: 2, ok: 3 };

/** Problems first, then the offline, so what needs a person is at the top. */
export function devicesByConcern(devices: readonly AdminDeviceStatus[]): AdminDeviceStatus[] {
  return [...devices].sort((a, b) => SEVERITY[a.state] - SEVERITY[b.state] || a.name.localeCompare(b.name, 'vi'));
}

/** Whole minutes from `since` to `now`, never negative (a browser clock a little behind the hub's). */
export function minutesBetween(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 60_000));
}
