import { pushCall } from '../../common/contract/hall-view.js';
import type { HallEvent } from './events.js';
import { MIN_SERVICE_SAMPLE_SEC, RECENT_SERVICE_WINDOW, type CounterRuntime, type HallState, type Ticket } from './hall-state.js';

/**
 * Applies one recorded event to the state and returns the new state; the old one is untouched, so a
 * command whose transaction fails leaves the hub's state as it was. Events were checked when they
 * were decided; here they are facts, and an event naming an unknown ticket or counter is a bug.
 */
export function evolve(state: HallState, event: HallEvent): HallState {
  switch (event.type) {
    case 'ticket:issued': {
      const t = event.ticket;
      return {
        ...state,
        tickets: withEntry(state.tickets, t.id, t),
        lastSeqNo: { ...state.lastSeqNo, [t.issuedQueueId]: Math.max(state.lastSeqNo[t.issuedQueueId] ?? 0, t.seqNo) },
      };
    }
    case 'ticket:called': {
      const t = ticket(state, event.ticketId);
      const c = counter(state, event.counterId);
      const isPriority = t.priorityClass !== null;
      const next = putTicket(state, {
        ...t,
        state: 'called',
        counterId: event.counterId,
        officerId: event.officerId,
        targetCounterId: null,
        targetedAt: null,
        firstCalledAt: t.firstCalledAt ?? event.at,
        calledAt: event.at,
        calls: 1,
      });
      const withCall = {
        ...next,
        recentCalls: pushCall(state.recentCalls, {
          ticketId: t.id,
          number: t.number,
          counterId: event.counterId,
          at: event.at,
          calls: 1,
        }),
      };
      return putCounter(withCall, {
        ...c,
        currentTicketId: t.id,
        normalsSincePriority: isPriority ? 0 : c.normalsSincePriority + 1,
      });
    }
    case 'ticket:recalled': {
      const t = ticket(state, event.ticketId);
      const calls = t.calls + 1;
      const next = putTicket(state, { ...t, calledAt: event.at, calls });
      return {
        ...next,
        recentCalls: pushCall(state.recentCalls, {
          ticketId: t.id,
          number: t.number,
          counterId: event.counterId,
          at: event.at,
          calls,
        }),
      };
    }
    case 'ticket:started': {
      const t = ticket(state, event.ticketId);
      return putTicket(state, { ...t, state: 'serving', startedAt: event.at });
    }
    case 'ticket:finished': {
      const t = ticket(state, event.ticketId);
      const finished = freeCounter(putTicket(state, { ...t, state: 'done', finishedAt: event.at }), event.counterId);
      const next = event.survey
        ? { ...finished, surveys: withEntry(state.surveys, t.id, { ...event.survey, queueId: t.queueId }) }
        : finished;
      if (event.serviceSec < MIN_SERVICE_SAMPLE_SEC) return next;
      const recent = [...(state.recentServiceSec[t.queueId] ?? []), event.serviceSec].slice(-RECENT_SERVICE_WINDOW);
      return { ...next, recentServiceSec: { ...state.recentServiceSec, [t.queueId]: recent } };
    }
    case 'ticket:skipped': {
      const t = ticket(state, event.ticketId);
      return freeCounter(putTicket(state, { ...t, state: 'no_show' }), event.counterId);
    }
    case 'ticket:returned': {
      const t = ticket(state, event.ticketId);
      return dropCall(putTicket(state, { ...t, state: 'waiting', calls: 0, calledAt: null }), t.id);
    }
    case 'ticket:transferred': {
      const t = ticket(state, event.ticketId);
      const moved: Ticket = {
        ...t,
        state: 'waiting',
        queueId: event.toQueueId,
        targetCounterId: event.toCounterId,
        targetedAt: event.toCounterId === null ? null : event.at,
        calls: 0,
        calledAt: null,
        startedAt: null,
        transfers: t.transfers + 1,
        note: event.note ?? t.note,
      };
      return dropCall(freeCounter(putTicket(state, moved), event.fromCounterId), t.id);
    }
    case 'ticket:cancelled': {
      const t = ticket(state, event.ticketId);
      const next = putTicket(state, { ...t, state: 'cancelled', finishedAt: event.at });
      const holder = [...state.counters.values()].find((c) => c.currentTicketId === t.id);
      return holder ? freeCounter(next, holder.id) : next;
    }
    case 'counter:opened':
      return putCounter(state, {
        ...counter(state, event.counterId),
        status: 'open',
        pauseReason: null,
        officerId: event.officerId,
        normalsSincePriority: 0,
        since: event.at,
      });
    case 'counter:paused':
      return putCounter(state, {
        ...counter(state, event.counterId),
        status: 'paused',
        pauseReason: event.reason,
        since: event.at,
      });
    case 'counter:resumed':
      return putCounter(state, { ...counter(state, event.counterId), status: 'open', pauseReason: null, since: event.at });
    case 'counter:closed':
      return putCounter(state, {
        ...counter(state, event.counterId),
        status: 'closed',
        pauseReason: null,
        officerId: null,
        currentTicketId: null,
        since: event.at,
      });
    case 'survey:rated': {
      const surveys = new Map(state.surveys);
      surveys.delete(event.ticketId);
      return { ...state, surveys, rated: new Set(state.rated).add(event.ticketId) };
    }
    case 'dossier:received':
      return { ...state, lastDossier: { day: event.day, sequence: event.sequence } };
    case 'dossier:progressed':
      // Dossiers live in their own tables; the hall's working state does not change.
      return state;
    case 'survey:lapsed': {
      const surveys = new Map(state.surveys);
      for (const id of event.ticketIds) surveys.delete(id);
      return { ...state, surveys };
    }
    case 'day:rolled': {
      const tickets = new Map(state.tickets);
      for (const id of event.expiredTicketIds) {
        const t = tickets.get(id);
        if (t) tickets.set(id, { ...t, state: 'expired', finishedAt: event.at });
      }
      // The new day starts with an empty working set; yesterday's rows stay in the database.
      const counters = new Map(
        [...state.counters.values()].map((c): [string, CounterRuntime] => [c.id, { ...c, currentTicketId: null }]),
      );
      return {
        ...state,
        day: event.to,
        tickets: new Map(),
        counters,
        lastSeqNo: {},
        recentCalls: [],
        surveys: new Map(),
        rated: new Set(),
      };
    }
  }
}

export function evolveAll(state: HallState, events: readonly HallEvent[]): HallState {
  return events.reduce(evolve, state);
}

function ticket(state: HallState, id: string): Ticket {
  const t = state.tickets.get(id);
  if (!t) throw new Error(`event names unknown ticket ${id}`);
  return t;
}

function counter(state: HallState, id: string): CounterRuntime {
  const c = state.counters.get(id);
  if (!c) throw new Error(`event names unknown counter ${id}`);
  return c;
}

function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V): Map<string, V> {
  const next = new Map(map);
  next.set(key, value);
  return next;
}

function putTicket(state: HallState, t: Ticket): HallState {
  return { ...state, tickets: withEntry(state.tickets, t.id, t) };
}

function putCounter(state: HallState, c: CounterRuntime): HallState {
  return { ...state, counters: withEntry(state.counters, c.id, c) };
}

function dropCall(state: HallState, ticketId: string): HallState {
  return { ...state, recentCalls: state.recentCalls.filter((c) => c.ticketId !== ticketId) };
}

function freeCounter(state: HallState, counterId: string): HallState {
  return putCounter(state, { ...counter(state, counterId), currentTicketId: null });
}
