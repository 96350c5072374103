import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
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
  /** Listens to an event meant for this screen's room (e.g. ticket:printed for a kiosk). */
  on<T>(event: string, listener: (payload: T) => void): () => void;
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

  // Stable across renders, so a screen's effect subscribes once per connection, not once per render.
  const on = useCallback(
    <T>(event: string, listener: (payload: T) => void): (() => void) => {
      if (!socket) return () => undefined;
      socket.on(event, listener as (...args: unknown[]) => void);
      return () => void socket.off(event, listener as (...args: unknown[]) => void);
    },
    [socket],
  );

  return {
    view,
    connected,
    on,
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
