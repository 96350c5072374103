import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_VOICE, VOICE_SOURCES } from '../../common/contract/voice-settings.js';
import { closed, group, setting } from './schema-meta.js';

/**
 * What every hall TV shares: the notice running along its bottom and how calls are spoken. The
 * number wording (nghìn/ngàn, linh/lẻ, tư/bốn) is in `locale`; each TV's own layout is in its device
 * options (display-options.ts). Optional as a whole, so a site file written before it existed still
 * loads: a missing group means these defaults.
 */
export const HallDisplaySchema = Type.Object(
  {
    notice: Type.String({
      maxLength: 500,
      ...setting(
        'Notice',
        'Thông báo chạy chữ',
        'A line running along the bottom of the hall TVs (opening hours, a holiday, a reminder). Empty: none.',
        '',
      ),
    }),
    voice: Type.Object(
      {
        enabled: Type.Boolean(setting('Announce calls', 'Đọc số bằng giọng nói', 'Speak each call on the hall TVs.', true)),
        sources: Type.Array(
          Type.Union(VOICE_SOURCES.map((s) => Type.Literal(s))),
          setting(
            'Voice sources',
            'Nguồn giọng đọc',
            "Tried in order for each call: browser (the TV's own Vietnamese voice), clips (the office's recordings in DATA_DIR/voice-clips), hub (eSpeak NG on the hub).",
            DEFAULT_VOICE.sources,
          ),
        ),
        rate: Type.Number({
          minimum: 0.5,
          maximum: 1.5,
          ...setting('Speech rate', 'Tốc độ đọc', '1 is normal; a little slower suits elderly listeners.', DEFAULT_VOICE.rate),
        }),
        chime: Type.Boolean(setting('Chime', 'Tiếng chuông', 'A chime before each announcement.', DEFAULT_VOICE.chime)),
        repeat: Type.Integer({
          minimum: 1,
          maximum: 3,
          ...setting('Times spoken', 'Số lần đọc', 'How many times each call is spoken.', DEFAULT_VOICE.repeat),
        }),
      },
      { ...closed, ...group('Voice', 'Giọng đọc', 'How the hall TVs announce calls.') },
    ),
  },
  { ...closed, ...group('Hall TV', 'Màn hình sảnh', 'What every hall TV shows and says.') },
);

export type HallDisplaySetting = Static<typeof HallDisplaySchema>;

export const DEFAULT_HALL_DISPLAY: HallDisplaySetting = {
  notice: '',
  voice: {
    enabled: DEFAULT_VOICE.enabled,
    sources: [...DEFAULT_VOICE.sources],
    rate: DEFAULT_VOICE.rate,
    chime: DEFAULT_VOICE.chime,
    repeat: DEFAULT_VOICE.repeat,
  },
};
