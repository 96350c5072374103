import { Bi } from './bilingual.js';
import { minutesBetween, type QueueFigures } from './dashboard-figures.js';
import { DASHBOARD_TEXT as T } from './dashboard-text.js';
import { Duration } from './duration.js';

/** Past this, a wait counts against the office (the share of waits over 30 minutes is reported). */
const LONG_WAIT_MIN = 30;

/** Per queue: waiting now, the longest wait ticking on the hub's clock, served today. */
export function QueuesPanel(props: { queues: readonly QueueFigures[]; now: number }) {
  return (
    <section class="db-panel db-queues">
      <h2>
        <Bi label={T.queues} />
      </h2>
      <table class="db-table">
        <thead>
          <tr>
            <th scope="col">
              <Bi label={T.queue} />
            </th>
            <th scope="col" class="db-num">
              <Bi label={T.waiting} />
            </th>
            <th scope="col">
              <Bi label={T.longest} />
            </th>
            <th scope="col" class="db-num">
              <Bi label={T.served} />
            </th>
          </tr>
        </thead>
        <tbody>
          {props.queues.map((q) => {
            const minutes = q.oldestSince === null ? null : minutesBetween(q.oldestSince, props.now);
            const long = minutes !== null && minutes >= LONG_WAIT_MIN;
            return (
              <tr key={q.id} data-queue-id={q.id}>
                <th scope="row">
                  <span class="db-name-cell">
                    <span class="db-prefix">{q.prefix}</span>
                    <Bi label={{ vi: q.name, en: q.nameEn }} />
                  </span>
                </th>
                <td class="db-num db-big" data-field="waiting">
                  {q.waiting}
                </td>
                <td data-field="longest" class={long ? 'db-long' : undefined}>
                  {minutes === null ? (
                    <span class="db-quiet" title={`${T.nobodyWaits.vi} / ${T.nobodyWaits.en}`}>
                      {T.none.vi}
                    </span>
                  ) : (
                    <Duration minutes={minutes} />
                  )}
                </td>
                <td class="db-num db-big" data-field="served">
                  {q.served}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
