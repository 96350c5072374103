import { counterMayServe } from '../call-order.js';
import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallEvent } from '../events.js';
import type { HallState } from '../hall-state.js';
import type { CallResult } from './call-next.js';
import { actingCounter, finishCurrentEvents } from './counter-guard.js';

export interface CallSpecificInput {
  readonly counterId: string;
  readonly ticketId: string;
}

/**
 * Calls one ticket by number, out of the call order: a citizen the officer knows is there, or one
 * marked no-show who came back (it returns to the queue and is called in one step).
 */
export function callSpecific(state: HallState, input: CallSpecificInput, ctx: DecideContext): Decision<CallResult> {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open');
  if (!guard.ok) return guard;
  const ticket = state.tickets.get(input.ticketId);
  if (!ticket) return refuse('TICKET_NOT_FOUND');
  if (ticket.state !== 'waiting' && ticket.state !== 'no_show') return refuse('TICKET_NOT_WAITING');
  if (!counterMayServe(state, guard.def, ticket)) return refuse('TICKET_NOT_SERVED_HERE');

  const events: HallEvent[] = finishCurrentEvents(state, guard.runtime, ctx.now);
  if (ticket.state === 'no_show') events.push({ type: 'ticket:returned', at: ctx.now, ticketId: ticket.id });
  events.push({
    type: 'ticket:called',
    at: ctx.now,
    ticketId: ticket.id,
    counterId: input.counterId,
    officerId: guard.runtime.officerId,
    specific: true,
  });
  return accept(events, { ticket, finishedTicketId: guard.runtime.currentTicketId });
}
