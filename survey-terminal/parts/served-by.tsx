import type { SurveyTexts } from '../../ui/i18n/survey-text.js';
import { CountdownRing } from './countdown-ring.js';

/** Whose service is being rated: the officer and the ticket, so the citizen knows it is theirs. */
export function ServedBy(props: { t: SurveyTexts; officerName: string | null; number: string; share: number; seconds: number }) {
  const { t } = props;
  return (
    <div class="served-by">
      <div class="served-by-facts">
        {props.officerName && (
          <div class="served-by-officer">
            {t.servedBy}: <strong data-testid="officer-name">{props.officerName}</strong>
          </div>
        )}
        <div class="served-by-ticket">
          {t.ticket}: <strong data-testid="ticket-number">{props.number}</strong>
        </div>
      </div>
      <CountdownRing share={props.share} seconds={props.seconds} label={t.secondsLeft(props.seconds)} />
    </div>
  );
}
