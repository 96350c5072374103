import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './nullable.js';

/**
 * What the dashboard needs that the hall view does not carry: the devices, the screens connected,
 * the backlog owed to the province system, and since when each counter is in its state. The hub
 * pushes it to supervisors and admins (room `admin`) on connect and whenever it changes, so no
 * browser polls.
 */
export const ADMIN_STATUS_EVENT = 'admin:status';
export const ADMIN_ROOM = 'admin';

export const DeviceStateSchema = Type.Union([
  Type.Literal('ok'),
  Type.Literal('offline'),
  Type.Literal('problem'),
  Type.Literal('unknown'),
]);

export const AdminDeviceStatusSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ description: 'kiosk, display, counter-screen, survey, printer, led-board, keypad, survey-pad, scanner' }),
    name: Type.String(),
    counterId: Nullable(Type.String()),
    online: Type.Boolean(),
    lastSeenAt: Nullable(
      Type.Integer({
        description: 'Online: since when (connect time). Offline: when the hub last saw it working. Null: not seen since start',
      }),
    ),
    state: DeviceStateSchema,
    detail: Type.String({ description: 'English, for the IT clerk and logs' }),
    detailVi: Type.String({ description: 'The same in Vietnamese, for the dashboard' }),
  },
  { $id: 'AdminDeviceStatus', additionalProperties: false },
);

export const AdminStatusSchema = Type.Object(
  {
    at: Type.Integer({ description: "The hub's clock when sampled (epoch ms): screens correct their own clock by it" }),
    devices: Type.Array(AdminDeviceStatusSchema),
    screensConnected: Type.Integer({ description: 'Screen devices (kiosk, display, counter screen, survey) connected now' }),
    outbox: Type.Object(
      {
        pending: Type.Integer(),
        dead: Type.Integer(),
        lastSuccessAt: Nullable(Type.Integer()),
        lastError: Nullable(Type.String()),
      },
      { additionalProperties: false },
    ),
    counters: Type.Array(
      Type.Object(
        { id: Type.String(), since: Nullable(Type.Integer({ description: 'When the counter entered its status' })) },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'AdminStatus', additionalProperties: false },
);

export type DeviceState = Static<typeof DeviceStateSchema>;
export type AdminDeviceStatus = Static<typeof AdminDeviceStatusSchema>;
export type AdminStatus = Static<typeof AdminStatusSchema>;

/** Whether two samples say the same thing; the sampling time alone is no change worth sending. */
export function sameAdminStatus(a: AdminStatus, b: AdminStatus): boolean {
  return JSON.stringify({ ...a, at: 0 }) === JSON.stringify({ ...b, at: 0 });
}
