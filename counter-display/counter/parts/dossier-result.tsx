import { useEffect, useRef, useState } from 'preact/hooks';
import type { DossierReceivedView } from '../../../common/contract/dossier-received-view.js';
import { errorText, type Language } from '../../../ui/i18n/error-text.js';
import { appointmentText, daysNumber } from '../state/dossier-format.js';
import {
  checkReasons,
  counterHasPrinter,
  counterPrintText,
  fetchReceipt,
  MAX_REASONS,
  printAtCounter,
  receiptPath,
  type Paper,
  type ReceiptForm,
} from '../state/dossier-receipt.js';
import type { DossierTexts } from '../state/dossier-text.js';

type Status = { readonly tone: 'info' | 'ok' | 'bad'; readonly text: string } | null;

/**
 * The dossier received: its code big (the officer reads it out and writes it on the folder), the
 * appointment, the look-up code, and the forms to print: the receipt (mẫu 01) on A4 or A5, and the
 * request for more documents (mẫu 02) or the refusal (mẫu 03) with the officer's reasons.
 */
const STEP_LABEL = {
  vi: { 5: 'Ghi nhận: yêu cầu bổ sung hồ sơ', 3: 'Ghi nhận: từ chối tiếp nhận' },
  en: { 5: 'Record: more papers asked', 3: 'Record: refused' },
} as const;
const STEP_DONE = {
  vi: {
    5: 'Đã ghi nhận yêu cầu bổ sung; hệ thống của tỉnh sẽ được cập nhật.',
    3: 'Đã ghi nhận từ chối tiếp nhận; hệ thống của tỉnh sẽ được cập nhật.',
  },
  en: {
    5: 'Recorded: more papers asked; the province system will be told.',
    3: 'Recorded: refused; the province system will be told.',
  },
} as const;

export function DossierResult(props: {
  t: DossierTexts;
  language: Language;
  token: string;
  dossier: DossierReceivedView['dossier'];
  /** The officer's counter: its thermal printer, when it has one, is offered beside the PDF. */
  counterId?: string;
  /**
   * Records the step a form 02/03 stands for (5: more papers asked, 3: refused), with the reasons
   * as its note. A separate button from printing: a reprint must not be a second step.
   */
  onStep?: (status: 3 | 5, note: string) => Promise<boolean>;
}) {
  const { t, dossier, counterId } = props;
  const [reasons, setReasons] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [hasPrinter, setHasPrinter] = useState(false);
  const reasonsField = useRef<HTMLTextAreaElement>(null);
  const tp = counterPrintText(props.language);

  useEffect(() => {
    if (!counterId) return;
    let live = true;
    void counterHasPrinter(counterId, props.token).then((present) => live && setHasPrinter(present));
    return () => void (live = false);
  }, [counterId, props.token]);

  // The roll at the counter: no window to open, the hub answers what became of the paper.
  const printHere = () => {
    if (!counterId) return;
    setStatus({ tone: 'info', text: t.printing });
    void printAtCounter(dossier.code, '01', null, counterId, props.token).then((ack) => {
      if (!ack.ok) return setStatus({ tone: 'bad', text: t.printFailed(errorText(ack.error, props.language)) });
      setStatus(
        ack.data.ok ? { tone: 'ok', text: tp.printed(t.formNames['01']) } : { tone: 'bad', text: tp.refused(ack.data.reason) },
      );
    });
  };

  const print = (form: ReceiptForm, paper: Paper) => {
    let text: string | null = null;
    if (form !== '01') {
      const checked = checkReasons(reasons);
      if (!checked.ok) {
        setStatus({ tone: 'bad', text: checked.problem === 'empty' ? t.reasonsEmpty : t.reasonsTooLong });
        reasonsField.current?.focus();
        return;
      }
      text = checked.text;
    }
    // Opened now, inside the press, or the browser's popup blocker would stop it after the fetch.
    const win = window.open('', '_blank');
    if (win) {
      win.document.title = t.printing;
      win.document.body.textContent = t.printing;
    }
    setStatus({ tone: 'info', text: t.printing });
    const name = t.formNames[form];
    void fetchReceipt(receiptPath(dossier.code, form, paper, text), props.token).then((ack) => {
      if (!ack.ok) {
        win?.close();
        const code = ack.error.code;
        const why =
          code === 'NOT_FOUND'
            ? t.printMissing
            : code === 'INTERNAL'
              ? t.printOffline
              : t.printFailed(errorText(ack.error, props.language));
        return setStatus({ tone: 'bad', text: why });
      }
      const url = URL.createObjectURL(ack.data);
      if (win && !win.closed) {
        win.location.href = url;
        setStatus({ tone: 'ok', text: t.printed(name) });
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.download = `${dossier.code}-mau-${form}.pdf`;
        link.click();
        setStatus({ tone: 'ok', text: t.downloaded(name) });
      }
      // Long enough for the new window to load it; then the memory is given back.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
  };

  return (
    <div class="dossier-result" data-testid="dossier-result">
      <p class="dossier-received">✓ {t.received}</p>
      <div class="dossier-result-main">
        <div>
          <span class="dossier-label">{t.dossierCode}</span>
          <div class="dossier-code" data-testid="dossier-code">
            {dossier.code}
          </div>
        </div>
        <dl class="dossier-result-facts">
          <div>
            <dt>{t.appointment}</dt>
            <dd data-testid="dossier-appointment">
              <strong>{appointmentText(dossier.appointmentAt, props.language)}</strong> ·{' '}
              {t.workingDays(daysNumber(dossier.workingDays, props.language))}
            </dd>
          </div>
          <div>
            <dt>{t.secret}</dt>
            <dd>
              <strong class="dossier-secret" data-testid="dossier-secret">
                {dossier.secret}
              </strong>{' '}
              <span class="dossier-note">{t.secretHint}</span>
            </dd>
          </div>
        </dl>
      </div>
      <div class="dossier-print">
        <button type="button" class="wide-button wide-button--primary" onClick={() => print('01', 'A4')} data-autofocus>
          {t.printA4}
        </button>
        <button type="button" class="wide-button" onClick={() => print('01', 'A5')}>
          {t.printA5}
        </button>
        {hasPrinter && (
          <button type="button" class="wide-button" onClick={printHere} data-testid="dossier-print-counter">
            {tp.button}
          </button>
        )}
      </div>
      <fieldset class="dossier-forms">
        <legend class="dossier-label">{t.otherForms}</legend>
        <label for="dossier-reasons" class="dossier-note">
          {t.reasonsLabel}
        </label>
        <textarea
          id="dossier-reasons"
          ref={reasonsField}
          class="dossier-input dossier-reasons"
          rows={3}
          maxLength={MAX_REASONS + 200}
          value={reasons}
          onInput={(e) => setReasons((e.target as HTMLTextAreaElement).value)}
          data-testid="dossier-reasons"
        />
        <div class="dossier-forms-row">
          <span class={`dossier-note${reasons.length > MAX_REASONS ? ' dossier-note--bad' : ''}`}>
            {t.reasonsCount(reasons.length)}
          </span>
          <span class="spacer" />
          <button type="button" class="wide-button" onClick={() => print('02', 'A4')}>
            {t.form02}
          </button>
          <button type="button" class="wide-button" onClick={() => print('03', 'A4')}>
            {t.form03}
          </button>
        </div>
        {props.onStep && (
          <div class="dossier-forms-row">
            <span class="spacer" />
            {([5, 3] as const).map((to) => (
              <button
                key={to}
                type="button"
                class="small-button"
                data-testid={`dossier-step-${to}`}
                disabled={reasons.trim().length === 0}
                onClick={() =>
                  void props
                    .onStep?.(to, reasons.trim().slice(0, 500))
                    .then((ok) => setStatus(ok ? { tone: 'ok', text: STEP_DONE[props.language][to] } : null))
                }
              >
                {STEP_LABEL[props.language][to]}
              </button>
            ))}
          </div>
        )}
      </fieldset>
      {status && (
        <p
          class={`note ${status.tone === 'bad' ? 'note--error' : 'note--info'}`}
          role={status.tone === 'bad' ? 'alert' : 'status'}
          data-testid="dossier-print-status"
        >
          {status.text}
        </p>
      )}
    </div>
  );
}
