import { Type, type Static } from '@sinclair/typebox';
import { HEX_PATTERN, REPORT_FORMATS } from './keypad-model-schema.js';

/**
 * A survey button pad model as data (firmware-configs/survey-pads/<vendor>-<model>.yaml, DESIGN §5, §8).
 *
 * A button answers the overall question (the scale's first criterion) with a level POSITION, 1 being
 * the best, as the levels of every scale are listed best first. So one pad serves the three-level desk
 * scale and the five-level questionnaire: position 2 is "Hài lòng" on both.
 *
 * A button whose position has no level on the scale in force (button 4 or 5 of a five-button box
 * while the site rates on three levels) is REFUSED: nothing is rated, the press is logged as a warning
 * and counted in /api/health. It is never folded onto the worst level: a rating feeds the officer's
 * evaluation and the QĐ 766 indicator, and must be a level the citizen chose. Label and cover the
 * buttons for the scale in force (firmware-configs/survey-pads/README.md).
 *
 * mode raw-hid: the hub reads the pad through node-hid, by byte pattern (a programmed pad sending
 * vendor-defined reports) or as boot keyboard reports (a pad typing digits). mode wedge: the pad types
 * into the survey page (/survey/), which takes Digit1..Digit5 and Numpad1..Numpad5 as positions 1..5;
 * no hub driver reads such a model. Rules the schema cannot say are checked by the loader.
 */

const text = (description: string) =>
  Type.String({ minLength: 1, pattern: '\\S', description, errorMessage: 'Expected a non-blank text' });
const hex4 = (description: string) =>
  Type.String({ pattern: '^[0-9a-f]{4}$', description, errorMessage: 'Expected 4 lower-case hex digits, e.g. 1209' });
const byteOf = (description: string) => Type.Integer({ minimum: 0, maximum: 255, description });
const word = (description: string) => Type.Integer({ minimum: 0, maximum: 0xffff, description });
const hexPattern = (description: string) =>
  Type.String({
    pattern: HEX_PATTERN,
    maxLength: 191,
    description,
    errorMessage: 'Expected bytes as lower-case hex pairs one space apart (?? for any byte), e.g. "4d 53 01"',
  });

export const SURVEY_PAD_MODES = ['raw-hid', 'wedge'] as const;
/** Five levels is the longest scale the site config allows. */
export const MAX_SURVEY_BUTTONS = 5;

/** The keys the survey page takes for a position (1 = best): the digit row and the numeric keypad. */
export function surveyKeyCodes(position: number): readonly string[] {
  return [`Digit${position}`, `Numpad${position}`];
}

const ReportSchema = Type.Object(
  {
    format: Type.Union(
      REPORT_FORMATS.map((f) => Type.Literal(f)),
      {
        description:
          'pattern: buttons[].match against the report bytes; boot-keyboard: buttons[].usage in an 8-byte keyboard report',
      },
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
      hexPattern('pattern: the report the pad sends when a button is let go; a button held down then sends no second press'),
    ),
  },
  { additionalProperties: false },
);

const ButtonSchema = Type.Object(
  {
    position: Type.Integer({
      minimum: 1,
      maximum: MAX_SURVEY_BUTTONS,
      description:
        'The level this button gives, by position on the scale in force, 1 = best. A position the scale lacks (5 on a three-level scale) is refused and logged, never mapped to another level',
    }),
    label: Type.Optional(text('What the button cap says, for the installer; the caps follow the scale in force')),
    match: Type.Optional(hexPattern('raw-hid pattern: the report bytes (after the report id) that mean this button')),
    usage: Type.Optional(
      byteOf('raw-hid boot-keyboard: the key usage id it types, Digit or Numpad of its position (0x1e = Digit1)'),
    ),
    code: Type.Optional(text('wedge: the KeyboardEvent.code it types into the survey page: Digit<position> or Numpad<position>')),
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

export const SurveyPadModelSchema = Type.Object(
  {
    id: Type.String({
      pattern: '^[a-z0-9-]+/[a-z0-9._-]+$',
      description: 'vendor/model, as devices[].model in the site config names it',
      errorMessage: 'Expected a model id like qmk/raw-hid-survey-5',
    }),
    vendor: text('Maker, as printed on the device or its box'),
    name: text('Model name'),
    description: text('What it is and anything an installer should know'),
    mode: Type.Union(
      SURVEY_PAD_MODES.map((m) => Type.Literal(m)),
      { description: 'raw-hid: read by the hub; wedge: types digits into the survey page' },
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
    buttons: Type.Array(ButtonSchema, { minItems: 1, maxItems: MAX_SURVEY_BUTTONS }),
    debounceMs: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 5_000,
        description:
          'A second press within this window after a counted one is dropped (switch bounce, a hand on two buttons); default 400',
      }),
    ),
    firmware: FirmwareSchema,
  },
  { additionalProperties: false },
);

export type SurveyPadModel = Static<typeof SurveyPadModelSchema>;
export type SurveyPadButton = SurveyPadModel['buttons'][number];
export type SurveyPadReportSpec = NonNullable<SurveyPadModel['report']>;

export const DEFAULT_SURVEY_PAD_DEBOUNCE_MS = 400;
