import { counterSubtitle } from '../../shared/counter-name.js';
import type { CalledRow } from '../state/called-rows.js';

/** The counters calling or serving now, newest first; the newest row carries the same brief highlight. */
export function CallsBoard(props: { rows: readonly CalledRow[]; newestTicketId: string | null }) {
  return (
    <section class="tv-board" aria-label="Các quầy đang phục vụ">
      <div class="tv-board-head" aria-hidden="true">
        <span>Số thứ tự</span>
        <span>Quầy</span>
      </div>
      <ol class="tv-board-rows">
        {props.rows.map((r) => (
          <li
            key={`${r.ticketId}#${r.calls}`}
            class={r.ticketId === props.newestTicketId ? 'tv-row tv-row-newest' : 'tv-row'}
            data-counter={r.counterNumber}
            data-number={r.number}
          >
            <span class="tv-row-number">{r.number}</span>
            <span class="tv-row-counter">
              <span class="tv-row-counter-no">Quầy {r.counterNumber}</span>
              <span class="tv-row-counter-name">{counterSubtitle(r.counterName, r.counterNumber)}</span>
            </span>
          </li>
        ))}
        {props.rows.length === 0 && <li class="tv-row tv-row-empty">Chưa có quầy nào đang gọi số</li>}
      </ol>
    </section>
  );
}
