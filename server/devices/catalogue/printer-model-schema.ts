import { Type, type Static } from '@sinclair/typebox';

/**
 * A printer model as data (firmware-configs/printers/<vendor>-<model>.yaml, DESIGN §8): what the
 * renderer needs (dots, band height), what the driver needs (cut, which links answer status), and the
 * defaults an installer starts from (port, baud). Adding a printer a province buys is a new file and
 * its test run, not a code change.
 */

const text = (description: string) =>
  Type.String({ minLength: 1, pattern: '\\S', description, errorMessage: 'Expected a non-blank text' });
const hex4 = (description: string) =>
  Type.String({ pattern: '^[0-9a-f]{4}$', description, errorMessage: 'Expected 4 lower-case hex digits, e.g. 04b8' });

export const CUT_KINDS = ['none', 'full', 'partial'] as const;
export const SERIAL_FLOWS = ['none', 'rtscts', 'xonxoff'] as const;

const CutSchema = Type.Object(
  {
    kind: Type.Union(
      CUT_KINDS.map((k) => Type.Literal(k)),
      { description: 'none for a tear bar; full or partial (one point left uncut) for an autocutter' },
    ),
    feedLines: Type.Integer({
      minimum: 0,
      maximum: 255,
      description: 'Lines fed before the cut (ESC d n), so the last printed line clears the cutter or tear bar',
    }),
  },
  { additionalProperties: false },
);

// Our usb-lp and sim links are write-only (see usb-lp-transport.ts), so a model cannot claim status there.
const writeOnly = (description: string) =>
  Type.Object(
    { status: Type.Literal(false, { description: `${description}; status is never read on this link` }) },
    { additionalProperties: false },
  );

const LinksSchema = Type.Object(
  {
    tcp: Type.Optional(
      Type.Object(
        {
          port: Type.Integer({ minimum: 1, maximum: 65535, description: 'Raw printing port, usually 9100' }),
          status: Type.Boolean({ description: 'Answers DLE EOT real-time status on this link' }),
        },
        { additionalProperties: false },
      ),
    ),
    serial: Type.Optional(
      Type.Object(
        {
          baud: Type.Integer({ minimum: 300, maximum: 921600, description: 'Factory default speed' }),
          flow: Type.Union(
            SERIAL_FLOWS.map((f) => Type.Literal(f)),
            { description: 'Factory default handshake' },
          ),
          status: Type.Boolean({ description: 'Answers DLE EOT real-time status on this link' }),
        },
        { additionalProperties: false },
      ),
    ),
    'usb-lp': Type.Optional(writeOnly('USB printer class (/dev/usb/lpN)')),
    sim: Type.Optional(writeOnly('Simulated device (sim://name)')),
  },
  { additionalProperties: false, minProperties: 1, description: 'The links the model has; a sim link is always allowed' },
);

export const PrinterModelSchema = Type.Object(
  {
    id: Type.String({
      pattern: '^[a-z0-9-]+/[a-z0-9._-]+$',
      description: 'vendor/model, as devices[].model in the site config names it',
      errorMessage: 'Expected a model id like generic/escpos-80mm',
    }),
    vendor: text('Maker, as printed on the device'),
    name: text('Model name, as printed on the device'),
    description: text('What it is and anything an installer should know'),
    protocol: Type.Literal('escpos'),
    identity: Type.Optional(
      Type.Object(
        {
          usb: Type.Optional(
            // Quoted in YAML: a vid of digits only (0416) would otherwise read as the number 416.
            Type.Object(
              { vid: hex4('USB vendor id'), pid: Type.Optional(hex4('USB product id')) },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    paperWidthMm: Type.Number({ minimum: 40, maximum: 120, description: 'Roll width' }),
    printWidthMm: Type.Number({ minimum: 30, maximum: 120, description: 'Printable width across the roll' }),
    dpi: Type.Integer({ minimum: 100, maximum: 600, description: 'Head resolution, dots per inch' }),
    dots: Type.Integer({
      minimum: 64,
      maximum: 2048,
      multipleOf: 8,
      description: 'Printable dots across; the ticket image is rendered this wide (a whole number of bytes)',
    }),
    maxRasterBandRows: Type.Integer({
      minimum: 8,
      maximum: 2303,
      description: 'Tallest GS v 0 band to send at once: cheap printers with small buffers garble taller ones',
    }),
    cut: CutSchema,
    links: LinksSchema,
  },
  { additionalProperties: false },
);

export type PrinterModel = Static<typeof PrinterModelSchema>;
export type PrinterLinkKind = keyof PrinterModel['links'];
