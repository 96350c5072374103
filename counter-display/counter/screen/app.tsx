import { useMemo } from 'preact/hooks';
import { deviceKeyFromPage } from '../../../ui/device-key.js';
import { useHall } from '../../../ui/realtime/use-hall.js';
import { counterSubtitle } from '../../shared/counter-name.js';
import { LinkLost } from '../../shared/link-lost.js';
import { NoKey } from '../../shared/no-key.js';
import { useScreenConfig } from '../../shared/use-screen-config.js';
import { counterShows, pageCounterNumber } from './state/counter-shows.js';

/**
 * The screen over one counter: which counter it is, and the number served there, big enough to read
 * across the hall. Paused: "Tạm ngưng". Closed: the counter's name only.
 */
export function CounterScreenApp() {
  const deviceKey = useMemo(() => deviceKeyFromPage('motcua.counterScreenKey'), []);
  const auth = useMemo(() => (deviceKey ? { deviceKey } : null), [deviceKey]);
  const pageCounter = useMemo(() => pageCounterNumber(window.location.search), []);
  const hall = useHall(auth);
  const config = useScreenConfig(deviceKey, hall.connected);
  if (!deviceKey) return <NoKey page="/counter/screen/" />;
  const view = hall.view;
  const shows = view && config ? counterShows(view, pageCounter, config.counterId) : null;

  let body;
  if (!shows) body = <div class="cs-wait">…</div>;
  else if (shows.kind === 'unknown-counter')
    body = <div class="cs-problem">Không tìm thấy quầy {pageCounter ?? ''}. Kiểm tra địa chỉ trang (?counter=số quầy).</div>;
  else if (shows.kind === 'wrong-counter')
    body = (
      <div class="cs-problem">
        Khóa thiết bị này thuộc quầy {shows.boundNumber}, không phải quầy {pageCounter}. Kiểm tra cài đặt màn hình.
      </div>
    );
  else {
    const c = shows.counter;
    body = (
      <>
        <header class="cs-head">
          <span class="cs-counter-no">Quầy {c.number}</span>
          <span class="cs-counter-name">{counterSubtitle(c.name, c.number)}</span>
        </header>
        {shows.kind === 'serving' && (
          <main class="cs-main" key={`${shows.number}#${shows.calls}`}>
            <div class="cs-label">Đang phục vụ số</div>
            <div class="cs-number" data-number={shows.number} style={{ fontSize: numberSize(shows.number) }}>
              {shows.number}
            </div>
          </main>
        )}
        {shows.kind === 'paused' && (
          <main class="cs-main cs-paused">
            <div class="cs-state">Tạm ngưng</div>
            {shows.reason && <div class="cs-reason">{shows.reason}</div>}
          </main>
        )}
        {shows.kind === 'idle' && (
          <main class="cs-main">
            <div class="cs-label">Mời quý khách chờ gọi số</div>
          </main>
        )}
        {shows.kind === 'closed' && <main class="cs-main cs-closed" aria-label="Quầy đóng" />}
      </>
    );
  }
  return (
    <div class="cs" data-state={shows?.kind ?? 'loading'}>
      {body}
      <LinkLost connected={hall.connected} hasView={view !== null} />
    </div>
  );
}

/** As big as the screen's short side allows, and never wider than the screen for a long number. */
function numberSize(number: string): string {
  return `min(36vmin, ${Math.floor(140 / Math.max(4, number.length))}vw)`;
}
