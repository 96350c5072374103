import { Type, type Static } from '@sinclair/typebox';

/**
 * How the hall TV speaks a call, as the site config sets it and the TV receives it in its screen
 * config. Regional readings are the office's choice (a commune in the South says "ngàn" and "lẻ").
 * Sources are tried in order for each call; the first that can speak it does.
 */
export const VOICE_SOURCES = ['browser', 'clips', 'hub'] as const;
export type VoiceSource = (typeof VOICE_SOURCES)[number];

export const VoiceSettingsSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    reading: Type.Object(
      {
        thousand: Type.Union([Type.Literal('nghìn'), Type.Literal('ngàn')]),
        zeroTen: Type.Union([Type.Literal('linh'), Type.Literal('lẻ')]),
        four: Type.Union([Type.Literal('tư'), Type.Literal('bốn')]),
      },
      { additionalProperties: false },
    ),
    sources: Type.Array(Type.Union(VOICE_SOURCES.map((s) => Type.Literal(s)))),
    /** Speech rate for the browser's and the hub's synthesis; elderly listeners prefer a little slower. */
    rate: Type.Number({ minimum: 0.5, maximum: 1.5 }),
    chime: Type.Boolean(),
    /** How many times each call is spoken (a second time helps in a noisy hall). */
    repeat: Type.Integer({ minimum: 1, maximum: 3 }),
  },
  { additionalProperties: false },
);

export type VoiceSettings = Static<typeof VoiceSettingsSchema>;

export const DEFAULT_VOICE: VoiceSettings = {
  enabled: true,
  reading: { thousand: 'nghìn', zeroTen: 'linh', four: 'tư' },
  sources: ['browser', 'clips', 'hub'],
  rate: 0.9,
  chime: true,
  repeat: 1,
};
