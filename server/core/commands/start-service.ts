import { accept, type DecideContext, type Decision } from '../decision.js';
import type { HallState, Ticket } from '../hall-state.js';
import type { CounterInput } from './call-next.js';
import { actingCounter, currentTicket } from './counter-guard.js';

/** The citizen has come to the counter: service time is counted from here rather than the call. */
export function startService(state: HallState, input: CounterInput, ctx: DecideContext): Decision<{ ticket: Ticket }> {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open-or-paused');
  if (!guard.ok) return guard;
  const current = currentTicket(state, guard.runtime, ['called']);
  if (!current.ok) return current;
  return accept([{ type: 'ticket:started', at: ctx.now, ticketId: current.ticket.id, counterId: input.counterId }], {
    ticket: current.ticket,
  });
}
