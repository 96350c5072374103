import { useEffect, useState } from 'preact/hooks';
import { ADMIN_STATUS_EVENT, type AdminStatus } from '../../../common/contract/admin-status.js';
import type { HallConnection } from '../../../ui/realtime/use-hall.js';

/**
 * The last `admin:status` the hub pushed on this connection (it sends one on every connect, then
 * on change), and how far this PC's clock is from the hub's, so waiting times count on hub time.
 */
export function useAdminStatus(hall: HallConnection): { status: AdminStatus | null; skewMs: number } {
  const [state, setState] = useState<{ status: AdminStatus | null; skewMs: number }>({ status: null, skewMs: 0 });
  useEffect(
    () =>
      hall.on<AdminStatus>(ADMIN_STATUS_EVENT, (status) => {
        // Sent the moment it was sampled: the difference is the clocks', within a network hop.
        setState({ status, skewMs: Math.round((status.at - Date.now()) / 1000) * 1000 });
      }),
    [hall.on],
  );
  return state;
}

/** The hub's time now, ticking every `everyMs`: live waiting minutes without asking the hub. */
export function useHubNow(skewMs: number, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() + skewMs);
  useEffect(() => {
    setNow(Date.now() + skewMs);
    const timer = setInterval(() => setNow(Date.now() + skewMs), everyMs);
    return () => clearInterval(timer);
  }, [skewMs, everyMs]);
  return now;
}
