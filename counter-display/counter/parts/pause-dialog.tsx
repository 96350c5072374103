import { useEffect, useRef, useState } from 'preact/hooks';
import { PAUSE_REASONS, type ConsoleTexts } from '../../../ui/i18n/console-text.js';
import { Dialog } from './dialog.js';

const OTHER = '';

/** Pausing asks why, from the usual reasons or in the officer's words; the hall's screens show it. */
export function PauseDialog(props: { t: ConsoleTexts; busy: boolean; onCancel: () => void; onPause: (reason: string) => void }) {
  const { t } = props;
  const [choice, setChoice] = useState<string>(PAUSE_REASONS[0]);
  const [other, setOther] = useState('');
  const [problem, setProblem] = useState(false);
  const otherField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (choice === OTHER) otherField.current?.focus();
  }, [choice]);
  const submit = () => {
    const reason = choice === OTHER ? other.trim() : choice;
    if (!reason) return setProblem(true);
    props.onPause(reason.slice(0, 100));
  };
  return (
    <Dialog
      title={t.pauseTitle}
      cancelLabel={t.cancel}
      submitLabel={t.pauseDo}
      submitDisabled={props.busy}
      onCancel={props.onCancel}
      onSubmit={submit}
      testId="pause-dialog"
    >
      <fieldset class="choices">
        <legend class="visually-hidden">{t.pauseTitle}</legend>
        {[...PAUSE_REASONS, OTHER].map((value, i) => (
          <label key={value} class="choice">
            <input
              type="radio"
              name="reason"
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                setProblem(false);
              }}
            />
            <span>{value === OTHER ? t.otherReason : (t.pauseReasonLabels[i] ?? value)}</span>
          </label>
        ))}
      </fieldset>
      {choice === OTHER && (
        <label class="field">
          <span>{t.otherReasonLabel}</span>
          <input
            name="other-reason"
            value={other}
            maxLength={100}
            onInput={(e) => {
              setOther((e.target as HTMLInputElement).value);
              setProblem(false);
            }}
            ref={otherField}
          />
        </label>
      )}
      {problem && (
        <p class="note note--error" role="alert">
          {t.reasonNeeded}
        </p>
      )}
    </Dialog>
  );
}
