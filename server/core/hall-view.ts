import type { HallEventOf } from '../../common/contract/hall-events.js';
import type { CounterView, HallView, TicketView } from '../../common/contract/hall-view.js';
import type { CounterDef } from '../../common/domain/counter.js';
import type { HallEvent } from './events.js';
import type { CounterRuntime, HallState, Ticket } from './hall-state.js';

const ACTIVE: ReadonlySet<Ticket['state']> = new Set(['waiting', 'called', 'serving', 'no_show']);

export function ticketView(t: Ticket): TicketView {
  return {
    id: t.id,
    number: t.number,
    queueId: t.queueId,
    priorityClass: t.priorityClass,
    state: t.state,
    issuedAt: t.issuedAt,
    counterId: t.counterId,
    calledAt: t.calledAt,
    calls: t.calls,
    targetCounterId: t.targetCounterId,
    transfers: t.transfers,
    procedureCode: t.procedureCode,
  };
}

/** A counter as screens see it; one that has no runtime row yet is closed. */
export function counterView(def: CounterDef, rt: CounterRuntime | undefined, served: number): CounterView {
  return {
    id: def.id,
    number: def.number,
    name: def.name,
    queueIds: def.queues.map((q) => q.queueId),
    status: rt?.status ?? 'closed',
    pauseReason: rt?.pauseReason ?? null,
    officerId: rt?.officerId ?? null,
    currentTicketId: rt?.currentTicketId ?? null,
    served,
  };
}

/** Tickets finished at a counter in the day's working set. */
export function servedAt(state: HallState, counterId: string): number {
  let n = 0;
  for (const t of state.tickets.values()) if (t.state === 'done' && t.counterId === counterId) n++;
  return n;
}

/** The snapshot a screen starts from. */
export function hallView(state: HallState, seq: number, officerNames: Readonly<Record<string, string>>): HallView {
  const tickets = [...state.tickets.values()];
  // One pass for every counter's count: a snapshot goes to each screen that (re)connects.
  const served = new Map<string, number>();
  for (const t of tickets)
    if (t.state === 'done' && t.counterId !== null) served.set(t.counterId, (served.get(t.counterId) ?? 0) + 1);
  return {
    seq,
    day: state.day,
    queues: state.config.queues.map((q) => ({
      id: q.id,
      name: q.name,
      nameEn: q.nameEn,
      prefix: q.series.prefix,
      issued: tickets.filter((t) => t.issuedQueueId === q.id).length,
      served: tickets.filter((t) => t.queueId === q.id && t.state === 'done').length,
      issuingHours: q.issuingHours ? { from: q.issuingHours.from, to: q.issuingHours.to, days: [...q.issuingHours.days] } : null,
    })),
    counters: state.config.counters.map((def) => counterView(def, state.counters.get(def.id), served.get(def.id) ?? 0)),
    tickets: tickets
      .filter((t) => ACTIVE.has(t.state))
      .sort((a, b) => a.issuedAt - b.issuedAt || a.seqNo - b.seqNo)
      .map(ticketView),
    recentCalls: state.recentCalls,
    officerNames,
    surveys: [...state.surveys.values()]
      .sort((a, b) => a.finishedAt - b.finishedAt)
      .map((c) => ({
        ticketId: c.ticketId,
        number: c.number,
        counterId: c.counterId,
        officerId: c.officerId,
        finishedAt: c.finishedAt,
        expiresAt: c.expiresAt,
        scaleId: c.scaleId,
      })),
  };
}

/** The public form of a recorded event: the same fact with the ticket's public view. */
export function publicEvent(event: HallEvent): HallEventOf<TicketView> {
  if (event.type === 'ticket:issued') return { ...event, ticket: ticketView(event.ticket) };
  // The applicant's particulars never leave the hub this way.
  if (event.type === 'dossier:received') return { ...event, record: null };
  if (event.type === 'dossier:progressed') return { ...event, note: null };
  return event;
}
