import type { Actor } from '../core/decision.js';

export type ScreenKind = 'kiosk' | 'display' | 'counter-screen' | 'survey';

/** Who is on the other end of a request or socket, as established by sign-in or a device key. */
export type Principal =
  | {
      readonly kind: 'officer';
      readonly officerId: string;
      readonly role: 'officer' | 'supervisor' | 'admin';
      readonly name: string;
      readonly sessionExpiresAt: number;
    }
  | { readonly kind: 'device'; readonly deviceId: string; readonly deviceKind: ScreenKind; readonly counterId: string | null };

export type Role = 'officer' | 'supervisor' | 'admin' | ScreenKind;

export function roleOf(p: Principal): Role {
  return p.kind === 'officer' ? p.role : p.deviceKind;
}

export function actorOf(p: Principal): Actor {
  if (p.kind === 'officer') return { kind: 'officer', officerId: p.officerId, role: p.role };
  const role = p.deviceKind === 'counter-screen' ? 'display' : p.deviceKind;
  return { kind: 'device', officerId: null, role, counterId: p.counterId, deviceId: p.deviceId };
}

/** What goes in the event log's actor column. */
export function actorKey(p: Principal): string {
  return p.kind === 'officer' ? `officer:${p.officerId}` : `device:${p.deviceId}`;
}
