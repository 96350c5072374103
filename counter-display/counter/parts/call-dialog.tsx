import { useState } from 'preact/hooks';
import type { HallView, TicketView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import { findTicketByNumber } from '../state/find-ticket.js';
import { Dialog } from './dialog.js';

/** "Gọi số": a number typed (a numeric keypad is enough) or picked from the waiting list. */
export function CallDialog(props: {
  t: ConsoleTexts;
  view: HallView;
  counterId: string;
  initial: string;
  busy: boolean;
  onCancel: () => void;
  onCall: (ticket: TicketView) => void;
}) {
  const { t } = props;
  const [typed, setTyped] = useState(props.initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const found = findTicketByNumber(props.view, props.counterId, typed);
    if (found.ok) return props.onCall(found.ticket);
    setProblem(found.reason === 'empty' ? t.typeNumber : found.reason === 'ambiguous' ? t.ambiguous : t.notFound(typed.trim()));
  };
  return (
    <Dialog
      title={t.callTitle}
      cancelLabel={t.cancel}
      submitLabel={t.callThis}
      submitDisabled={props.busy}
      onCancel={props.onCancel}
      onSubmit={submit}
      testId="call-dialog"
    >
      <label class="field">
        <span>{t.numberLabel}</span>
        <input
          name="number"
          value={typed}
          autoComplete="off"
          spellcheck={false}
          maxLength={12}
          onInput={(e) => {
            setTyped((e.target as HTMLInputElement).value);
            setProblem(null);
          }}
        />
      </label>
      <p class="field-hint">{t.numberHint}</p>
      {problem && (
        <p class="note note--error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
