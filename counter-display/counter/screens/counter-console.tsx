import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { CounterAction } from '../../../common/contract/counter-actions.js';
import type { CounterView, HallView } from '../../../common/contract/hall-view.js';
import type { ScreenConfig } from '../../../common/contract/screen-config.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { ActionPad } from '../parts/action-pad.js';
import { CurrentTicket } from '../parts/current-ticket.js';
import { DeskDialogs } from '../parts/desk-dialogs.js';
import { MessageLine } from '../parts/message-line.js';
import { NoShowList, WaitingList } from '../parts/waiting-list.js';
import { actionStates } from '../state/action-states.js';
import { currentTicketOf, noShowRows, recallsOf, waitingRows } from '../state/counter-lists.js';
import { mayActOnAnyCounter, type OfficerSession } from '../state/session.js';
import type { ConsoleCommands } from '../state/use-console-commands.js';
import { useDeskActions } from '../state/use-desk-actions.js';
import { useNow } from '../state/use-now.js';
import { useShortcuts } from '../state/use-shortcuts.js';
import { useTicketDetail } from '../state/use-ticket-detail.js';
import { useSatisfaction } from '../state/use-satisfaction.js';
import { SatisfactionTodayPanel } from '../parts/satisfaction-today.js';
import { DOSSIER_KEY, dossierEntryState, useDossierDrafts, useDossierKey } from '../state/dossier-entry.js';
import { dossierText } from '../state/dossier-text.js';

/**
 * The officer's desk: the current ticket big, the actions with their keys, the waiting and
 * no-show lists. Everything shown comes from the hub's live view, so after a blip or a restart the
 * console shows the hub's truth by itself; the only local state is which dialog is open.
 */
export function CounterConsole(props: {
  t: ConsoleTexts;
  language: Language;
  view: HallView;
  counter: CounterView;
  session: OfficerSession;
  config: ScreenConfig | null;
  connected: boolean;
  commands: ConsoleCommands;
  head: (title: string | null, extra?: ComponentChildren) => ComponentChildren;
  onLeave: () => void;
}) {
  const { t, view, counter, commands } = props;
  const now = useNow(1000);
  const current = currentTicketOf(view, counter.id);
  const detail = useTicketDetail(props.session.token, current?.id ?? null, props.connected);
  const desk = useDeskActions({ t, commands, counter, current, onLeave: props.onLeave });
  // Until the screen config arrives the limit is unknown: the hub's RECALL_LIMIT refusal still tells.
  const maxRecalls = props.config?.maxRecalls ?? null;
  const served = counter.served;
  const officerId = props.session.officer.id;
  // Moves when a chance to rate opens, is answered or lapses at this counter: then the figures are refetched.
  const surveyTrigger = `${served}:${view.surveys
    .filter((s) => s.counterId === counter.id)
    .map((s) => s.ticketId)
    .join(',')}`;
  const ratings = useSatisfaction(props.session.token, counter.id, officerId, surveyTrigger, props.connected);
  const supervisor = mayActOnAnyCounter(props.session.officer.role);
  const busy = commands.busy !== null;
  const states = actionStates({
    view,
    counterId: counter.id,
    officerId,
    mayActOnAny: supervisor,
    connected: props.connected,
    busy,
    maxRecalls,
    recallRefusedFor: desk.recallRefusedFor,
  });
  const act = (action: CounterAction) => desk.act(action, states);
  useShortcuts(desk.open.kind === 'none', act);
  const dossierState = dossierEntryState(states);
  const openDossier = () => desk.openDossier(dossierState);
  useDossierKey(desk.open.kind === 'none', openDossier);
  const dossierDrafts = useDossierDrafts();
  // The ticket left the counter by another hand (a supervisor, a restart): the dialog has nothing to receive for.
  useEffect(() => {
    if (desk.open.kind === 'dossier' && !current) desk.close();
  }, [desk.open.kind, current?.id]);
  const dt = dossierText(props.language);

  const queueName = (id: string) => {
    const q = view.queues.find((x) => x.id === id);
    return q ? (props.language === 'vi' ? q.name : q.nameEn) : id;
  };
  const priorityName = (id: string | null) => {
    if (id === null) return null;
    const c = props.config?.priorityClasses.find((x) => x.id === id);
    return c ? (props.language === 'vi' ? c.name : c.nameEn) : id;
  };
  const mayAct = counter.officerId === officerId || supervisor;
  const canClose = props.connected && !busy && counter.status !== 'closed' && mayAct;
  const statusText =
    counter.status === 'paused' && counter.pauseReason ? t.pausedFor(counter.pauseReason) : t.status[counter.status];

  return (
    <div class="console">
      {props.head(
        counter.name,
        <>
          <span class={`status-pill status-pill--${counter.status}`} data-testid="counter-status">
            {statusText}
          </span>
          <span class="head-served">{t.servedToday(served)}</span>
        </>,
      )}
      <main class="desk">
        <div class="desk-main">
          <MessageLine t={t} language={props.language} view={view} commands={commands} />
          {counter.status === 'closed' && (
            <div class="closed-note" role="status" data-testid="counter-closed">
              <span>{t.counterClosed}</span>
              <button
                type="button"
                class="wide-button wide-button--primary"
                disabled={!props.connected || busy}
                onClick={() => void desk.reopen()}
              >
                {t.reopen(counter.number)}
              </button>
              <button type="button" class="wide-button" onClick={props.onLeave}>
                {t.otherCounter}
              </button>
            </div>
          )}
          <CurrentTicket
            t={t}
            ticket={current}
            queueName={current ? queueName(current.queueId) : ''}
            priorityName={current ? priorityName(current.priorityClass) : null}
            detail={detail}
            maxRecalls={maxRecalls}
            now={now}
          />
          <ActionPad
            t={t}
            states={states}
            paused={counter.status === 'paused'}
            busy={busy}
            recallsLine={current && maxRecalls !== null ? `${recallsOf(current)}/${maxRecalls}` : null}
            onAction={act}
          />
          <div class="desk-foot">
            <button
              type="button"
              class="wide-button dossier-open"
              disabled={!dossierState.enabled}
              aria-keyshortcuts={DOSSIER_KEY}
              title={dossierState.enabled ? undefined : t.blocked[dossierState.reason]}
              onClick={openDossier}
              data-testid="open-dossier"
            >
              <span>{dt.open}</span>
              <kbd class="action-key" aria-hidden="true">
                {DOSSIER_KEY}
              </kbd>
            </button>
            <button
              type="button"
              class="small-button"
              disabled={!props.connected || busy || counter.status === 'closed' || !mayAct}
              onClick={() => desk.setOpen({ kind: 'return-result' })}
              data-testid="open-return-result"
            >
              {props.language === 'vi' ? 'Trả kết quả' : 'Hand over result'}
            </button>
            {supervisor && counter.officerId !== officerId && (
              <button type="button" class="small-button" onClick={props.onLeave}>
                {t.otherCounter}
              </button>
            )}
            <span class="spacer" />
            {counter.status !== 'closed' && (
              <button
                type="button"
                class="small-button"
                disabled={!canClose}
                onClick={() => desk.setOpen({ kind: 'close' })}
                data-testid="close-counter"
              >
                {t.closeCounter}
              </button>
            )}
          </div>
        </div>
        <div class="desk-side">
          <WaitingList
            t={t}
            rows={waitingRows(view, counter.id, now)}
            queueName={queueName}
            priorityName={priorityName}
            canCall={states['call-specific'].enabled}
            onPick={(ticket) => desk.setOpen({ kind: 'call', initial: ticket.number })}
          />
          <NoShowList
            t={t}
            tickets={noShowRows(view, counter.id)}
            queueName={queueName}
            canAct={props.connected && !busy}
            onReturn={(ticket) => void commands.run('ticket:return', { ticketId: ticket.id }, { ticketId: ticket.id })}
          />
          <SatisfactionTodayPanel t={t} language={props.language} today={ratings} survey={props.config?.survey ?? null} />
        </div>
      </main>
      <DeskDialogs
        t={t}
        language={props.language}
        view={view}
        counterId={counter.id}
        current={current}
        busy={busy}
        desk={desk}
        dossier={{
          token: props.session.token,
          connected: props.connected,
          commands,
          counterId: counter.id,
          phoneHint: detail?.detail?.phone ?? null,
          drafts: dossierDrafts,
        }}
        onReturnResult={(code) =>
          commands.run(
            'dossier:update-status',
            { counterId: counter.id, code, status: 10 },
            {
              ticketId: null,
              done:
                props.language === 'vi' ? `Đã ghi nhận trả kết quả hồ sơ ${code}.` : `Recorded: result of ${code} handed over.`,
            },
          )
        }
      />
    </div>
  );
}
