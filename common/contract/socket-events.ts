import type { CommandInput, CommandName } from './commands.js';
import type { AdminStatus } from './admin-status.js';
import type { Ack } from './errors.js';
import type { HallEventType } from './hall-events.js';
import type { HallFact, HallView } from './hall-view.js';

/**
 * socket.io's typed event maps. The hub sends a `hall:snapshot` on connect and then every fact of
 * the hall under its own name, each with `seq`; a screen that sees a gap asks for `hall:snapshot`
 * again. Clients send commands by name with an ack callback and get `{ok, data}` or
 * `{ok: false, error}` back.
 */
export type ServerToClientEvents = {
  'hall:snapshot': (view: HallView) => void;
  /** Supervisors and admins only (room `admin`): devices and outbox, which the hall view lacks. */
  'admin:status': (status: AdminStatus) => void;
  /** "Thử thiết bị" from the admin page: the screen shows a test banner for a few seconds. */
  'device:test': (payload: { at: number }) => void;
} & {
  [T in HallEventType]: (fact: Extract<HallFact, { type: T }>) => void;
};

export type ClientToServerEvents = {
  'hall:snapshot': (ack: (reply: Ack<HallView>) => void) => void;
} & {
  [K in CommandName]: (input: CommandInput<K>, ack: (reply: Ack<unknown>) => void) => void;
};

/** What a screen presents when it connects: an officer's session token, or a screen's device key. */
export interface HandshakeAuth {
  readonly token?: string;
  readonly deviceKey?: string;
}
