import { Type, type Static } from '@sinclair/typebox';
import { group, setting, slugSetting } from './schema-meta.js';

/**
 * One device of the hall. Screens (kiosk, display, counter-screen, survey) are browsers that connect
 * with their `key`; hardware (printers, LED boards, keypads, survey pads, scanners) is reached through
 * its `link` by a driver that the hub opens at start, hence `restart` on kind, model, link and options.
 * Which kinds need a key or a counter is a whole-config rule (site-config-rules.ts), so that every
 * missing one is reported with a plain message rather than a union mismatch.
 */

export const DEVICE_KINDS = [
  'kiosk',
  'display',
  'counter-screen',
  'survey',
  'printer',
  'led-board',
  'keypad',
  'survey-pad',
  'scanner',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Browser screens authenticate with a device key. */
export const KINDS_NEEDING_KEY: ReadonlySet<DeviceKind> = new Set(['kiosk', 'display', 'counter-screen', 'survey']);
/** Devices that only make sense beside one counter. */
export const KINDS_NEEDING_COUNTER: ReadonlySet<DeviceKind> = new Set([
  'counter-screen',
  'survey',
  'led-board',
  'keypad',
  'survey-pad',
]);

export const DeviceSchema = Type.Object(
  {
    id: slugSetting('Id', 'Mã', 'Used in rooms and logs; do not change once in use.'),
    kind: Type.Union(
      DEVICE_KINDS.map((k) => Type.Literal(k)),
      setting('Kind', 'Loại thiết bị', 'What the device is.', 'kiosk', { restart: true }),
    ),
    name: Type.String({
      pattern: '\\S',
      maxLength: 200,
      ...setting('Name', 'Tên', 'Shown in admin and health reports, e.g. "Kiosk sảnh chính".', '', {
        errorMessage: 'Expected a non-blank text',
      }),
    }),
    key: Type.Optional(
      Type.String({
        minLength: 24,
        maxLength: 256,
        // No spaces: keys are pasted into a screen's setup URL or typed from a label.
        pattern: '^[\\x21-\\x7E]+$',
        // A secret: error messages must not echo it into logs.
        secret: true,
        ...setting(
          'Device key',
          'Khóa thiết bị',
          'The secret a screen connects with (at least 24 characters). Required for kiosk, display, counter-screen and survey.',
          undefined,
          {
            errorMessage: 'Expected at least 24 printable characters without spaces',
          },
        ),
      }),
    ),
    model: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9-]+/[a-z0-9._-]+$',
        ...setting(
          'Model',
          'Mẫu thiết bị',
          'A firmware-configs model id such as "generic/escpos-80mm"; none for screens.',
          undefined,
          { restart: true, errorMessage: 'Expected a model id like generic/escpos-80mm' },
        ),
      }),
    ),
    link: Type.Optional(
      Type.String({
        minLength: 1,
        ...setting(
          'Link',
          'Kết nối',
          'Where the hub reaches the device: tcp://host:port, serial:///dev/ttyUSB0?baud=9600, usb-lp:///dev/usb/lp0, hid://VID:PID, sim://name. None for screens.',
          undefined,
          {
            restart: true,
          },
        ),
      }),
    ),
    counterId: Type.Optional(
      Type.String(
        setting(
          'Counter',
          'Quầy',
          'The counter the device belongs to. Required for counter-screen, survey, led-board, keypad and survey-pad.',
          undefined,
        ),
      ),
    ),
    options: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }),
        Type.Union([Type.String(), Type.Number(), Type.Boolean()], { errorMessage: 'Expected a text, a number or true/false' }),
        {
          additionalProperties: false,
          ...setting(
            'Options',
            'Tùy chọn',
            'Driver settings that the model definition allows (e.g. brightness, kioskId).',
            {},
            { restart: true },
          ),
        },
      ),
    ),
  },
  { additionalProperties: false, ...group('Device', 'Thiết bị', 'A screen or a piece of hardware.') },
);

export type DeviceSetting = Static<typeof DeviceSchema>;
