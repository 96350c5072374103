import type { SurveyTexts } from '../../ui/i18n/survey-text.js';

/** Between citizens: the office (in the frame above), a calm line, nothing to tap. */
export function IdleScreen(props: { t: SurveyTexts; counterNumber: number; parentAuthority: string }) {
  const { t } = props;
  return (
    <div class="idle" data-testid="idle">
      <div class="idle-counter">{t.counter(props.counterNumber)}</div>
      <h1 class="idle-line">{t.idleLine}</h1>
      <p class="idle-hint">{t.idleHint}</p>
      {props.parentAuthority && <p class="idle-authority">{props.parentAuthority}</p>}
    </div>
  );
}
