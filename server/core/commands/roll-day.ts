import { isFinalTicketState } from '../../../common/domain/ticket.js';
import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallEvent } from '../events.js';
import type { HallState } from '../hall-state.js';

export interface RollDayInput {
  readonly to: string;
}

/**
 * Starts a new service day: open counters close, the day's unfinished tickets are closed as expired
 * (events, never deletes) and numbering starts again. A no-show stays a no-show: that is how its day
 * ended. The day never moves backwards, even if the clock does.
 */
export function rollDay(state: HallState, input: RollDayInput, ctx: DecideContext): Decision<{ expired: number }> {
  if (input.to <= state.day) return refuse('TICKET_STATE_CONFLICT');
  const events: HallEvent[] = [];
  // Yesterday's open chances to rate end with yesterday: not rated.
  if (state.surveys.size > 0) events.push({ type: 'survey:lapsed', at: ctx.now, ticketIds: [...state.surveys.keys()] });
  for (const c of state.counters.values()) {
    if (c.status !== 'closed') events.push({ type: 'counter:closed', at: ctx.now, counterId: c.id });
  }
  const expiredTicketIds = [...state.tickets.values()]
    .filter((t) => !isFinalTicketState(t.state) && t.state !== 'no_show')
    .map((t) => t.id);
  events.push({ type: 'day:rolled', at: ctx.now, from: state.day, to: input.to, expiredTicketIds });
  return accept(events, { expired: expiredTicketIds.length });
}
