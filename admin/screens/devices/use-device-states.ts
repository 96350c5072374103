import { useEffect, useMemo, useState } from 'preact/hooks';
import { ADMIN_STATUS_EVENT, type AdminStatus } from '../../../common/contract/admin-status.js';
import { useHall } from '../../../ui/realtime/use-hall.js';
import { adminRequest } from '../../state/admin-api.js';
import type { AdminSession } from '../../state/admin-session.js';
import { deviceStatus, pushedStatus, type DeviceStatus, type HealthDevices } from './device-status.js';

const EVERY_MS = 5000;

/**
 * Each device's live state: the hub's `admin:status` push when it sends one (it knows which screens
 * are connected right now), else its health report read every few seconds. `reachable` is false
 * while neither has answered, so the screen says so instead of showing stale states.
 */
export function useDeviceStates(session: AdminSession): { statusOf: (id: string) => DeviceStatus | null; reachable: boolean } {
  const auth = useMemo(() => ({ token: session.token }), [session.token]);
  const hall = useHall(auth);
  const [pushed, setPushed] = useState<AdminStatus | null>(null);
  const [health, setHealth] = useState<{ data: HealthDevices | null; at: number }>({ data: null, at: Date.now() });

  useEffect(() => hall.on<AdminStatus>(ADMIN_STATUS_EVENT, setPushed), [hall.on]);
  useEffect(() => {
    let live = true;
    const read = async () => {
      const reply = await adminRequest<HealthDevices>(session, 'GET', '/api/health');
      if (live) setHealth({ data: reply.ok ? reply.data : null, at: Date.now() });
    };
    void read();
    const timer = setInterval(() => void read(), EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [session]);

  const statusOf = (id: string): DeviceStatus | null => {
    const fromPush = hall.connected ? pushed?.devices.find((d) => d.id === id) : undefined;
    if (fromPush) return pushedStatus(fromPush, health.at);
    return health.data ? deviceStatus(health.data, id, health.at) : null;
  };
  return { statusOf, reachable: (hall.connected && pushed !== null) || health.data !== null };
}
