import type { ErrorBody } from '../../common/contract/errors.js';
import { errorText, type Language } from '../../ui/i18n/error-text.js';
import type { SurveyTexts } from '../../ui/i18n/survey-text.js';

/** A rating that did not land, said gently: the citizen can do nothing about it, so no alarm. */
export function NoticeScreen(props: { t: SurveyTexts; language: Language; notice: 'closed' | 'lost' | ErrorBody }) {
  const { t, notice } = props;
  const [title, line] =
    notice === 'closed'
      ? [t.closed, t.closedLine]
      : notice === 'lost'
        ? [t.lost, t.lostLine]
        : [errorText(notice, props.language), t.closedLine];
  return (
    <div class="notice" role="status" data-testid="notice" data-notice={typeof notice === 'string' ? notice : notice.code}>
      <h1 class="notice-title">{title}</h1>
      <p class="notice-line">{line}</p>
    </div>
  );
}
