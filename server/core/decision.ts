import type { ErrorCode } from '../../common/contract/errors.js';
import type { HallEvent } from './events.js';

/** What a command decides: the events to record and the answer to give, or a refusal. */
export type Decision<R> =
  | { readonly ok: true; readonly events: readonly HallEvent[]; readonly result: R }
  | { readonly ok: false; readonly code: ErrorCode };

export function accept<R>(events: readonly HallEvent[], result: R): Decision<R> {
  return { ok: true, events, result };
}

export function refuse(code: ErrorCode): { readonly ok: false; readonly code: ErrorCode } {
  return { ok: false, code };
}

/** Who asks. Officers act only on counters they opened; supervisors and admins may act on any. */
export interface Actor {
  readonly kind: 'officer' | 'device' | 'system';
  readonly officerId: string | null;
  readonly role: 'officer' | 'supervisor' | 'admin' | 'kiosk' | 'display' | 'survey' | 'system';
  /** The counter a device belongs to (a survey terminal or pad rates only its own counter's services). */
  readonly counterId?: string | null;
  /** The device's id, recorded on what it does (which terminal or pad gave a rating). */
  readonly deviceId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', officerId: null, role: 'system' };

export function mayOverrideCounter(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin' || actor.role === 'system';
}

/** The context every command decides in: the current time and a source of fresh ids. */
export interface DecideContext {
  readonly now: number;
  readonly actor: Actor;
  readonly newId: () => string;
}
