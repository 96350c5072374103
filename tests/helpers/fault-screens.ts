import { isDeepStrictEqual } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../common/contract/errors.js';
import { HALL_EVENT_TYPES } from '../../common/contract/hall-events.js';
import type { HallView } from '../../common/contract/hall-view.js';
import { HallMirror } from '../../ui/realtime/hall-mirror.js';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The socket options of ui/realtime/use-hall.ts: a test screen backs off and reconnects exactly as a
 * real screen does, so the time measured to be right again is the time a hall would see.
 */
export const SCREEN_SOCKET_OPTIONS = {
  transports: ['websocket', 'polling'],
  reconnectionDelay: 500,
  reconnectionDelayMax: 4000,
} as const;

export interface FaultScreen {
  readonly name: string;
  readonly socket: Socket;
  readonly mirror: HallMirror;
  /** Every fact received, by seq: its type and ticket (to hold against the database afterwards). */
  readonly facts: Map<number, string>;
  /** A seq that came twice with different content: the hub told two different things under one seq. */
  readonly conflicts: string[];
  /** Connections the hub refused (an error the hub itself sent, not a refused TCP connect while it was down). */
  readonly refusals: string[];
  /** Handshakes that ended in a snapshot. */
  snapshots: number;
  close(): void;
}

/** What a fact says, in the terms the events table can confirm: type, ticket, counter. */
export function factSignature(fact: { type: string; ticketId?: unknown; counterId?: unknown; ticket?: { id?: unknown } }): string {
  const ticket = fact.ticketId ?? fact.ticket?.id ?? '';
  return `${fact.type}|${String(ticket)}|${String(fact.counterId ?? '')}`;
}

/** Opens a screen's socket (it connects and reconnects by itself) with a hall mirror, recording what it hears. */
export function openScreen(
  url: string,
  name: string,
  auth: { deviceKey?: string; token?: string },
  options: { forceNew?: boolean } = {},
): FaultScreen {
  const socket = io(url, { ...SCREEN_SOCKET_OPTIONS, transports: [...SCREEN_SOCKET_OPTIONS.transports], auth, forceNew: options.forceNew ?? true });
  const mirror = new HallMirror(socket);
  const screen: FaultScreen = {
    name,
    socket,
    mirror,
    facts: new Map(),
    conflicts: [],
    refusals: [],
    snapshots: 0,
    close: () => void socket.close(),
  };
  socket.on('hall:snapshot', () => screen.snapshots++);
  for (const type of HALL_EVENT_TYPES) {
    socket.on(type, (fact: { seq: number; type: string }) => {
      const sig = factSignature(fact);
      const seen = screen.facts.get(fact.seq);
      if (seen !== undefined && seen !== sig) screen.conflicts.push(`seq ${fact.seq}: ${seen} then ${sig}`);
      screen.facts.set(fact.seq, sig);
    });
  }
  socket.on('connect_error', (err: Error & { data?: unknown }) => {
    // A hub that is down refuses the TCP connection (no data); a hub that answers and says no sends data.
    if (err.data !== undefined) screen.refusals.push(`${name}: ${err.message}`);
  });
  return screen;
}

/** GET /api/hall: the hub's own snapshot, the one every screen must end up holding. */
export async function hubSnapshot(url: string, deviceKey: string): Promise<HallView> {
  const res = await fetch(`${url}/api/hall`, { headers: { 'x-device-key': deviceKey } });
  const body = (await res.json()) as Ack<HallView>;
  if (!body.ok) throw new Error(`GET /api/hall refused: ${body.error.code}`);
  return body.data;
}

/** The screens that are not (yet) connected and holding exactly `snapshot`. */
export function screensBehind(screens: readonly FaultScreen[], snapshot: HallView): FaultScreen[] {
  return screens.filter((s) => !s.socket.connected || !isDeepStrictEqual(s.mirror.view, snapshot));
}

/**
 * Waits until every screen is connected and holds the hub's snapshot, and answers how long that took.
 * Bounded: fails after `ms`, naming the screens still behind and what they hold.
 */
export async function untilScreensMatch(
  screens: readonly FaultScreen[],
  snapshot: () => Promise<HallView>,
  ms: number,
): Promise<number> {
  const start = performance.now();
  let behind: FaultScreen[] = [...screens];
  let last: HallView | null = null;
  while (performance.now() - start < ms) {
    try {
      last = await snapshot();
      behind = screensBehind(screens, last);
      if (behind.length === 0) return performance.now() - start;
    } catch {
      // The hub is not answering yet: keep asking until the bound.
    }
    await sleep(20);
  }
  const detail = behind
    .slice(0, 5)
    .map((s) => `${s.name} (connected ${s.socket.connected}, seq ${s.mirror.view?.seq ?? 'none'}, hub seq ${last?.seq ?? '?'})`)
    .join('; ');
  throw new Error(`${behind.length} screens not back and right within ${ms} ms: ${detail}`);
}
