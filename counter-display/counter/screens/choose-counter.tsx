import type { HallView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { MessageLine } from '../parts/message-line.js';
import { mayActOnAnyCounter, type OfficerSession } from '../state/session.js';
import type { ConsoleCommands } from '../state/use-console-commands.js';

/**
 * The hall's counters with their state and who is at each; the officer opens theirs. A counter
 * someone else holds cannot be opened (the hub would refuse); a supervisor may still go to it.
 */
export function ChooseCounterScreen(props: {
  t: ConsoleTexts;
  language: Language;
  view: HallView;
  session: OfficerSession;
  commands: ConsoleCommands;
  connected: boolean;
  onEnter: (counterId: string) => void;
}) {
  const { t, view, commands } = props;
  const supervisor = mayActOnAnyCounter(props.session.officer.role);
  const queueNames = (ids: readonly string[]) =>
    ids
      .map((id) => view.queues.find((q) => q.id === id))
      .map((q) => (q ? (props.language === 'vi' ? q.name : q.nameEn) : ''))
      .filter(Boolean)
      .join(' · ');
  const open = async (counterId: string) => {
    const ack = await commands.run('counter:open', { counterId });
    if (ack?.ok) props.onEnter(counterId);
  };
  const counters = [...view.counters].sort((a, b) => a.number - b.number);

  return (
    <main class="choose-main">
      <div class="choose-intro">
        <h2>{t.chooseCounter}</h2>
        <p>{t.chooseCounterHint}</p>
      </div>
      <MessageLine t={t} language={props.language} view={view} commands={commands} />
      <ul class="counter-grid" aria-label={t.chooseCounter}>
        {counters.map((c) => {
          const officer = c.officerId ? (view.officerNames[c.officerId] ?? c.officerId) : null;
          const mine = c.officerId === props.session.officer.id;
          return (
            <li key={c.id} class={`counter-card counter-card--${c.status}`} data-testid={`counter-${c.id}`}>
              <div class="counter-card-name">{c.name}</div>
              <div class="counter-card-queues">{queueNames(c.queueIds)}</div>
              <div class="counter-card-status">
                <span class={`status-pill status-pill--${c.status}`}>
                  {c.status === 'paused' && c.pauseReason ? t.pausedFor(c.pauseReason) : t.status[c.status]}
                </span>
                {officer && <span>{t.officerAt(officer)}</span>}
              </div>
              {c.status === 'closed' || mine ? (
                <button
                  type="button"
                  class="wide-button wide-button--primary"
                  disabled={!props.connected || commands.busy !== null}
                  onClick={() => void open(c.id)}
                  data-testid={`open-${c.id}`}
                >
                  {t.openCounter(c.number)}
                </button>
              ) : supervisor ? (
                <button type="button" class="wide-button" onClick={() => props.onEnter(c.id)} data-testid={`enter-${c.id}`}>
                  {t.enterCounter(c.number)}
                </button>
              ) : (
                <button type="button" class="wide-button" disabled>
                  {t.takenCounter}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </main>
  );
}
