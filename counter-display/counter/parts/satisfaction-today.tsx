import type { SurveySettingsView } from '../../../common/contract/survey-schemas.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import type { SatisfactionToday } from '../state/use-satisfaction.js';

/** The officer's ratings today: a count per level of the scale, those not rated, and the rate. */
export function SatisfactionTodayPanel(props: {
  t: ConsoleTexts;
  language: Language;
  today: SatisfactionToday | null;
  survey: SurveySettingsView | null;
}) {
  const { t, today } = props;
  const scale = today ? props.survey?.scales.find((s) => s.id === today.scaleId) : undefined;
  return (
    <section class="side-list ratings" aria-labelledby="ratings-title" data-testid="ratings-today">
      <h2 class="section-title" id="ratings-title">
        {t.ratingsTitle}
      </h2>
      {!today || !scale ? (
        <p class="list-empty">{t.noRatings}</p>
      ) : (
        <ul class="rating-levels">
          {scale.levels.map((l) => (
            <li key={l.id} data-level={l.id}>
              <span>{props.language === 'vi' ? l.name : l.nameEn}</span>
              <strong>{today.levels[l.id] ?? 0}</strong>
            </li>
          ))}
          <li class="rating-muted" data-level="not-rated">
            <span>{t.notRated}</span>
            <strong>{today.notRated}</strong>
          </li>
          {today.satisfactionRate !== null && (
            <li class="rating-rate" data-testid="satisfaction-rate">
              <span>{t.satisfactionRate}</span>
              <strong>{Math.round(today.satisfactionRate * 100)}%</strong>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
