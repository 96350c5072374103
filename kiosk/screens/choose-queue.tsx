import { BigButton } from '../../ui/components/big-button.js';
import type { Language } from '../../ui/i18n/error-text.js';
import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';
import type { QueueChoice } from '../state/hall-queues.js';

export function ChooseQueueScreen(props: {
  t: KioskTexts;
  language: Language;
  queues: readonly QueueChoice[];
  onChoose: (queueId: string) => void;
}) {
  const { t } = props;
  return (
    <>
      <h1 class="question">{t.chooseField}</h1>
      <div class="choices">
        {props.queues.map((q) => (
          <BigButton
            key={q.id}
            testId={`queue-${q.id}`}
            title={props.language === 'vi' ? q.name : q.nameEn}
            hint={q.closedHours ? t.closedHours(q.closedHours) : q.anyOpen ? t.counters(q.counters) : t.notOpenYet(q.counters)}
            disabled={q.closedHours !== null}
            aside={t.waiting(q.waiting)}
            onClick={() => props.onChoose(q.id)}
          />
        ))}
      </div>
    </>
  );
}
