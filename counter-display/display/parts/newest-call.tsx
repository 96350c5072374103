import { counterSubtitle } from '../../shared/counter-name.js';

/**
 * The call the hall is looking for: the number and the counter, as big as the panel allows. A new
 * call gets a brief warm highlight that fades once (keyed by the call, so it plays once per call);
 * nothing blinks.
 */
export function NewestCall(props: { call: { key: string; number: string; counterNumber: number; counterName: string } | null }) {
  const call = props.call;
  if (!call) {
    return (
      <section class="tv-newest tv-newest-empty" aria-label="Số đang mời">
        <div class="tv-newest-label">Xin mời quý khách lấy số thứ tự tại ki-ốt</div>
      </section>
    );
  }
  return (
    <section class="tv-newest" key={call.key} aria-label="Số đang mời" data-number={call.number}>
      <div class="tv-newest-label">Mời công dân có số</div>
      <div class="tv-newest-number">{call.number}</div>
      <div class="tv-newest-arrow" aria-hidden="true">
        ↓
      </div>
      <div class="tv-newest-counter">Quầy {call.counterNumber}</div>
      <div class="tv-newest-counter-name">{counterSubtitle(call.counterName, call.counterNumber)}</div>
    </section>
  );
}
