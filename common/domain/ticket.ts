/**
 * waiting -> called -> serving -> done. A called ticket whose citizen does not come is skipped
 * (no_show) and may return to waiting; transfers put a ticket back to waiting for another queue or
 * counter. cancelled and expired (at day rollover) are final, like done.
 */
export type TicketState = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'expired';

export const FINAL_TICKET_STATES: ReadonlySet<TicketState> = new Set(['done', 'cancelled', 'expired']);

export function isFinalTicketState(state: TicketState): boolean {
  return FINAL_TICKET_STATES.has(state);
}
