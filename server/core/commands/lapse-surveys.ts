import { accept, type DecideContext, type Decision } from '../decision.js';
import type { HallState } from '../hall-state.js';

/**
 * Closes the chances whose window has passed unanswered: each is recorded as not rated. Run by the
 * hub on a short timer and before the day rolls over; nothing to close is no event at all.
 */
export function lapseSurveys(state: HallState, _input: unknown, ctx: DecideContext): Decision<{ ticketIds: string[] }> {
  const ticketIds = [...state.surveys.values()].filter((c) => c.expiresAt < ctx.now).map((c) => c.ticketId);
  if (ticketIds.length === 0) return accept([], { ticketIds });
  return accept([{ type: 'survey:lapsed', at: ctx.now, ticketIds }], { ticketIds });
}
