import type { WaitingRow } from '../state/waiting-rows.js';

export function WaitingList(props: { rows: readonly WaitingRow[] }) {
  return (
    <section class="tv-waiting" aria-label="Số người đang chờ">
      <h2 class="tv-waiting-title">Đang chờ</h2>
      <ul>
        {props.rows.map((q) => (
          <li key={q.queueId} class="tv-waiting-row" data-queue={q.queueId}>
            <span class="tv-waiting-prefix" aria-hidden="true">
              {q.prefix}
            </span>
            <span class="tv-waiting-name">{q.name}</span>
            <span class="tv-waiting-count">{q.waiting}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
