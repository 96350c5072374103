import type { SurveyReason, SurveyScale } from '../../common/domain/survey-scale.js';
import type { Language } from '../../ui/i18n/error-text.js';
import type { SurveyTexts } from '../../ui/i18n/survey-text.js';
import type { Answers } from '../state/survey-flow.js';
import { FaceIcon } from '../parts/face-icon.js';

/**
 * The rating as sent: a rating is final, so the citizen sees what was chosen. While the hub has not
 * answered yet it says "sending", never "thank you" for something not recorded.
 */
export function ThanksScreen(props: {
  t: SurveyTexts;
  language: Language;
  scale: SurveyScale;
  answers: Answers;
  reason: SurveyReason | null;
  sent: boolean;
}) {
  const { t, language, scale } = props;
  const overall = scale.criteria[0];
  const level = (criterionId: string) => scale.levels.find((l) => l.id === props.answers[criterionId]);
  const main = overall ? level(overall.id) : undefined;
  const others = scale.criteria.slice(1).filter((c) => level(c.id));
  return (
    <div class="thanks" data-testid={props.sent ? 'thanks' : 'sending'} role="status">
      <h1 class="thanks-title">{props.sent ? t.thanks : t.sending}</h1>
      {main && (
        <div class="thanks-choice" data-testid="chosen" data-level={main.id}>
          <FaceIcon icon={main.icon} />
          <div>
            <div class="thanks-label">{t.youChose}</div>
            <div class="thanks-level">{language === 'vi' ? main.name : main.nameEn}</div>
          </div>
        </div>
      )}
      {others.length > 0 && (
        <ul class="thanks-others">
          {others.map((c) => {
            const l = level(c.id);
            return (
              <li key={c.id}>
                {language === 'vi' ? c.question : c.questionEn}:{' '}
                <strong>{l ? (language === 'vi' ? l.name : l.nameEn) : ''}</strong>
              </li>
            );
          })}
        </ul>
      )}
      {props.reason && (
        <div class="thanks-reason" data-testid="chosen-reason">
          {t.reason}: <strong>{language === 'vi' ? props.reason.text : props.reason.textEn}</strong>
        </div>
      )}
      {props.sent && <p class="thanks-line">{t.thanksLine}</p>}
    </div>
  );
}
