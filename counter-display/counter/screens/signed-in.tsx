import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ScreenConfig } from '../../../common/contract/screen-config.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { useHall } from '../../../ui/realtime/use-hall.js';
import { counterHeldBy } from '../state/counter-lists.js';
import { hubRequest } from '../state/hub-api.js';
import { CONSOLE_COUNTER_KEY as COUNTER_KEY, type OfficerSession } from '../state/session.js';
import { useConsoleCommands } from '../state/use-console-commands.js';
import { useSessionCheck } from '../state/use-session-check.js';
import { ConsoleHead } from '../parts/console-head.js';
import { ChooseCounterScreen } from './choose-counter.js';
import { CounterConsole } from './counter-console.js';

/**
 * A signed-in officer: one hall connection with their token, the office's screen config, and the
 * counter they work at. An officer who holds a counter open goes straight to it (after a reload, a
 * hub restart, or on another PC); a supervisor's chosen counter is kept for the browser tab.
 */
export function SignedIn(props: {
  session: OfficerSession;
  t: ConsoleTexts;
  language: Language;
  onLanguage: () => void;
  onSignOut: () => void;
  onSessionEnded: () => void;
}) {
  const { session, t } = props;
  const auth = useMemo(() => ({ token: session.token }), [session.token]);
  const hall = useHall(auth);
  const commands = useConsoleCommands(hall, props.onSessionEnded);
  useSessionCheck(session.token, session.expiresAt, hall.connected, props.onSessionEnded);
  const config = useScreenConfig(session.token, hall.connected);
  const [counterId, setCounterIdState] = useState<string | null>(() => window.sessionStorage.getItem(COUNTER_KEY));
  const setCounterId = (id: string | null) => {
    if (id === null) window.sessionStorage.removeItem(COUNTER_KEY);
    else window.sessionStorage.setItem(COUNTER_KEY, id);
    setCounterIdState(id);
  };

  const view = hall.view;
  const held = view ? counterHeldBy(view, session.officer.id) : null;
  useEffect(() => {
    if (held && held.id !== counterId) setCounterId(held.id);
  }, [held?.id]);

  const head = (title: string | null, extra?: ComponentChildren) => (
    <ConsoleHead
      t={t}
      title={title}
      extra={extra}
      officerName={session.officer.name}
      onLanguage={props.onLanguage}
      onSignOut={props.onSignOut}
      connected={hall.connected}
      pending={commands.busy !== null}
    />
  );

  if (!view)
    return (
      <div class="console">
        {head(null)}
        <main class="console-wait" role="status">
          {t.connecting}
        </main>
      </div>
    );

  const counter = counterId ? view.counters.find((c) => c.id === counterId) : undefined;
  if (!counter)
    return (
      <div class="console">
        {head(config ? (props.language === 'vi' ? config.office.name : config.office.nameEn) : null)}
        <ChooseCounterScreen
          t={t}
          language={props.language}
          view={view}
          session={session}
          commands={commands}
          connected={hall.connected}
          onEnter={setCounterId}
        />
      </div>
    );

  return (
    <CounterConsole
      t={t}
      language={props.language}
      view={view}
      counter={counter}
      session={session}
      config={config}
      connected={hall.connected}
      commands={commands}
      head={head}
      onLeave={() => setCounterId(null)}
    />
  );
}

/** The office's names and priority classes; asked again after a reconnect until it has come. */
function useScreenConfig(token: string, connected: boolean): ScreenConfig | null {
  const [config, setConfig] = useState<ScreenConfig | null>(null);
  useEffect(() => {
    if (!connected || config) return;
    let live = true;
    void hubRequest<ScreenConfig>('GET', '/api/screen-config', token).then((reply) => {
      if (live && reply.ok) setConfig(reply.data);
    });
    return () => {
      live = false;
    };
  }, [token, connected, config]);
  return config;
}
