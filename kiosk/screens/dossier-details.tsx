import type { DossierStatusView } from '../../common/contract/dossier-view.js';
import { vnClock } from '../../common/time/vn-time.js';
import { vnDateLine } from '../../ui/components/screen-frame.js';
import { errorText, type Language } from '../../ui/i18n/error-text.js';
import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';
import { FACTOR_LENGTH, type DetailsAction, type DetailsStep, type DossierDetails } from '../state/dossier-details-flow.js';
import './dossier-details.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The receipt holder's view of a dossier. Asking comes first: digits only, on keys as big as the
 * theme's targets, one box per digit so the citizen sees how many are left to type.
 */
export function DossierDetailsScreen(props: {
  t: KioskTexts;
  language: Language;
  view: DossierStatusView;
  step: DetailsStep;
  onAction: (action: DetailsAction) => void;
}) {
  const { t, step } = props;
  if (step.kind === 'checking') return <div class="status">{t.checking}</div>;
  if (step.kind === 'shown') return <DetailsShown t={t} details={step.details} />;

  const length = FACTOR_LENGTH[step.factor];
  const press = (digit: string) => props.onAction({ type: 'press', digit });
  return (
    <div class="details-ask" data-testid="details-ask">
      <div class="details-ask-text">
        <div class="dossier-code">
          {t.dossierCode}: {props.view.code}
        </div>
        <h1 class="question details-question" data-testid="details-question">
          {step.factor === 'secret' ? t.askSecret : t.askIdLast4}
        </h1>
        <output class="details-boxes" data-testid="details-typed" aria-live="polite">
          {Array.from({ length }, (_, i) => (
            <span key={i} class={`details-box${i === step.typed.length ? ' details-box--next' : ''}`}>
              {step.typed.charAt(i)}
            </span>
          ))}
        </output>
        {step.refusal && (
          <p class="details-refusal" role="alert" data-testid="details-error">
            {refusalText(t, props.language, step)}
          </p>
        )}
        <button class="details-switch" onClick={() => props.onAction({ type: 'switch-factor' })} data-testid="details-switch">
          {step.factor === 'secret' ? t.useIdLast4 : t.useSecret}
        </button>
      </div>
      <div class="details-pad">
        {DIGITS.map((d) => (
          <button key={d} class="key details-key" onClick={() => press(d)} data-testid={`digit-${d}`}>
            {d}
          </button>
        ))}
        <button
          class="key details-key details-key--erase"
          onClick={() => props.onAction({ type: 'erase' })}
          data-testid="digit-erase"
        >
          ⌫ {t.erase}
        </button>
        <button class="key details-key" onClick={() => press('0')} data-testid="digit-0">
          0
        </button>
        <button
          class="key-submit details-submit"
          disabled={step.typed.length !== length}
          onClick={() => props.onAction({ type: 'submit', nonce: Date.now() })}
          data-testid="details-submit"
        >
          {t.showDetails}
        </button>
      </div>
    </div>
  );
}

function refusalText(t: KioskTexts, language: Language, step: Extract<DetailsStep, { kind: 'asking' }>): string {
  const refusal = step.refusal;
  if (!refusal) return '';
  if (refusal.error.code === 'DOSSIER_NOT_FOUND') return step.factor === 'secret' ? t.secretMiss : t.idLast4Miss;
  const text = errorText(refusal.error, language);
  return refusal.error.code === 'RATE_LIMITED' && refusal.retryAfterSec
    ? `${text} ${t.retryInMinutes(Math.ceil(refusal.retryAfterSec / 60))}`
    : text;
}

function DetailsShown(props: { t: KioskTexts; details: DossierDetails }) {
  const { t, details } = props;
  const when = (at: number) => `${vnDateLine(at)}, ${vnClock(at)}`;
  return (
    <div class="dossier-details" data-testid="dossier-details">
      <div class="dossier-code">
        {t.dossierCode}: {details.code}
      </div>
      <dl class="details-list">
        <dt>{t.procedure}</dt>
        <dd class="details-procedure" data-testid="details-procedure">
          {details.procedureName}
        </dd>
        <dt>{t.applicant}</dt>
        <dd data-testid="details-applicant">{details.applicantName}</dd>
        <dt>{t.receivedOn}</dt>
        <dd data-testid="details-received">{when(details.receivedAt)}</dd>
        <dt>{t.appointment}</dt>
        <dd data-testid="details-appointment">{when(details.appointmentAt)}</dd>
        <dt>{t.documentsHandedIn}</dt>
        <dd data-testid="details-documents">{t.documentCount(details.documents)}</dd>
        <dt>{t.resultReturn}</dt>
        <dd data-testid="details-delivery">{t.delivery(details.resultDelivery)}</dd>
      </dl>
    </div>
  );
}
