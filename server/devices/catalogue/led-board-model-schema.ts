import { Type, type Static } from '@sinclair/typebox';

/**
 * An LED counter board model as data (firmware-configs/led-boards/<vendor>-<model>.yaml, DESIGN §8):
 * how many cells it has and what they can show, its serial defaults, and either the ASCII frame it
 * reads (start bytes, address digits, cells, end bytes, checksum) or the Modbus RTU registers it
 * takes. A board a province buys is a new file and a test run, not a code change. Which section a
 * protocol needs, and what the schema alone cannot say, is checked in load-led-board-models.ts.
 */

const text = (description: string) =>
  Type.String({ minLength: 1, pattern: '\\S', description, errorMessage: 'Expected a non-blank text' });
const hexBytes = (description: string) =>
  Type.String({
    pattern: '^([0-9a-f]{2})+$',
    description,
    errorMessage: 'Expected bytes as lower-case hex pairs, e.g. 02 or 0d0a',
  });
const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

export const LED_PROTOCOLS = ['ascii-frame', 'modbus-rtu'] as const;
export const CHECKSUM_SCHEMES = ['none', 'xor', 'sum8', 'sum8-hex'] as const;
export const CHECKSUM_PLACES = ['after-end', 'before-end'] as const;
export const CHECKSUM_COVERS = ['after-start', 'from-start'] as const;
export const MODBUS_ENCODINGS = ['ascii-pairs', 'letter-and-number', 'number'] as const;

export type ChecksumScheme = (typeof CHECKSUM_SCHEMES)[number];
export type ModbusEncoding = (typeof MODBUS_ENCODINGS)[number];

const ChecksumSchema = Type.Object(
  {
    scheme: literals(
      CHECKSUM_SCHEMES,
      'none; xor or sum8 (sum mod 256) as one raw byte; sum8-hex as two upper-case ASCII hex digits',
    ),
    place: literals(CHECKSUM_PLACES, 'after-end: after the end bytes (a BCC); before-end: just before them'),
    covers: literals(
      CHECKSUM_COVERS,
      'after-start: from the byte after the start bytes; from-start: the start bytes too. Always up to the checksum',
    ),
  },
  { additionalProperties: false },
);

const FrameSchema = Type.Object(
  {
    start: hexBytes('Bytes that open a frame, e.g. 02 (STX) or 24 ($)'),
    addressDigits: Type.Integer({
      minimum: 0,
      maximum: 3,
      description: 'ASCII decimal digits of the board address after the start (zero-padded); 0 for boards without one',
    }),
    end: hexBytes('Bytes that close a frame, e.g. 03 (ETX) or 0d0a (CR LF)'),
    checksum: ChecksumSchema,
  },
  { additionalProperties: false },
);

const register = (description: string) => Type.Integer({ minimum: 0, maximum: 0xffff, description });

const ModbusSchema = Type.Object(
  {
    function: Type.Union([Type.Literal(6), Type.Literal(16)], {
      description: '6: write single register (one request per register); 16: write multiple registers at once',
      errorMessage: 'Expected 6 (write single register) or 16 (write multiple registers)',
    }),
    register: register('First holding register, as addressed on the wire (0-based, not 40001-style)'),
    encoding: literals(
      MODBUS_ENCODINGS,
      'ascii-pairs: two ASCII cells per register, high byte first; letter-and-number: the prefix letter as ' +
        'its ASCII code (0 for none) then the number; number: the digits only, in one register',
    ),
    pausedRegisters: Type.Optional(
      Type.Array(register('Register value'), {
        minItems: 1,
        description: 'What to write to show "paused" (numeric encodings)',
      }),
    ),
    blankRegisters: Type.Optional(
      Type.Array(register('Register value'), {
        minItems: 1,
        description: 'What to write to blank the board (numeric encodings)',
      }),
    ),
    replyTimeoutMs: Type.Integer({ minimum: 20, maximum: 5000, description: 'Wait for one reply' }),
    retries: Type.Integer({ minimum: 0, maximum: 5, description: 'Further attempts after a request gets no valid reply' }),
  },
  { additionalProperties: false },
);

export const LedBoardModelSchema = Type.Object(
  {
    id: Type.String({
      pattern: '^[a-z0-9-]+/[a-z0-9._-]+$',
      description: 'vendor/model, as devices[].model in the site config names it',
      errorMessage: 'Expected a model id like generic/led-ascii-stx-4',
    }),
    vendor: text('Maker, as printed on the device (or "generic")'),
    name: text('Model name'),
    description: text('What it is and anything an installer should know (DIP switches, wiring)'),
    protocol: literals(LED_PROTOCOLS, 'ascii-frame (frame section) or modbus-rtu (modbus section)'),
    cells: Type.Integer({ minimum: 1, maximum: 16, description: 'Digit cells across the board' }),
    characters: Type.String({
      pattern: '^[\\x20-\\x7e]+$',
      description: 'Every character a cell can show; others are shown as a space',
      errorMessage: 'Expected printable ASCII characters',
    }),
    show: Type.Optional(
      Type.Object(
        {
          paused: Type.String({ pattern: '^[\\x20-\\x7e]*$', description: 'Text for a paused counter, e.g. ----' }),
          blank: Type.String({ pattern: '^[\\x20-\\x7e]*$', description: 'Text for a dark board; usually empty (all spaces)' }),
        },
        { additionalProperties: false, description: 'Texts for boards that take characters (ascii-frame, ascii-pairs)' },
      ),
    ),
    serial: Type.Object(
      {
        baud: Type.Integer({ minimum: 300, maximum: 921600, description: 'Factory default speed; a link ?baud= overrides it' }),
        format: Type.String({
          pattern: '^[78][NEO][12]$',
          description: 'Data bits, parity, stop bits as on the label, e.g. 8N1',
          errorMessage: 'Expected data bits, parity and stop bits like 8N1 or 8E1',
        }),
      },
      { additionalProperties: false },
    ),
    address: Type.Optional(
      Type.Object(
        {
          min: Type.Integer({ minimum: 0, maximum: 999 }),
          max: Type.Integer({ minimum: 0, maximum: 999 }),
          default: Type.Integer({ minimum: 0, maximum: 999, description: 'Used when the device has no options.address' }),
        },
        { additionalProperties: false, description: 'The range of options.address; absent when the board has none' },
      ),
    ),
    resendEverySeconds: Type.Integer({
      minimum: 0,
      maximum: 3600,
      description:
        'Send the current content again this often (0: never), for boards that forget it when their own power ' +
        'blinks while the adapter stays up; leave 0 for boards that flash on every frame',
    }),
    frame: Type.Optional(FrameSchema),
    modbus: Type.Optional(ModbusSchema),
  },
  { additionalProperties: false },
);

export type LedBoardModel = Static<typeof LedBoardModelSchema>;
export type AsciiFrameSpec = Static<typeof FrameSchema>;
export type ModbusSpec = Static<typeof ModbusSchema>;
