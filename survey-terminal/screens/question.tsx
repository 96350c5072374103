import type { SurveyCriterion, SurveyLevel } from '../../common/domain/survey-scale.js';
import type { Language } from '../../ui/i18n/error-text.js';
import type { SurveyTexts } from '../../ui/i18n/survey-text.js';
import { FaceIcon } from '../parts/face-icon.js';

/**
 * One criterion, one big button per level, best first: a face and the words, never colour alone.
 * The buttons stay disabled for a moment after the screen changes, so a bounce of the finger that
 * answered the last question does not also answer this one.
 */
export function QuestionScreen(props: {
  t: SurveyTexts;
  language: Language;
  criterion: SurveyCriterion;
  levels: readonly SurveyLevel[];
  index: number;
  count: number;
  enabled: boolean;
  onChoose: (levelId: string) => void;
}) {
  const { t, language } = props;
  return (
    <div class="question-screen" key={props.criterion.id}>
      {props.count > 1 && <div class="question-step">{t.questionOf(props.index + 1, props.count)}</div>}
      <h1 class="survey-question" data-testid="question">
        {language === 'vi' ? props.criterion.question : props.criterion.questionEn}
      </h1>
      <div class={`levels levels--${props.levels.length}`}>
        {props.levels.map((level, i) => (
          <button
            key={level.id}
            class={`level level--${level.icon}`}
            disabled={!props.enabled}
            onClick={() => props.onChoose(level.id)}
            data-testid={`level-${level.id}`}
            data-key={i + 1}
          >
            <FaceIcon icon={level.icon} />
            <span class="level-name">{language === 'vi' ? level.name : level.nameEn}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
