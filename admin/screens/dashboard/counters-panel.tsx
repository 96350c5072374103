import { Bi } from './bilingual.js';
import { minutesBetween, type CounterRow } from './dashboard-figures.js';
import { DASHBOARD_TEXT as T } from './dashboard-text.js';
import { Duration } from './duration.js';

/** Each counter: open, paused (why) or closed, for how long; its ticket and officer. */
export function CountersPanel(props: { counters: readonly CounterRow[]; now: number }) {
  return (
    <section class="db-panel db-counters">
      <h2>
        <Bi label={T.counters} />
      </h2>
      <table class="db-table">
        <thead>
          <tr>
            <th scope="col">
              <Bi label={T.counter} />
            </th>
            <th scope="col">
              <Bi label={T.state} />
            </th>
            <th scope="col">
              <Bi label={T.ticket} />
            </th>
            <th scope="col">
              <Bi label={T.officer} />
            </th>
          </tr>
        </thead>
        <tbody>
          {props.counters.map((c) => (
            <tr key={c.id} data-counter-id={c.id} data-status={c.status} class={`db-counter-${c.status}`}>
              <th scope="row">
                <span class="db-name-cell">
                  <span class="db-counter-no">{c.number}</span>
                  <span class="db-counter-name" title={c.name}>
                    {c.name}
                  </span>
                </span>
              </th>
              <td data-field="status">
                <span class="db-status-line">
                  <span class={`db-badge db-badge-${c.status}`}>
                    <Bi label={T[c.status]} />
                  </span>
                  {c.status !== 'closed' && c.since !== null && (
                    <span class="db-since" data-field="since">
                      <Duration minutes={minutesBetween(c.since, props.now)} />
                    </span>
                  )}
                </span>
                {c.status === 'paused' && c.pauseReason && <span class="db-reason">{c.pauseReason}</span>}
              </td>
              <td data-field="ticket">
                {c.ticketNumber ? (
                  <span class="db-status-line">
                    <span class="db-ticket">{c.ticketNumber}</span>
                    {c.ticketCalledAt !== null && (
                      <span class="db-since">
                        <Duration minutes={minutesBetween(c.ticketCalledAt, props.now)} />
                      </span>
                    )}
                  </span>
                ) : (
                  <span class="db-quiet">{T.none.vi}</span>
                )}
              </td>
              <td data-field="officer">{c.officerName ?? <span class="db-quiet">{T.none.vi}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
