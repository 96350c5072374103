import type { ScreenConfig } from '../../common/contract/screen-config.js';
import { BigButton } from '../../ui/components/big-button.js';
import type { Language } from '../../ui/i18n/error-text.js';
import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';

/** "No" comes first and largest: most citizens are not in a priority group and should not hesitate. */
export function ChoosePriorityScreen(props: {
  t: KioskTexts;
  language: Language;
  classes: ScreenConfig['priorityClasses'];
  onChoose: (priorityClass: string | null) => void;
}) {
  const { t } = props;
  return (
    <>
      <h1 class="question">{t.priorityQuestion}</h1>
      <div class="choices">
        <BigButton
          tone="primary"
          testId="priority-none"
          title={t.priorityNo}
          hint={t.priorityNoHint}
          onClick={() => props.onChoose(null)}
        />
        {props.classes.map((c) => (
          <BigButton
            key={c.id}
            tone="priority"
            testId={`priority-${c.id}`}
            title={props.language === 'vi' ? c.name : c.nameEn}
            onClick={() => props.onChoose(c.id)}
          />
        ))}
      </div>
    </>
  );
}
