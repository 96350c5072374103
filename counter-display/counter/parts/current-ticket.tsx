import type { TicketView } from '../../../common/contract/hall-view.js';
import { vnClock } from '../../../common/time/vn-time.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import { clockOf, recallsOf } from '../state/counter-lists.js';
import type { CurrentDetail } from '../state/use-ticket-detail.js';

/**
 * The ticket at the counter, big: its number, queue, priority, how long since it was called and
 * how often recalled; under it what the citizen chose at the kiosk, so the officer need not ask.
 */
export function CurrentTicket(props: {
  t: ConsoleTexts;
  ticket: TicketView | null;
  queueName: string;
  priorityName: string | null;
  detail: CurrentDetail | null;
  maxRecalls: number | null;
  now: number;
}) {
  const { t, ticket } = props;
  if (!ticket)
    return (
      <section class="current current--empty" aria-label={t.currentTitle} data-testid="current-ticket">
        <h2 class="section-title">{t.currentTitle}</h2>
        <p class="current-none">{t.noCurrent}</p>
        <p class="current-hint">{t.noCurrentHint}</p>
      </section>
    );
  const d = props.detail?.detail ?? null;
  const loading = props.detail === null;
  return (
    <section class="current" aria-label={t.currentTitle} data-testid="current-ticket">
      <div class="current-top">
        <h2 class="section-title">{t.currentTitle}</h2>
        <span class={`state-pill state-pill--${ticket.state}`} data-testid="current-state">
          {t.ticketState[ticket.state] ?? ticket.state}
        </span>
      </div>
      <div class="current-main">
        <div class="current-number" data-testid="current-number">
          {ticket.number}
        </div>
        <div class="current-facts">
          <div class="current-queue">{props.queueName}</div>
          {props.priorityName && <div class="priority-mark">{t.priority(props.priorityName)}</div>}
          <div class="current-times">
            {ticket.calledAt !== null && (
              <span data-testid="current-called">
                {t.calledAt(vnClock(ticket.calledAt), clockOf(props.now - ticket.calledAt))}
              </span>
            )}
            <span data-testid="current-recalls">{t.recalls(recallsOf(ticket), props.maxRecalls)}</span>
          </div>
        </div>
      </div>
      <dl class="current-detail" data-testid="current-detail">
        <div>
          <dt>{t.procedure}</dt>
          <dd data-testid="current-procedure">
            {loading ? t.loading : procedureLine(ticket.procedureCode, props.detail?.procedureName ?? null, t.none)}
          </dd>
        </div>
        <div>
          <dt>{t.phone}</dt>
          <dd data-testid="current-phone">{loading ? t.loading : (d?.phone ?? t.none)}</dd>
        </div>
        {d?.note && (
          <div>
            <dt>{t.note}</dt>
            <dd data-testid="current-note">{d.note}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function procedureLine(code: string | null, name: string | null, none: string): string {
  if (!code) return none;
  return name ? `${name} (${code})` : code;
}
