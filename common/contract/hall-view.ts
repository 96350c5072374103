import type { HallEventOf } from './hall-events.js';
import type { SurveyChanceView } from './survey-schemas.js';
import type { CallView, CounterView, QueueView, TicketView } from './view-schemas.js';

export type { CallView, CounterView, QueueView, TicketView };

export const RECENT_CALLS = 10;

/**
 * What a screen mirrors of the hall: a snapshot at `seq`, then kept current by applying each fact
 * with seq + 1. Active tickets only (waiting, called, serving, no-show); finished ones leave the
 * view, their counts stay in the queues.
 */
export interface HallView {
  readonly seq: number;
  readonly day: string;
  readonly queues: readonly QueueView[];
  readonly counters: readonly CounterView[];
  readonly tickets: readonly TicketView[];
  /** Newest first. */
  readonly recentCalls: readonly CallView[];
  readonly officerNames: Readonly<Record<string, string>>;
  /** Open chances to rate a service just finished, oldest first. */
  readonly surveys: readonly SurveyChanceView[];
}

export type HallFact = HallEventOf<TicketView> & { readonly seq: number };

/**
 * Applies one fact to a view. Pure, and the same on every screen; the hub's own snapshot of its
 * state equals a snapshot advanced by these facts (a property the tests check).
 */
export function applyHallFact(view: HallView, fact: HallFact): HallView {
  const next = { ...view, seq: fact.seq };
  switch (fact.type) {
    case 'ticket:issued':
      return {
        ...next,
        tickets: [...view.tickets, fact.ticket],
        queues: view.queues.map((q) => (q.id === fact.ticket.queueId ? { ...q, issued: q.issued + 1 } : q)),
      };
    case 'ticket:called': {
      const t = view.tickets.find((x) => x.id === fact.ticketId);
      const tickets = mapTicket(view, fact.ticketId, (x) => ({
        ...x,
        state: 'called',
        counterId: fact.counterId,
        calledAt: fact.at,
        calls: 1,
        targetCounterId: null,
      }));
      return {
        ...next,
        tickets,
        counters: mapCounter(view, fact.counterId, (c) => ({ ...c, currentTicketId: fact.ticketId })),
        recentCalls: t
          ? pushCall(view.recentCalls, { ticketId: t.id, number: t.number, counterId: fact.counterId, at: fact.at, calls: 1 })
          : view.recentCalls,
      };
    }
    case 'ticket:recalled': {
      const t = view.tickets.find((x) => x.id === fact.ticketId);
      const calls = (t?.calls ?? 0) + 1;
      return {
        ...next,
        tickets: mapTicket(view, fact.ticketId, (x) => ({ ...x, calledAt: fact.at, calls })),
        recentCalls: t
          ? pushCall(view.recentCalls, { ticketId: t.id, number: t.number, counterId: fact.counterId, at: fact.at, calls })
          : view.recentCalls,
      };
    }
    case 'ticket:started':
      return { ...next, tickets: mapTicket(view, fact.ticketId, (x) => ({ ...x, state: 'serving' })) };
    case 'ticket:finished': {
      const t = view.tickets.find((x) => x.id === fact.ticketId);
      return {
        ...next,
        tickets: view.tickets.filter((x) => x.id !== fact.ticketId),
        counters: freeCounter(view, fact.ticketId).map((c) => (c.id === fact.counterId ? { ...c, served: c.served + 1 } : c)),
        queues: view.queues.map((q) => (t && q.id === t.queueId ? { ...q, served: q.served + 1 } : q)),
        surveys: fact.survey ? [...view.surveys, fact.survey] : view.surveys,
      };
    }
    case 'ticket:skipped':
      return {
        ...next,
        tickets: mapTicket(view, fact.ticketId, (x) => ({ ...x, state: 'no_show' })),
        counters: freeCounter(view, fact.ticketId),
      };
    case 'ticket:returned':
      return {
        ...next,
        tickets: mapTicket(view, fact.ticketId, (x) => ({ ...x, state: 'waiting', calls: 0, calledAt: null })),
        recentCalls: view.recentCalls.filter((c) => c.ticketId !== fact.ticketId),
      };
    case 'ticket:transferred':
      return {
        ...next,
        tickets: mapTicket(view, fact.ticketId, (x) => ({
          ...x,
          state: 'waiting',
          queueId: fact.toQueueId,
          targetCounterId: fact.toCounterId,
          calls: 0,
          calledAt: null,
          transfers: x.transfers + 1,
        })),
        counters: freeCounter(view, fact.ticketId),
        recentCalls: view.recentCalls.filter((c) => c.ticketId !== fact.ticketId),
      };
    case 'ticket:cancelled':
      return {
        ...next,
        tickets: view.tickets.filter((x) => x.id !== fact.ticketId),
        counters: freeCounter(view, fact.ticketId),
      };
    case 'counter:opened':
      return {
        ...next,
        counters: mapCounter(view, fact.counterId, (c) => ({
          ...c,
          status: 'open',
          pauseReason: null,
          officerId: fact.officerId,
        })),
      };
    case 'counter:paused':
      return {
        ...next,
        counters: mapCounter(view, fact.counterId, (c) => ({ ...c, status: 'paused', pauseReason: fact.reason })),
      };
    case 'counter:resumed':
      return { ...next, counters: mapCounter(view, fact.counterId, (c) => ({ ...c, status: 'open', pauseReason: null })) };
    case 'counter:closed':
      return {
        ...next,
        counters: mapCounter(view, fact.counterId, (c) => ({
          ...c,
          status: 'closed',
          pauseReason: null,
          officerId: null,
          currentTicketId: null,
        })),
      };
    case 'survey:rated':
      return { ...next, surveys: view.surveys.filter((c) => c.ticketId !== fact.ticketId) };
    case 'dossier:received':
    case 'dossier:progressed':
      // A dossier changes nothing a screen shows; the fact only moves the view's seq on.
      return next;
    case 'survey:lapsed':
      return { ...next, surveys: view.surveys.filter((c) => !fact.ticketIds.includes(c.ticketId)) };
    case 'day:rolled':
      return {
        ...next,
        day: fact.to,
        tickets: [],
        recentCalls: [],
        surveys: [],
        queues: view.queues.map((q) => ({ ...q, issued: 0, served: 0 })),
        counters: view.counters.map((c) => ({ ...c, currentTicketId: null, served: 0 })),
      };
  }
}

function mapTicket(view: HallView, id: string, f: (t: TicketView) => TicketView): TicketView[] {
  return view.tickets.map((t) => (t.id === id ? f(t) : t));
}

function mapCounter(view: HallView, id: string, f: (c: CounterView) => CounterView): CounterView[] {
  return view.counters.map((c) => (c.id === id ? f(c) : c));
}

function freeCounter(view: HallView, ticketId: string): CounterView[] {
  return view.counters.map((c) => (c.currentTicketId === ticketId ? { ...c, currentTicketId: null } : c));
}

/** Puts a call first in the list of recent calls, once per ticket, at most RECENT_CALLS long. */
export function pushCall(calls: readonly CallView[], call: CallView): CallView[] {
  return [call, ...calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, RECENT_CALLS);
}

/** Waiting tickets of a queue, as the hall TV and the kiosk count them. */
export function waitingIn(view: HallView, queueId: string): number {
  return view.tickets.filter((t) => t.queueId === queueId && t.state === 'waiting').length;
}
