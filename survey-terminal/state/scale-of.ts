import type { SurveySettingsView } from '../../common/contract/survey-schemas.js';
import { FIVE_LEVEL_SCALE, THREE_LEVEL_SCALE, type SurveyScale } from '../../common/domain/survey-scale.js';

/**
 * The scale a chance was opened on, from the site's settings; the built-in scales by id when the
 * page's copy of the settings predates an admin's edit. Null: a scale this page cannot draw, so it
 * asks nothing rather than offer answers the hub would refuse.
 */
export function scaleOf(settings: SurveySettingsView, scaleId: string): SurveyScale | null {
  return (
    settings.scales.find((s) => s.id === scaleId) ?? [THREE_LEVEL_SCALE, FIVE_LEVEL_SCALE].find((s) => s.id === scaleId) ?? null
  );
}
