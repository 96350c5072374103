import { isFinalTicketState } from '../../../common/domain/ticket.js';
import { accept, mayOverrideCounter, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallState, Ticket } from '../hall-state.js';

export interface CancelInput {
  readonly ticketId: string;
  readonly reason?: string | null | undefined;
}

/**
 * Withdraws a ticket (the citizen left, or took the wrong field). An officer may cancel a waiting
 * ticket or the one at their own counter; supervisors any ticket not yet final.
 */
export function cancel(state: HallState, input: CancelInput, ctx: DecideContext): Decision<{ ticket: Ticket }> {
  const ticket = state.tickets.get(input.ticketId);
  if (!ticket) return refuse('TICKET_NOT_FOUND');
  if (isFinalTicketState(ticket.state)) return refuse('TICKET_STATE_CONFLICT');
  if (!mayOverrideCounter(ctx.actor) && ticket.state !== 'waiting' && ticket.state !== 'no_show') {
    const holder = [...state.counters.values()].find((c) => c.currentTicketId === ticket.id);
    if (!holder || holder.officerId !== ctx.actor.officerId) return refuse('NOT_YOUR_COUNTER');
  }
  return accept([{ type: 'ticket:cancelled', at: ctx.now, ticketId: ticket.id, reason: input.reason ?? null }], { ticket });
}
