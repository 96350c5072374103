import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DossierReceivedView } from '../../../common/contract/dossier-received-view.js';
import type { TicketView } from '../../../common/contract/hall-view.js';
import { errorText, type Language } from '../../../ui/i18n/error-text.js';
import type { ApplicantField } from '../state/dossier-applicant.js';
import { useProcedureRecord } from '../state/dossier-catalogue.js';
import type { useDossierDrafts } from '../state/dossier-entry.js';
import {
  addExtraDocument,
  buildReceiveInput,
  fieldId,
  firstProblemField,
  initialForm,
  placeRefusal,
  removeDocument,
  firstWrongStep,
  STEPS,
  updateDocument,
  withProcedure,
  type DossierForm,
  type FormField,
  type Problems,
  type Step,
} from '../state/dossier-form.js';
import { dossierText, problemText } from '../state/dossier-text.js';
import type { ConsoleCommands } from '../state/use-console-commands.js';
import { DossierApplicantStep } from './dossier-applicant-step.js';
import { DossierConfirmStep } from './dossier-confirm-step.js';
import { DossierDocumentsStep } from './dossier-documents-step.js';
import { DossierProcedureStep } from './dossier-procedure-step.js';
import { DossierResult } from './dossier-result.js';
import './dossier-dialog.css';

/** What the desk lends the dialog. */
export interface DossierContext {
  readonly token: string;
  readonly connected: boolean;
  readonly commands: ConsoleCommands;
  readonly counterId: string;
  /** The phone the citizen left at the kiosk (GET /api/tickets/:id), to save typing it again. */
  readonly phoneHint: string | null;
  readonly drafts: ReturnType<typeof useDossierDrafts>;
}

/**
 * "Tiếp nhận hồ sơ" for the ticket being served, in four steps an officer does without the mouse:
 * Enter goes on (and finally sends), Esc goes back (and from the first step closes), Tab stays in
 * the dialog. The hub's refusals come back to the field they are about. Closing keeps the work for
 * this ticket, so an Esc too many loses nothing.
 */
export function DossierDialog(props: { language: Language; ticket: TicketView; context: DossierContext; onClose: () => void }) {
  const { language, ticket, context } = props;
  const { commands } = context;
  const t = dossierText(language);
  const draft = useRef(context.drafts.get(ticket.id)).current;
  const [form, setForm] = useState<DossierForm>(
    () => draft?.form ?? initialForm({ procedureCode: ticket.procedureCode, phone: context.phoneHint }),
  );
  const [received, setReceived] = useState<DossierReceivedView['dossier'] | null>(draft?.received ?? null);
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [focusOn, setFocusOn] = useState<{ id: string } | null>(null);
  const frame = useRef<HTMLFormElement>(null);
  const load = useProcedureRecord(context.token, form.procedureCode, attempt);
  const procedure = load.status === 'ok' && load.procedure.code === form.procedureCode ? load.procedure : null;
  const busy = commands.busy !== null;

  useEffect(() => {
    if (procedure) setForm((f) => withProcedure(f, procedure));
  }, [procedure]);
  useEffect(() => context.drafts.set(ticket.id, { form, received }), [form, received]);
  // The kiosk's phone may arrive after the dialog opened (F10 pressed right after the call).
  useEffect(() => {
    const phone = context.phoneHint;
    if (phone) setForm((f) => (f.applicant.phone ? f : { ...f, applicant: { ...f.applicant, phone } }));
  }, [context.phoneHint]);
  // Each step (and the result) starts with the focus on its first field, so typing can begin.
  useLayoutEffect(() => {
    const root = frame.current;
    const first = root?.querySelector<HTMLElement>(
      '.dossier-body [data-autofocus], .dossier-body input:not([disabled]), .dossier-body textarea',
    );
    (first ?? root?.querySelector<HTMLElement>('button[type=submit]'))?.focus();
  }, [form.step, received === null]);
  useEffect(() => {
    if (focusOn) document.getElementById(focusOn.id)?.focus();
  }, [focusOn]);

  const show = (step: Step, found: Problems) => {
    setForm((f) => ({ ...f, step }));
    setProblems(found);
    const field = firstProblemField(found);
    if (field) setFocusOn({ id: field.startsWith('doc:') ? `${fieldId(field)}-originals` : fieldId(field) });
  };
  const go = (step: Step) => {
    setProblems({});
    setGeneral(null);
    setForm((f) => ({ ...f, step }));
  };
  const change = (next: (f: DossierForm) => DossierForm, ...fields: FormField[]) => {
    setForm(next);
    // A field's problem goes as soon as the officer changes that field.
    if (fields.some((f) => problems[f]))
      setProblems((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !fields.includes(k as FormField))));
  };

  const send = async () => {
    const built = buildReceiveInput(form, procedure, { counterId: context.counterId, ticketId: ticket.id });
    if (!built.ok) return show(built.step, built.problems);
    setGeneral(null);
    const ack = await commands.run<'dossier:receive', DossierReceivedView>('dossier:receive', built.input, {
      ticketId: ticket.id,
    });
    if (!ack) return;
    if (ack.ok) {
      setReceived(ack.data.dossier);
      commands.say({ kind: 'info', text: t.receivedMessage(ack.data.dossier.code) });
      return;
    }
    if (ack.error.code === 'UNAUTHENTICATED') return;
    // The refusal is shown here, where the officer is, not on the desk behind the dialog.
    commands.say(null);
    if (ack.error.code === 'INTERNAL') return setGeneral(t.lostAnswer);
    const place = placeRefusal(ack.error);
    if (place.field === null) return setGeneral(errorText(ack.error, language));
    if (place.field === 'workingDays') setForm((f) => ({ ...f, askWorkingDays: true }));
    show(place.step, { [place.field]: place.problem });
  };

  const next = () => {
    if (busy) return;
    if (received) return props.onClose();
    if (form.step === 4) return void send();
    if (form.step === 1 && load.status === 'failed')
      return show(1, { procedure: { key: load.error === 'NOT_FOUND' ? 'procedure-refused' : 'procedure-failed' } });
    const wrong = firstWrongStep(form, form.step, procedure);
    if (wrong) return show(wrong.step, wrong.problems);
    go((form.step + 1) as Step);
  };
  // Another dossier of the same citizen: the applicant and the procedure stay, the documents start again.
  const another = () => {
    setReceived(null);
    setProblems({});
    setGeneral(null);
    setForm((f) => ({ ...initialForm({ procedureCode: f.procedureCode, phone: null }), applicant: f.applicant }));
  };
  const back = () => (received || form.step === 1 ? props.onClose() : go((form.step - 1) as Step));

  const worded: Partial<Record<FormField, string>> = {};
  for (const [field, p] of Object.entries(problems)) if (p) worded[field as FormField] = problemText(p, t, language);

  return (
    <div class="dialog-backdrop dossier-backdrop">
      <form
        ref={frame}
        class="dialog dossier"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dossier-title"
        data-testid="dossier-dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) {
            e.preventDefault();
            back();
          } else if (e.key === 'Tab') keepTabInside(e, frame.current);
        }}
      >
        <header class="dossier-head">
          <h2 id="dossier-title" class="dialog-title">
            {t.title(ticket.number)}
          </h2>
          {!received && (
            <ol class="dossier-steps" aria-label={t.stepOf(form.step)}>
              {STEPS.map((s) => (
                <li
                  key={s}
                  class={`dossier-step-mark${s === form.step ? ' is-current' : s < form.step ? ' is-done' : ''}`}
                  aria-current={s === form.step ? 'step' : undefined}
                >
                  {s < form.step ? (
                    <button type="button" tabIndex={-1} onClick={() => go(s)}>
                      <span class="dossier-step-n">{s}</span> {t.steps[s - 1]}
                    </button>
                  ) : (
                    <span>
                      <span class="dossier-step-n">{s}</span> {t.steps[s - 1]}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </header>
        <div class="dossier-body">
          {received ? (
            <DossierResult
              t={t}
              language={language}
              token={context.token}
              dossier={received}
              counterId={context.counterId}
              onStep={async (status, note) => {
                const step = status === 5 ? ['yêu cầu bổ sung', 'more papers asked'] : ['từ chối tiếp nhận', 'refused'];
                const ack = await commands.run(
                  'dossier:update-status',
                  { counterId: context.counterId, code: received.code, status, note },
                  {
                    ticketId: null,
                    // The desk keeps saying the dossier was received, and now what was recorded.
                    done:
                      language === 'vi'
                        ? `Đã tiếp nhận hồ sơ ${received.code}; đã ghi nhận ${step[0]}.`
                        : `Dossier ${received.code} received; recorded: ${step[1]}.`,
                  },
                );
                return ack?.ok === true;
              }}
            />
          ) : form.step === 1 ? (
            <DossierProcedureStep
              t={t}
              language={language}
              token={context.token}
              kioskCode={ticket.procedureCode}
              load={load}
              problem={worded.procedure ?? null}
              onChoose={(code) => change((f) => ({ ...f, procedureCode: code }), 'procedure')}
              onRetry={() => setAttempt((n) => n + 1)}
            />
          ) : form.step === 2 ? (
            <DossierApplicantStep
              t={t}
              applicant={form.applicant}
              problems={worded}
              phoneFromKiosk={context.phoneHint !== null && form.applicant.phone === context.phoneHint}
              word={(p) => problemText(p, t, language)}
              onChange={(field: ApplicantField, value) =>
                change((f) => ({ ...f, applicant: { ...f.applicant, [field]: value } }), field)
              }
            />
          ) : form.step === 3 ? (
            <DossierDocumentsStep
              t={t}
              language={language}
              form={form}
              procedure={procedure}
              askWorkingDays={form.askWorkingDays}
              problems={worded}
              onDocument={(key, c) => change((f) => updateDocument(f, key, c), `doc:${key}`, 'documents')}
              onAdd={(name, o, c) => change((f) => addExtraDocument(f, name, o, c), 'documents')}
              onRemove={(key) => change((f) => removeDocument(f, key), `doc:${key}`, 'documents')}
              onChange={(c) => {
                const field = Object.keys(c)[0] as FormField;
                change((f) => ({ ...f, ...c }), field);
              }}
            />
          ) : (
            <DossierConfirmStep t={t} language={language} form={form} procedure={procedure} />
          )}
        </div>
        {general && (
          <p class="note note--error" role="alert" data-testid="dossier-error">
            {general}
          </p>
        )}
        <div class="dialog-actions dossier-actions">
          {context.connected ? (
            <span class="dossier-keys">{received ? '' : t.keysHint}</span>
          ) : (
            <span class="dossier-offline" role="status" data-testid="dossier-offline">
              {busy ? t.offlineSending : t.offline}
            </span>
          )}
          <span class="spacer" />
          {received ? (
            <button type="button" class="wide-button" onClick={another}>
              {t.another}
            </button>
          ) : (
            <button type="button" class="wide-button" onClick={props.onClose} disabled={busy}>
              {t.cancel}
            </button>
          )}
          {!received && form.step > 1 && (
            <button type="button" class="wide-button" onClick={back} disabled={busy}>
              {t.back}
            </button>
          )}
          <button type="submit" class="wide-button wide-button--primary" disabled={busy} data-testid="dossier-next">
            {received ? t.done : form.step < 4 ? t.next : busy ? t.sending : t.submit}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Tab and Shift+Tab go round inside the dialog: nothing behind it can take the focus. */
function keepTabInside(e: KeyboardEvent, root: HTMLElement | null): void {
  if (!root) return;
  const focusable = Array.from(
    root.querySelectorAll<HTMLElement>('input:not([disabled]), textarea, button:not([disabled]):not([tabindex="-1"]), summary'),
  ).filter((el) => el.offsetParent !== null);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
