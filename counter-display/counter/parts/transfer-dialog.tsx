import { useState } from 'preact/hooks';
import type { HallView, TicketView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import type { TransferTarget } from '../state/use-desk-actions.js';
import { Dialog } from './dialog.js';

/**
 * "Chuyển": to another queue (the ticket keeps its place by issue time) or to an open counter
 * (called there first), with a note for whoever receives the citizen.
 */
export function TransferDialog(props: {
  t: ConsoleTexts;
  language: Language;
  view: HallView;
  counterId: string;
  ticket: TicketView;
  busy: boolean;
  onCancel: () => void;
  onTransfer: (target: TransferTarget, note: string | null) => void;
}) {
  const { t, view } = props;
  const [target, setTarget] = useState<string>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState(false);
  const queues = view.queues.filter((q) => q.id !== props.ticket.queueId);
  const counters = view.counters
    .filter((c) => c.id !== props.counterId && c.status !== 'closed')
    .sort((a, b) => a.number - b.number);
  const submit = () => {
    const [kind, id] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
    if (!id) return setProblem(true);
    const trimmed = note.trim().slice(0, 200);
    props.onTransfer(kind === 'queue' ? { toQueueId: id } : { toCounterId: id }, trimmed || null);
  };
  const option = (value: string, label: string, testId: string) => (
    <label key={value} class="choice">
      <input
        type="radio"
        name="target"
        value={value}
        checked={target === value}
        onChange={() => {
          setTarget(value);
          setProblem(false);
        }}
        data-testid={testId}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <Dialog
      title={t.transferTitle(props.ticket.number)}
      cancelLabel={t.cancel}
      submitLabel={t.transferDo}
      submitDisabled={props.busy}
      onCancel={props.onCancel}
      onSubmit={submit}
      testId="transfer-dialog"
      wide
    >
      <div class="transfer-targets">
        <fieldset class="choices">
          <legend>{t.toQueue}</legend>
          {queues.map((q) => option(`queue:${q.id}`, props.language === 'vi' ? q.name : q.nameEn, `transfer-queue-${q.id}`))}
        </fieldset>
        <fieldset class="choices">
          <legend>{t.toCounter}</legend>
          {counters.length === 0 ? (
            <p class="list-empty">{t.noOpenCounter}</p>
          ) : (
            counters.map((c) => option(`counter:${c.id}`, c.name, `transfer-counter-${c.id}`))
          )}
        </fieldset>
      </div>
      <label class="field">
        <span>{t.noteLabel}</span>
        <input name="note" value={note} maxLength={200} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </label>
      {problem && (
        <p class="note note--error" role="alert">
          {t.chooseTarget}
        </p>
      )}
    </Dialog>
  );
}
