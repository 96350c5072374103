import { useMemo } from 'preact/hooks';
import { vnClock } from '../../../common/time/vn-time.js';
import { useHall } from '../../../ui/realtime/use-hall.js';
import type { AdminScreenProps } from '../../state/admin-session.js';
import { Bi } from './bilingual.js';
import { CountersPanel } from './counters-panel.js';
import { counterRows, dayTotals, queueFigures } from './dashboard-figures.js';
import { DASHBOARD_TEXT as T, dateText } from './dashboard-text.js';
import { DayTiles } from './day-tiles.js';
import { DevicesPanel } from './devices-panel.js';
import { QueuesPanel } from './queues-panel.js';
import { useAdminStatus, useHubNow } from './use-admin-status.js';
import './dashboard.css';

/**
 * Tổng quan: the hall as it is now, for a supervisor's PC or a screen on the office wall. The
 * hall view comes as snapshot + facts (the same mirror as every screen), device and forwarding
 * status as `admin:status` pushed by the hub; the page asks nothing on a timer, only its clock ticks.
 */
export function DashboardScreen({ session }: AdminScreenProps) {
  const auth = useMemo(() => ({ token: session.token }), [session.token]);
  const hall = useHall(auth);
  const { status, skewMs } = useAdminStatus(hall);
  const now = useHubNow(skewMs);
  const view = hall.view;

  const queues = useMemo(() => (view ? queueFigures(view) : []), [view]);
  const totals = useMemo(() => (view ? dayTotals(view) : null), [view]);
  const counters = useMemo(() => (view ? counterRows(view, status) : []), [view, status]);

  return (
    <div class="db" data-connected={hall.connected ? 'yes' : 'no'} data-seq={view?.seq ?? -1}>
      <header class="db-head">
        <h1>
          <Bi label={T.title} />
        </h1>
        <p class={hall.connected ? 'db-live' : 'db-live db-live-lost'} role="status">
          <span class="db-live-dot" aria-hidden="true" />
          <Bi label={hall.connected ? T.connected : T.disconnected} />
        </p>
        <p class="db-clock">
          <span class="db-clock-time">{vnClock(now)}</span>
          <span class="db-clock-date">{dateText(now)}</span>
        </p>
      </header>
      {!view || !totals ? (
        <p class="db-quiet db-loading">
          <Bi label={T.loading} />
        </p>
      ) : (
        <>
          <DayTiles totals={totals} outbox={status?.outbox ?? null} now={now} />
          <div class="db-columns">
            <QueuesPanel queues={queues} now={now} />
            <CountersPanel counters={counters} now={now} />
          </div>
          <DevicesPanel status={status} now={now} />
        </>
      )}
    </div>
  );
}
