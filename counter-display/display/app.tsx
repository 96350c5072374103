import { useCallback, useMemo } from 'preact/hooks';
import { DEFAULT_DISPLAY_LAYOUT } from '../../common/contract/screen-config.js';
import { deviceKeyFromPage } from '../../ui/device-key.js';
import { useHall } from '../../ui/realtime/use-hall.js';
import { LinkLost } from '../shared/link-lost.js';
import { NoKey } from '../shared/no-key.js';
import { useNow } from '../shared/use-now.js';
import { useScreenConfig } from '../shared/use-screen-config.js';
import { CallsBoard } from './parts/calls-board.js';
import { HallHeader } from './parts/hall-header.js';
import { NewestCall } from './parts/newest-call.js';
import { NoticeMarquee } from './parts/notice-marquee.js';
import { WaitingList } from './parts/waiting-list.js';
import { calledRows, newestCall } from './state/called-rows.js';
import { useAnnouncements, type Announcement } from './state/use-announcements.js';
import { waitingRows } from './state/waiting-rows.js';
import { useVoicePlayer } from './state/use-voice-player.js';
import { useTestBanner } from './state/use-test-banner.js';

/**
 * The hall TV: the newest call big, the counters serving now, who waits per queue, the time and the
 * office's notice; each call spoken. It mirrors the hall over one socket and comes back by itself
 * after the hub restarts or the network drops; it sends no command (its key cannot).
 */
export function DisplayApp() {
  const deviceKey = useMemo(() => deviceKeyFromPage('motcua.displayKey'), []);
  const auth = useMemo(() => (deviceKey ? { deviceKey } : null), [deviceKey]);
  const hall = useHall(auth);
  const config = useScreenConfig(deviceKey, hall.connected);
  const now = useNow(10_000);
  const layout = config?.display ?? DEFAULT_DISPLAY_LAYOUT;
  const announce = useVoicePlayer(config?.voice ?? null, layout.speaks, deviceKey);
  const speak = useCallback(
    (a: Announcement) =>
      announce({ ticketId: a.ticketId, number: a.number, counterNumber: a.counterNumber, calls: a.calls, at: a.at }),
    [announce],
  );
  const spoken = useAnnouncements(hall.view, config, speak);
  const testing = useTestBanner(hall.on);

  if (!deviceKey) return <NoKey page="/display/" />;
  const view = hall.view;
  const newest = view ? newestCall(view, layout) : null;
  return (
    <div class={layout.showQueues ? 'tv' : 'tv tv-no-queues'}>
      <HallHeader parentAuthority={config?.office.parentAuthority ?? ''} officeName={config?.office.name ?? ''} now={now} />
      <main class="tv-main">
        <NewestCall
          call={
            newest
              ? {
                  key: `${newest.ticketId}#${newest.calls}`,
                  number: newest.number,
                  counterNumber: newest.counter.number,
                  counterName: newest.counter.name,
                }
              : null
          }
        />
        <CallsBoard rows={view ? calledRows(view, layout) : []} newestTicketId={newest?.ticketId ?? null} />
        {layout.showQueues && <WaitingList rows={view ? waitingRows(view, layout) : []} />}
      </main>
      <p id="announcement" class="tv-caption" aria-live="polite" data-key={spoken?.key ?? ''}>
        {spoken?.text ?? ''}
      </p>
      <NoticeMarquee text={config?.notice ?? ''} />
      <LinkLost connected={hall.connected} hasView={view !== null} />
      {testing && (
        <p class="tv-test-banner" role="status">
          Kiểm tra màn hình <span class="tv-test-banner-en">— Test</span>
        </p>
      )}
    </div>
  );
}
