import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../common/contract/errors.js';

/**
 * Plain socket.io clients, without the UI's HallMirror: applying every fact to a view on 100
 * displays would spend the load process's CPU on work that is not the hub's, and would delay the
 * very receive timestamps being measured.
 *
 * Connects over WebSocket only (what the hall's screens use) with a fresh connection each time,
 * and resolves once the hub's first snapshot has arrived, i.e. the client is in the `hall` room.
 * Reconnection is off: a dropped client during a run should show up in the report, not be hidden
 * by a silent reconnect.
 */
export function connectHubSocket(
  url: string,
  auth: { token?: string; deviceKey?: string },
  beforeSnapshot?: (socket: Socket) => void,
  timeoutMs = 10_000,
  /** A loopback source address (127.x.y.z), so each screen of a simulated hall has its own IP. */
  localAddress?: string,
): Promise<Socket> {
  // engine.io-client hands localAddress to the WebSocket in Node; its option types do not list it.
  const options: Parameters<typeof io>[1] & { localAddress?: string } = {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(localAddress ? { localAddress } : {}),
  };
  const socket = io(url, options);
  // Listeners are attached before the handshake completes, so no fact can slip past them.
  beforeSnapshot?.(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no snapshot from ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('hall:snapshot', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
  });
}

/** `sentAt` is performance.now() at emit, kept so facts seen elsewhere can be timed against it. */
export type CommandOutcome<T> = { readonly sentAt: number; readonly latencyMs: number } & (
  { readonly kind: 'ok'; readonly data: T } | { readonly kind: 'refused'; readonly code: string } | { readonly kind: 'timeout' }
);

/** Sends one command and times it from emit to ack with performance.now() of this process. */
export function sendCommand<T>(
  socket: Socket,
  name: string,
  input: Record<string, unknown>,
  timeoutMs = 10_000,
): Promise<CommandOutcome<T>> {
  const sentAt = performance.now();
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(name, input, (err: Error | null, ack: Ack<T>) => {
      const latencyMs = performance.now() - sentAt;
      if (err) resolve({ kind: 'timeout', sentAt, latencyMs });
      else if (ack.ok) resolve({ kind: 'ok', data: ack.data, sentAt, latencyMs });
      else resolve({ kind: 'refused', code: ack.error.code, sentAt, latencyMs });
    });
  });
}

/** What the hub requires of a command id: 8–64 of [A-Za-z0-9_-], fresh for every intent. */
export function freshCommandId(): string {
  return `bench-${randomUUID()}`;
}
