import type { CounterDef } from '../../../common/domain/counter.js';
import type { ErrorCode } from '../../../common/contract/errors.js';
import { mayOverrideCounter, type Actor } from '../decision.js';
import type { HallEvent } from '../events.js';
import type { CounterRuntime, HallState, Ticket } from '../hall-state.js';
import { surveyChanceFor } from '../survey-chance.js';

export type Guarded<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly code: ErrorCode };

/**
 * The counter an officer acts through. Calling needs an open counter; the other actions on the
 * current ticket also work while paused, so an officer can pause mid-service and still finish.
 */
export function actingCounter(
  state: HallState,
  counterId: string,
  actor: Actor,
  need: 'open' | 'open-or-paused',
): Guarded<{ def: CounterDef; runtime: CounterRuntime }> {
  const def = state.config.counters.find((c) => c.id === counterId);
  const runtime = state.counters.get(counterId);
  if (!def || !runtime) return { ok: false, code: 'COUNTER_NOT_FOUND' };
  if (runtime.status === 'closed') return { ok: false, code: 'COUNTER_CLOSED' };
  if (need === 'open' && runtime.status === 'paused') return { ok: false, code: 'COUNTER_PAUSED' };
  if (runtime.officerId !== actor.officerId && !mayOverrideCounter(actor)) return { ok: false, code: 'NOT_YOUR_COUNTER' };
  return { ok: true, def, runtime };
}

/** The counter's current ticket, in one of the states the action allows. */
export function currentTicket(
  state: HallState,
  runtime: CounterRuntime,
  allowed: readonly Ticket['state'][],
): Guarded<{ ticket: Ticket }> {
  if (runtime.currentTicketId === null) return { ok: false, code: 'NO_CURRENT_TICKET' };
  const ticket = state.tickets.get(runtime.currentTicketId);
  if (!ticket) return { ok: false, code: 'NO_CURRENT_TICKET' };
  if (!allowed.includes(ticket.state)) return { ok: false, code: 'TICKET_STATE_CONFLICT' };
  return { ok: true, ticket };
}

/** How long the service took: from the start if the officer pressed it, else from the call. */
export function serviceSeconds(ticket: Ticket, at: number): number {
  const from = ticket.startedAt ?? ticket.calledAt ?? at;
  return Math.max(0, Math.round((at - from) / 1000));
}

/** The event that finishes the counter's current ticket before another is called, if it has one. */
export function finishCurrentEvents(state: HallState, runtime: CounterRuntime, at: number): HallEvent[] {
  if (runtime.currentTicketId === null) return [];
  const ticket = state.tickets.get(runtime.currentTicketId);
  if (!ticket || (ticket.state !== 'called' && ticket.state !== 'serving')) return [];
  return [
    {
      type: 'ticket:finished',
      at,
      ticketId: ticket.id,
      counterId: runtime.id,
      serviceSec: serviceSeconds(ticket, at),
      survey: surveyChanceFor(state, ticket, runtime.id, at),
    },
  ];
}
