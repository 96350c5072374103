import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallState, Ticket } from '../hall-state.js';

export interface TicketInput {
  readonly ticketId: string;
}

/**
 * A no-show citizen came back: the ticket waits again with its original issue time, so it is called
 * soon rather than sent to the back of the line.
 */
export function returnTicket(state: HallState, input: TicketInput, ctx: DecideContext): Decision<{ ticket: Ticket }> {
  const ticket = state.tickets.get(input.ticketId);
  if (!ticket) return refuse('TICKET_NOT_FOUND');
  if (ticket.state !== 'no_show') return refuse('TICKET_STATE_CONFLICT');
  return accept([{ type: 'ticket:returned', at: ctx.now, ticketId: ticket.id }], { ticket });
}
