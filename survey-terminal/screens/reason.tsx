import type { SurveyReason } from '../../common/domain/survey-scale.js';
import type { Language } from '../../ui/i18n/error-text.js';
import type { SurveyTexts } from '../../ui/i18n/survey-text.js';

/** After a poor answer: one reason from the site's short list, or Bỏ qua. Never typing. */
export function ReasonScreen(props: {
  t: SurveyTexts;
  language: Language;
  reasons: readonly SurveyReason[];
  enabled: boolean;
  onReason: (reasonId: string | null) => void;
}) {
  const { t, language } = props;
  return (
    <div class="question-screen">
      <h1 class="survey-question" data-testid="question">
        {t.reasonQuestion}
      </h1>
      <p class="reason-hint">{t.reasonHint}</p>
      <div class="reasons">
        {props.reasons.map((r) => (
          <button
            key={r.id}
            class="reason"
            disabled={!props.enabled}
            onClick={() => props.onReason(r.id)}
            data-testid={`reason-${r.id}`}
          >
            {language === 'vi' ? r.text : r.textEn}
          </button>
        ))}
        <button
          class="reason reason--skip"
          disabled={!props.enabled}
          onClick={() => props.onReason(null)}
          data-testid="reason-skip"
        >
          {t.skip}
        </button>
      </div>
    </div>
  );
}
