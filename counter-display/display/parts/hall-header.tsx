import { vnClock } from '../../../common/time/vn-time.js';
import { vnDateLine } from '../../../ui/components/screen-frame.js';

export function HallHeader(props: { parentAuthority: string; officeName: string; now: number }) {
  return (
    <header class="tv-head">
      <div class="tv-office">
        <div class="tv-authority">{props.parentAuthority}</div>
        <div class="tv-name">{props.officeName}</div>
      </div>
      <div class="tv-time">
        <div class="tv-clock">{vnClock(props.now)}</div>
        <div class="tv-date">{vnDateLine(props.now)}</div>
      </div>
    </header>
  );
}
