import type { TicketView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { WaitingRow } from '../state/counter-lists.js';

/**
 * Who waits for this counter, with how long each has waited (ticking), the priority mark, and the
 * tickets sent here by a colleague first. Picking a row opens "Gọi số" with that number, so a
 * slip of the mouse never calls a citizen out of turn.
 */
export function WaitingList(props: {
  t: ConsoleTexts;
  rows: readonly WaitingRow[];
  queueName: (id: string) => string;
  priorityName: (id: string | null) => string | null;
  canCall: boolean;
  onPick: (ticket: TicketView) => void;
}) {
  const { t } = props;
  return (
    <section class="side-list waiting" aria-labelledby="waiting-title" data-testid="waiting-list">
      <h2 class="section-title" id="waiting-title">
        {t.waitingTitle} <span class="count">({props.rows.length})</span>
      </h2>
      {props.rows.length === 0 ? (
        <p class="list-empty">{t.nobodyWaiting}</p>
      ) : (
        <ol class="rows">
          {props.rows.map((row) => {
            const priority = props.priorityName(row.ticket.priorityClass);
            return (
              <li key={row.ticket.id} class={`row${row.toThisCounter ? ' row--targeted' : ''}`}>
                <button
                  type="button"
                  class="row-button"
                  disabled={!props.canCall}
                  onClick={() => props.onPick(row.ticket)}
                  aria-label={`${t.callNumber(row.ticket.number)}${priority ? `, ${t.priority(priority)}` : ''}`}
                  data-testid={`waiting-${row.ticket.number}`}
                >
                  <span class="row-number">{row.ticket.number}</span>
                  <span class="row-text">
                    <span class="row-queue">{props.queueName(row.ticket.queueId)}</span>
                    <span class="row-marks">
                      {row.toThisCounter && <span class="mark mark--targeted">{t.toThisCounter}</span>}
                      {priority && <span class="mark mark--priority">{priority}</span>}
                    </span>
                  </span>
                  <span class="row-waited">{t.waited(Math.floor(row.waitedMs / 60_000))}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Citizens marked absent who may still come back: one press puts them back in the line. */
export function NoShowList(props: {
  t: ConsoleTexts;
  tickets: readonly TicketView[];
  queueName: (id: string) => string;
  canAct: boolean;
  onReturn: (ticket: TicketView) => void;
}) {
  const { t } = props;
  if (props.tickets.length === 0) return null;
  return (
    <section class="side-list no-shows" aria-labelledby="noshow-title" data-testid="no-show-list">
      <h2 class="section-title" id="noshow-title">
        {t.noShowTitle} <span class="count">({props.tickets.length})</span>
      </h2>
      <ul class="rows">
        {props.tickets.map((ticket) => (
          <li key={ticket.id} class="row row--no-show">
            <span class="row-number">{ticket.number}</span>
            <span class="row-queue">{props.queueName(ticket.queueId)}</span>
            <button
              type="button"
              class="small-button"
              disabled={!props.canAct}
              onClick={() => props.onReturn(ticket)}
              aria-label={t.comeBackNumber(ticket.number)}
              data-testid={`return-${ticket.number}`}
            >
              {t.comeBack}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
