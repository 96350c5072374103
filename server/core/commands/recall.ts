import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallState, Ticket } from '../hall-state.js';
import type { CounterInput } from './call-next.js';
import { actingCounter, currentTicket } from './counter-guard.js';

/**
 * Calls the current ticket again (the hall hears it again). After `maxRecalls` recalls the citizen
 * is taken not to be there: the officer is told to mark a no-show rather than keep calling.
 */
export function recall(state: HallState, input: CounterInput, ctx: DecideContext): Decision<{ ticket: Ticket }> {
  // A paused counter calls nobody: the hall would be sent to a desk with no officer.
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open');
  if (!guard.ok) return guard;
  const current = currentTicket(state, guard.runtime, ['called']);
  if (!current.ok) return current;
  if (current.ticket.calls > state.config.maxRecalls) return refuse('RECALL_LIMIT');
  return accept([{ type: 'ticket:recalled', at: ctx.now, ticketId: current.ticket.id, counterId: input.counterId }], {
    ticket: current.ticket,
  });
}
