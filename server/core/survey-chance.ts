import type { SurveyChanceView } from '../../common/contract/survey-schemas.js';
import { scaleOn } from '../../common/domain/survey-scale.js';
import type { HallState, Ticket } from './hall-state.js';

/**
 * The chance to rate a service that is finishing now, or null where the counter has no survey
 * terminal or pad (a chance nobody can take would only lapse and skew the "not rated" figure), or no
 * scale is in force. Recorded on the ticket:finished event, so the terminal hears of it in the same
 * fact as the finish.
 */
export function surveyChanceFor(state: HallState, ticket: Ticket, counterId: string, at: number): SurveyChanceView | null {
  const survey = state.config.survey;
  if (!survey.counterIds.includes(counterId)) return null;
  const scale = scaleOn(survey.scales, state.day);
  if (!scale) return null;
  const officerId = state.counters.get(counterId)?.officerId ?? ticket.officerId;
  return {
    ticketId: ticket.id,
    number: ticket.number,
    counterId,
    officerId,
    finishedAt: at,
    expiresAt: at + survey.windowSec * 1000,
    scaleId: scale.id,
  };
}
