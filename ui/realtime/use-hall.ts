import { useEffect, useMemo, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../common/contract/errors.js';
import { errorBody } from '../../common/contract/errors.js';
import type { HallView } from '../../common/contract/hall-view.js';
import { HallMirror } from './hall-mirror.js';

export interface HallConnection {
  readonly view: HallView | null;
  /** False while the hub cannot be reached; the socket keeps trying by itself. */
  readonly connected: boolean;
  /** Sends a command and waits for its ack; a lost link answers like a refusal, never throws. */
  send<T>(event: string, input: Record<string, unknown>, timeoutMs?: number): Promise<Ack<T>>;
}

/**
 * The hall as a screen sees it: one socket.io connection with the screen's credentials, a mirror
 * kept current by facts, and reconnection forever (a kiosk left on overnight must come back by
 * itself after the hub restarts).
 */
export function useHall(auth: { deviceKey?: string; token?: string } | null): HallConnection {
  const [view, setView] = useState<HallView | null>(null);
  const [connected, setConnected] = useState(false);
  const socket = useMemo<Socket | null>(
    () =>
      auth
        ? io({
            auth,
            transports: ['websocket', 'polling'],
            reconnectionDelay: 500,
            reconnectionDelayMax: 4000,
            autoConnect: false,
          })
        : null,
    [auth?.deviceKey, auth?.token],
  );
  useEffect(() => {
    if (!socket) return;
    const mirror = new HallMirror(socket);
    const off = mirror.subscribe((v) => setView(v));
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', () => setConnected(false));
    socket.connect();
    return () => {
      off();
      socket.close();
    };
  }, [socket]);

  return {
    view,
    connected,
    async send<T>(event: string, input: Record<string, unknown>, timeoutMs = 8000): Promise<Ack<T>> {
      if (!socket) return { ok: false, error: errorBody('UNAUTHENTICATED') };
      try {
        return (await socket.timeout(timeoutMs).emitWithAck(event, input)) as Ack<T>;
      } catch {
        return { ok: false, error: errorBody('INTERNAL') };
      }
    },
  };
}
