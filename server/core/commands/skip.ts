import { accept, type DecideContext, type Decision } from '../decision.js';
import type { HallState, Ticket } from '../hall-state.js';
import type { CounterInput } from './call-next.js';
import { actingCounter, currentTicket } from './counter-guard.js';

/** The called citizen did not come: a no-show, which may still return to the queue later. */
export function skip(state: HallState, input: CounterInput, ctx: DecideContext): Decision<{ ticket: Ticket }> {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open-or-paused');
  if (!guard.ok) return guard;
  const current = currentTicket(state, guard.runtime, ['called']);
  if (!current.ok) return current;
  return accept([{ type: 'ticket:skipped', at: ctx.now, ticketId: current.ticket.id, counterId: input.counterId }], {
    ticket: current.ticket,
  });
}
