import type { Server, Socket } from 'socket.io';
import { ADMIN_ROOM, ADMIN_STATUS_EVENT, sameAdminStatus, type AdminStatus } from '../../common/contract/admin-status.js';
import type { Clock } from '../core/ports.js';
import type { Logger } from '../services/logger.js';
import type { Principal } from '../services/principal.js';
import {
  deviceStatuses,
  SCREEN_KINDS,
  type ConfiguredDevice,
  type HidSource,
  type LedBoardSource,
  type PrinterSource,
} from './admin-status-devices.js';

export type { ConfiguredDevice, HidSource, LedBoardSource, PrinterSource } from './admin-status-devices.js';

/** Plain functions over what the hub already has (the same sources as /api/health). */
export interface AdminStatusDeps {
  /** The configured devices, with when each screen last connected. */
  readonly devices: () => readonly ConfiguredDevice[];
  readonly printers: () => readonly PrinterSource[];
  readonly keypads: () => readonly HidSource[];
  readonly surveyPads: () => readonly HidSource[];
  readonly ledBoards: () => readonly LedBoardSource[];
  readonly outbox: () => AdminStatus['outbox'];
  /** Since when each counter is in its status (open, paused, closed). */
  readonly counters: () => readonly { id: string; since: number | null }[];
  readonly clock: Clock;
  readonly logger: Logger;
  /** Checks an officer's session again before each send, so a revoked or expired one stops receiving. */
  readonly sessionOf?: (token: string) => Principal | null;
  /** Facts of the hall (a counter opened, a rating owed to the province): sampled at once, not at the next tick. */
  readonly onHallChange?: (listener: () => void) => () => void;
  readonly intervalMs?: number;
}

interface SocketData {
  principal?: Principal;
  token?: string | null;
}

const WATCHERS: ReadonlySet<string> = new Set(['supervisor', 'admin']);
const isWatcher = (p: Principal | null | undefined): boolean => p?.kind === 'officer' && WATCHERS.has(p.role);

/**
 * Pushes `admin:status` to supervisors and admins: on connect, then whenever a sample differs from
 * the last one sent. The hub samples every 2 s (device drivers change state on their own) and at
 * once when a screen connects or leaves or the hall moves. Browsers never poll.
 * Reads the principal hall-socket's handshake put in socket.data; answers a detach function.
 */
export function attachAdminStatus(io: Server, deps: AdminStatusDeps): () => void {
  const screenSockets = new Map<string, number>();
  /** Screens: when they connected or left. Hardware: when a sample saw it come up or go down. */
  const seen = new Map<string, { online: boolean; at: number }>();
  let last: AdminStatus | null = null;
  let lastFailure: string | null = null;
  let soon: ReturnType<typeof setImmediate> | null = null;
  let detached = false;

  function sample(): AdminStatus | null {
    try {
      const now = deps.clock.now();
      const screensOnline = new Set([...screenSockets.keys()]);
      const devices = deviceStatuses(
        deps.devices(),
        {
          printers: deps.printers(),
          keypads: deps.keypads(),
          surveyPads: deps.surveyPads(),
          ledBoards: deps.ledBoards(),
          screensOnline,
        },
        (d, online) => lastSeen(d, online, now),
      );
      const status = {
        at: now,
        devices,
        screensConnected: screensOnline.size,
        outbox: deps.outbox(),
        counters: [...deps.counters()],
      };
      lastFailure = null;
      return status;
    } catch (err) {
      // Once per distinct failure, not every 2 s while the database stays unreadable.
      const message = (err as Error).message;
      if (message !== lastFailure) deps.logger.warn({ err }, 'admin status not sampled');
      lastFailure = message;
      return null;
    }
  }

  function lastSeen(d: ConfiguredDevice, online: boolean, now: number): number | null {
    if (SCREEN_KINDS.has(d.kind)) return seen.get(d.id)?.at ?? d.lastSeenAt;
    const before = seen.get(d.id);
    if (online && !before?.online) seen.set(d.id, { online, at: now });
    else if (!online && before?.online) seen.set(d.id, { online, at: now });
    return seen.get(d.id)?.at ?? null;
  }

  /** Sends a changed sample to every watcher; an unchanged one only to `newcomer`, if any. */
  function publish(newcomer?: Socket): void {
    if (detached) return;
    const next = sample();
    if (next && (!last || !sameAdminStatus(last, next))) {
      last = next;
      for (const socket of watchers()) send(socket, next);
    } else if (newcomer && last) send(newcomer, last);
  }

  function watchers(): Socket[] {
    const ids = io.sockets.adapter.rooms.get(ADMIN_ROOM) ?? new Set<string>();
    return [...ids].map((id) => io.sockets.sockets.get(id)).filter((s): s is Socket => s !== undefined);
  }

  function send(socket: Socket, status: AdminStatus): void {
    const data = socket.data as SocketData;
    if (deps.sessionOf && data.token && !isWatcher(deps.sessionOf(data.token))) {
      void socket.leave(ADMIN_ROOM);
      return;
    }
    socket.emit(ADMIN_STATUS_EVENT, status);
  }

  function publishSoon(): void {
    // Coalesces a burst (every screen reconnecting after a hub restart) into one sample.
    soon ??= setImmediate(() => {
      soon = null;
      publish();
    });
  }

  function screenCount(deviceId: string, delta: 1 | -1): void {
    const n = (screenSockets.get(deviceId) ?? 0) + delta;
    if (n > 0) screenSockets.set(deviceId, n);
    else screenSockets.delete(deviceId);
    // Only the first socket in and the last one out change what a supervisor sees.
    if ((delta === 1 && n === 1) || n === 0) seen.set(deviceId, { online: n > 0, at: deps.clock.now() });
    publishSoon();
  }

  const onConnection = (socket: Socket) => {
    const principal = (socket.data as SocketData).principal;
    if (!principal) return;
    if (principal.kind === 'device') {
      const id = principal.deviceId;
      screenCount(id, 1);
      socket.on('disconnect', () => screenCount(id, -1));
    } else if (isWatcher(principal)) {
      void socket.join(ADMIN_ROOM);
      publish(socket);
    }
  };
  io.sockets.on('connection', onConnection);
  const offHall = deps.onHallChange?.(publishSoon);
  const timer = setInterval(() => publish(), deps.intervalMs ?? 2000);
  timer.unref();

  return () => {
    detached = true;
    clearInterval(timer);
    if (soon) clearImmediate(soon);
    offHall?.();
    io.sockets.off('connection', onConnection);
  };
}
