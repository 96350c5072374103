import { useCallback, useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import type { ScreenConfig } from '../common/contract/screen-config.js';
import type { IssueResult } from '../common/contract/view-schemas.js';
import { BigButton } from '../ui/components/big-button.js';
import { ScreenFrame } from '../ui/components/screen-frame.js';
import { deviceKeyFromPage, newCommandId } from '../ui/device-key.js';
import { errorText, type Language } from '../ui/i18n/error-text.js';
import { kioskText } from '../ui/i18n/kiosk-text.js';
import { useHall } from '../ui/realtime/use-hall.js';
import { ChoosePriorityScreen } from './screens/choose-priority.js';
import { ChooseQueueScreen } from './screens/choose-queue.js';
import { HomeScreen } from './screens/home.js';
import { TicketShownScreen } from './screens/ticket-shown.js';
import { DossierEntryScreen } from './screens/dossier-entry.js';
import { ProcedureDetailScreen } from './screens/procedure-detail.js';
import { ProcedureSearchScreen } from './screens/procedure-search.js';
import { DossierStatusScreen } from './screens/dossier-status.js';
import { DossierDetailsScreen } from './screens/dossier-details.js';
import { useDossierDetailsCheck } from './state/use-dossier-details-check.js';
import { lookUpDossier } from './state/look-up-dossier.js';
import { useWedgeScanner } from './state/use-wedge-scanner.js';
import { countersOf, queueChoices } from './state/hall-queues.js';
import { kioskFlow } from './state/kiosk-flow.js';
import { useIdleReset } from './state/use-idle-reset.js';

const TICKET_SHOWN_SECONDS = 30;

export function KioskApp() {
  const deviceKey = useMemo(() => deviceKeyFromPage(), []);
  const auth = useMemo(() => (deviceKey ? { deviceKey } : null), [deviceKey]);
  const hall = useHall(auth);
  const [language, setLanguage] = useState<Language>('vi');
  const [config, setConfig] = useState<ScreenConfig | null>(null);
  const [step, dispatch] = useReducer(kioskFlow, { kind: 'home' });
  const [printed, setPrinted] = useState<{ ticketId: string; ok: boolean; reason: string | null } | null>(null);
  useEffect(() => hall.on('ticket:printed', setPrinted), [hall.on]);
  const t = kioskText(language);

  useEffect(() => {
    if (!deviceKey || !hall.connected || config) return;
    void fetch('/api/screen-config', { headers: { 'x-device-key': deviceKey } })
      .then((r) => r.json())
      .then((body: { ok: boolean; data: ScreenConfig }) => body.ok && setConfig(body.data))
      .catch(() => undefined); // retried on the next reconnect
  }, [deviceKey, hall.connected, config]);

  const goHome = useCallback(() => {
    dispatch({ type: 'home' });
    setLanguage('vi');
  }, []);
  useIdleReset(step.kind === 'ticket' ? TICKET_SHOWN_SECONDS : (config?.kioskIdleSeconds ?? 60), step.kind !== 'home', goHome);

  // The one place a ticket is requested: entering 'issuing' (first try or retry) sends its command once.
  const issuing = step.kind === 'issuing' ? step.commandId : null;
  useEffect(() => {
    if (step.kind !== 'issuing') return;
    const { commandId, queueId, priorityClass, procedureCode } = step;
    void hall
      .send<IssueResult>('ticket:issue', { commandId, queueId, priorityClass, ...(procedureCode ? { procedureCode } : {}) })
      .then((ack) =>
        dispatch(ack.ok ? { type: 'issued', commandId, result: ack.data } : { type: 'refused', commandId, error: ack.error }),
      );
  }, [issuing]);

  useWedgeScanner(useCallback((code: string) => dispatch({ type: 'scanned', code, nonce: Date.now() }), []));
  const looking = step.kind === 'dossier-looking' ? `${step.code}@${step.nonce}` : null;
  useEffect(() => {
    if (step.kind !== 'dossier-looking' || !deviceKey) return;
    void lookUpDossier(step.code, deviceKey).then((r) =>
      dispatch(r.ok ? { type: 'dossier-found', view: r.data } : { type: 'dossier-failed', error: r.error }),
    );
  }, [looking]);
  useDossierDetailsCheck(step, deviceKey, dispatch);

  if (!deviceKey) return <div class="fatal">{t.noKey}</div>;
  const view = hall.view;
  const queueName = (id: string) => {
    const q = view?.queues.find((x) => x.id === id);
    return q ? (language === 'vi' ? q.name : q.nameEn) : '';
  };

  const footer =
    step.kind === 'home' ? undefined : (
      <>
        {step.kind !== 'ticket' && step.kind !== 'issuing' && (
          <button class="footer-button" onClick={() => dispatch({ type: 'back' })} data-testid="back">
            ← {t.back}
          </button>
        )}
        <span class="spacer" />
        <button class="footer-button" onClick={goHome} data-testid={step.kind === 'ticket' ? 'done' : 'home'}>
          {step.kind === 'ticket' ? t.done : `⌂ ${t.home}`}
        </button>
      </>
    );

  return (
    <ScreenFrame
      title={config ? (language === 'vi' ? config.office.name : config.office.nameEn) : ''}
      languageLabel={t.language}
      onLanguage={() => setLanguage(language === 'vi' ? 'en' : 'vi')}
      banner={
        !hall.connected && (
          <div class="banner" role="status" data-testid="offline">
            {t.offline}
          </div>
        )
      }
      footer={footer}
    >
      {step.kind === 'home' && (
        <HomeScreen
          t={t}
          onTakeTicket={() => dispatch({ type: 'take-ticket' })}
          onProcedures={() => dispatch({ type: 'lookup-procedure' })}
          onDossier={() => dispatch({ type: 'lookup-dossier' })}
        />
      )}
      {step.kind === 'queues' && view && (
        <ChooseQueueScreen
          t={t}
          language={language}
          queues={queueChoices(view, Date.now())}
          onChoose={(queueId) =>
            dispatch({
              type: 'choose-queue',
              queueId,
              askPriority: (config?.priorityClasses.length ?? 0) > 0,
              commandId: newCommandId(),
            })
          }
        />
      )}
      {step.kind === 'priority' && config && (
        <ChoosePriorityScreen
          t={t}
          language={language}
          classes={config.priorityClasses}
          onChoose={(priorityClass) => dispatch({ type: 'choose-priority', priorityClass, commandId: newCommandId() })}
        />
      )}
      {step.kind === 'issuing' && <div class="status">{t.issuing}</div>}
      {step.kind === 'failed' && (
        <div class="failed">
          <p class="status" role="alert" data-testid="error">
            {step.error.code === 'INTERNAL' ? t.notYet : errorText(step.error, language)}
          </p>
          <BigButton tone="primary" title={t.retry} onClick={() => dispatch({ type: 'retry' })} testId="retry" />
        </div>
      )}
      {step.kind === 'ticket' && (
        <TicketShownScreen
          t={t}
          language={language}
          result={step.result}
          queueName={queueName(step.result.ticket.queueId)}
          counters={countersOf(view, step.result.ticket.queueId)}
          classes={config?.priorityClasses ?? []}
          printed={printed && printed.ticketId === step.result.ticket.id ? printed : null}
        />
      )}
      {step.kind === 'procedures' && (
        <ProcedureSearchScreen
          t={t}
          query={step.query}
          deviceKey={deviceKey}
          onQuery={(query) => dispatch({ type: 'type-query', query })}
          onOpen={(code) => dispatch({ type: 'open-procedure', code })}
        />
      )}
      {step.kind === 'procedure' && (
        <ProcedureDetailScreen
          t={t}
          code={step.code}
          deviceKey={deviceKey}
          queueName={(field) => {
            const id = field ? config?.fieldQueues[field] : undefined;
            return id ? queueName(id) : null;
          }}
          onTicket={(field) => {
            const queueId = field ? config?.fieldQueues[field] : undefined;
            if (queueId)
              dispatch({
                type: 'ticket-for-procedure',
                queueId,
                code: step.code,
                askPriority: (config?.priorityClasses.length ?? 0) > 0,
                commandId: newCommandId(),
              });
          }}
        />
      )}
      {step.kind === 'dossier-entry' && (
        <DossierEntryScreen
          t={t}
          typed={step.typed}
          onType={(typed) => dispatch({ type: 'type-code', typed })}
          onSubmit={() => dispatch({ type: 'submit-code' })}
        />
      )}
      {step.kind === 'dossier-looking' && <div class="status">{t.looking}</div>}
      {step.kind === 'dossier-error' && (
        <p class="status" role="alert" data-testid="error">
          {errorText(step.error, language)}
        </p>
      )}
      {step.kind === 'dossier-result' && (
        <DossierStatusScreen
          t={t}
          view={step.view}
          canTakeResultTicket={Boolean(config?.resultQueueId)}
          onResultTicket={() =>
            config?.resultQueueId &&
            dispatch({ type: 'take-result-ticket', queueId: config.resultQueueId, commandId: newCommandId() })
          }
          onMoreDetails={() => dispatch({ type: 'open-details' })}
        />
      )}
      {step.kind === 'dossier-details' && (
        <DossierDetailsScreen
          t={t}
          language={language}
          view={step.view}
          step={step.details}
          onAction={(action) => dispatch({ type: 'details', action })}
        />
      )}
    </ScreenFrame>
  );
}
