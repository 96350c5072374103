import { Type, type Static } from '@sinclair/typebox';
import { SurveySettingsViewSchema } from './survey-schemas.js';
import { VoiceSettingsSchema } from './voice-settings.js';

/** One hall TV's own layout, from its device's options in the site config. */
export const DisplayLayoutSchema = Type.Object(
  {
    /** How many counters' latest calls are listed. */
    callRows: Type.Integer(),
    /** Only these counters' calls (a TV over one wing of a big hall); null: every counter. */
    counterIds: Type.Union([Type.Array(Type.String()), Type.Null()]),
    /** Only these queues' waiting counts; null: every queue. */
    queueIds: Type.Union([Type.Array(Type.String()), Type.Null()]),
    showQueues: Type.Boolean(),
    /** Whether this TV speaks the calls (in a hall with two TVs, one speaks: no echo). */
    speaks: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type DisplayLayout = Static<typeof DisplayLayoutSchema>;

/**
 * What every screen needs of the site config besides the live hall: the office's names, the
 * priority classes a kiosk asks about, how long a kiosk waits before going back home, and for a TV
 * or counter screen who it is (its layout, its counter), the notice and the voice.
 */
export const ScreenConfigSchema = Type.Object(
  {
    office: Type.Object({ name: Type.String(), nameEn: Type.String(), parentAuthority: Type.String() }),
    priorityClasses: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String() })),
    kioskIdleSeconds: Type.Integer(),
    resultQueueId: Type.Union([Type.String(), Type.Null()], { description: 'The Nhận kết quả queue, if the site has one' }),
    fieldQueues: Type.Record(Type.String(), Type.String(), {
      description: 'Catalogue field (lĩnh vực) -> the queue that takes it',
    }),
    notice: Type.String({ description: 'The hall TV notice (marquee); empty for none' }),
    voice: VoiceSettingsSchema,
    display: Type.Union([DisplayLayoutSchema, Type.Null()], { description: "The asking hall TV's own layout" }),
    counterId: Type.Union([Type.String(), Type.Null()], { description: 'The counter the asking screen is bound to' }),
    survey: SurveySettingsViewSchema,
    maxRecalls: Type.Integer({ description: 'Recalls allowed after the first call before a no-show' }),
  },
  { additionalProperties: false },
);

export type ScreenConfig = Static<typeof ScreenConfigSchema>;

/** A TV whose device has no layout options, or whose screen config has not arrived yet. */
export const DEFAULT_DISPLAY_LAYOUT: DisplayLayout = {
  callRows: 6,
  counterIds: null,
  queueIds: null,
  showQueues: true,
  speaks: true,
};
