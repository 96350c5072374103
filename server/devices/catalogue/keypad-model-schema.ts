import { Type, type Static } from '@sinclair/typebox';
import { COUNTER_ACTIONS } from '../../../common/contract/counter-actions.js';

/**
 * A counter keypad model as data (firmware-configs/keypads/<vendor>-<model>.yaml, DESIGN §8).
 *
 * mode raw-hid: the hub reads the pad through node-hid and maps each input report to an action, either
 * by byte pattern (a programmable pad sending vendor-defined reports) or as an 8-byte boot keyboard
 * report (a plain USB numpad). mode wedge: the pad types keys into the officer's console, which reads
 * them with its own key bindings; no hub driver reads such a model, it documents which keys to program.
 * Either way `firmware` says how to make a pad send what `keys` expects. Rules the schema cannot say
 * (which fields each mode needs, agreement with the console's keys) are checked by the loader.
 */

const text = (description: string) =>
  Type.String({ minLength: 1, pattern: '\\S', description, errorMessage: 'Expected a non-blank text' });
const hex4 = (description: string) =>
  Type.String({ pattern: '^[0-9a-f]{4}$', description, errorMessage: 'Expected 4 lower-case hex digits, e.g. 1209' });
const byteOf = (description: string) => Type.Integer({ minimum: 0, maximum: 255, description });
const word = (description: string) => Type.Integer({ minimum: 0, maximum: 0xffff, description });

/** "4d 43 01": bytes in lower-case hex, one space apart, ?? for a byte that may be anything. */
export const HEX_PATTERN = '^(?:[0-9a-f]{2}|\\?\\?)(?: (?:[0-9a-f]{2}|\\?\\?))*$';
const hexPattern = (description: string) =>
  Type.String({
    pattern: HEX_PATTERN,
    maxLength: 191,
    description,
    errorMessage: 'Expected bytes as lower-case hex pairs one space apart (?? for any byte), e.g. "4d 43 01"',
  });

export const KEYPAD_MODES = ['raw-hid', 'wedge'] as const;
export const REPORT_FORMATS = ['pattern', 'boot-keyboard'] as const;

const ReportSchema = Type.Object(
  {
    format: Type.Union(
      REPORT_FORMATS.map((f) => Type.Literal(f)),
      { description: 'pattern: keys[].match against the report bytes; boot-keyboard: keys[].usage in an 8-byte keyboard report' },
    ),
    reportId: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 255,
        description: 'The report id the device puts first in each report (numbered reports); absent when it numbers none',
      }),
    ),
    length: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 64,
        description: 'Bytes in a report after its id; a report of another length is refused',
      }),
    ),
    release: Type.Optional(
      hexPattern('pattern: the report the pad sends when a key is let go; a key held down then sends no second press'),
    ),
  },
  { additionalProperties: false },
);

const KeySchema = Type.Object(
  {
    action: Type.Union(
      COUNTER_ACTIONS.map((a) => Type.Literal(a)),
      { description: 'What the key does, in the console vocabulary (common/contract/counter-actions.ts)' },
    ),
    label: Type.Optional(text('What is printed on the key cap, for the installer')),
    match: Type.Optional(
      hexPattern('raw-hid pattern: the report bytes (after the report id) that mean this key; longer reports may follow'),
    ),
    usage: Type.Optional(byteOf('raw-hid boot-keyboard: the key usage id (Keyboard/Keypad page), e.g. 0x57 for Keypad +')),
    code: Type.Optional(text('wedge: the KeyboardEvent.code to program the key to send, one of the console shortcuts')),
  },
  { additionalProperties: false },
);

const FirmwareSchema = Type.Object(
  {
    tool: text('The firmware or programming tool, with its version, or "none" for a pad used as it comes'),
    steps: Type.Array(text('One step'), { minItems: 1, description: 'What the installer does, in order' }),
    files: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z0-9._-]+$' }), Type.String({ minLength: 1 }), {
        description: 'Files to put in the firmware source or to feed the tool, by name',
      }),
    ),
  },
  { additionalProperties: false },
);

export const KeypadModelSchema = Type.Object(
  {
    id: Type.String({
      pattern: '^[a-z0-9-]+/[a-z0-9._-]+$',
      description: 'vendor/model, as devices[].model in the site config names it',
      errorMessage: 'Expected a model id like generic/usb-numpad',
    }),
    vendor: text('Maker, as printed on the device or its box'),
    name: text('Model name'),
    description: text('What it is and anything an installer should know'),
    mode: Type.Union(
      KEYPAD_MODES.map((m) => Type.Literal(m)),
      { description: 'raw-hid: read by the hub; wedge: types keys into the console' },
    ),
    identity: Type.Optional(
      Type.Object(
        {
          // Quoted in YAML: a vid of digits only (1209) would otherwise read as the number 1209.
          usb: Type.Optional(
            Type.Object(
              { vid: hex4('USB vendor id'), pid: Type.Optional(hex4('USB product id')) },
              { additionalProperties: false },
            ),
          ),
          usagePage: Type.Optional(word('The HID collection to open when the link names none, e.g. 0xff60')),
          usage: Type.Optional(word('Usage within that page, e.g. 0x61')),
          interface: Type.Optional(byteOf('USB interface number to open when the link names none')),
        },
        { additionalProperties: false },
      ),
    ),
    report: Type.Optional(ReportSchema),
    keys: Type.Array(KeySchema, { minItems: 1, maxItems: 32 }),
    debounceMs: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 5_000,
        description: 'The same action again within this window is one press (switch bounce, a double tap); default 400',
      }),
    ),
    firmware: FirmwareSchema,
  },
  { additionalProperties: false },
);

export type KeypadModel = Static<typeof KeypadModelSchema>;
export type KeypadKey = KeypadModel['keys'][number];
export type KeypadReportSpec = NonNullable<KeypadModel['report']>;

export const DEFAULT_KEYPAD_DEBOUNCE_MS = 400;
