import type { HallEvent } from '../core/events.js';
import type { HallState } from '../core/hall-state.js';
import type { SurveyRatingsRepository } from '../storage/repositories/survey-ratings.js';

/**
 * Writes what the rating events change to survey_ratings, inside the command's transaction: a chance
 * opened by a finish, rated once, or lapsed. `day` is the service day the events belong to.
 */
export function persistSurveyEvent(repo: SurveyRatingsRepository, day: string, event: HallEvent, after: HallState): void {
  switch (event.type) {
    case 'ticket:finished': {
      const chance = event.survey ? after.surveys.get(event.ticketId) : undefined;
      if (chance) repo.open(day, chance);
      return;
    }
    case 'survey:rated': {
      const overall = Object.values(event.answers)[0];
      const scale = after.config.survey.scales.find((s) => s.id === event.scaleId);
      const levelId = scale?.criteria[0] ? (event.answers[scale.criteria[0].id] ?? overall) : overall;
      repo.rate(event.ticketId, {
        answers: event.answers,
        levelId: levelId ?? '',
        reasonId: event.reasonId,
        deviceId: event.deviceId,
        at: event.at,
      });
      return;
    }
    case 'survey:lapsed':
      repo.lapse(event.ticketIds, event.at);
      return;
    default:
      return;
  }
}
