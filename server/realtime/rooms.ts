import type { Principal } from '../services/principal.js';

/**
 * Rooms by stable identity (DESIGN.md section 3): everyone is in `hall`; a screen is also in the room
 * of its device and of the counter it belongs to, an officer in their own, so later facts meant for
 * one counter's survey pad or one officer reach only them.
 */
export function roomsOf(p: Principal): string[] {
  if (p.kind === 'officer') return ['hall', `officer:${p.officerId}`];
  const rooms = ['hall', `${p.deviceKind}:${p.deviceId}`];
  if (p.counterId) rooms.push(p.deviceKind === 'survey' ? `survey:${p.counterId}` : `counter:${p.counterId}`);
  return rooms;
}
