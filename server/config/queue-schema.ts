import { Type, type Static } from '@sinclair/typebox';
import { closed, group, setting, slugSetting as slug, textSetting as text } from './schema-meta.js';

/** Service queues and the counters that call from them. */

export const QueueSchema = Type.Object(
  {
    id: slug('Id', 'Mã', 'Stored on tickets; do not change once tickets use it.'),
    name: text('Name', 'Tên hàng đợi', 'Shown on the kiosk, the ticket and the hall TV, e.g. "Hộ tịch – Chứng thực".'),
    nameEn: text('Name in English', 'Tên (tiếng Anh)', 'Shown when a screen is switched to English.'),
    series: Type.Object(
      {
        prefix: Type.String({
          pattern: '^[A-Z1-9]$',
          ...setting('Prefix', 'Ký tự đầu', 'A capital letter (A -> A001) or a leading digit 1-9 (1 -> 1001).', 'A', {
            errorMessage: 'Expected one capital letter A-Z or one digit 1-9',
          }),
        }),
        start: Type.Integer({ minimum: 0, ...setting('First number', 'Số bắt đầu', 'The first number of each service day.', 1) }),
        width: Type.Integer({
          minimum: 1,
          maximum: 5,
          ...setting('Digits', 'Số chữ số', 'Digits after the prefix: 3 gives A001-A999.', 3),
        }),
      },
      {
        ...closed,
        ...group('Number series', 'Dãy số', 'How this queue numbers its tickets; numbering restarts every service day.'),
      },
    ),
    defaultServiceMinutes: Type.Integer({
      minimum: 1,
      maximum: 240,
      ...setting(
        'Default service time (minutes)',
        'Thời gian phục vụ mặc định (phút)',
        'Used for wait estimates until the queue has served enough citizens to average.',
        10,
      ),
    }),
    fields: Type.Array(
      Type.String({ pattern: '\\S', maxLength: 300, errorMessage: 'Expected a non-blank field name' }),
      setting(
        'Fields (lĩnh vực)',
        'Lĩnh vực',
        'Catalogue fields whose procedures take a ticket in this queue, spelled exactly as in the catalogue.',
        [],
      ),
    ),
    issuingHours: Type.Optional(
      Type.Object(
        {
          from: Type.String({
            pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
            ...setting('From', 'Từ', 'First time of day numbers are given, HH:MM.', '07:00', {
              errorMessage: 'Expected a time HH:MM',
            }),
          }),
          to: Type.String({
            pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
            ...setting('Until', 'Đến', 'Numbers stop at this time, HH:MM.', '16:30', { errorMessage: 'Expected a time HH:MM' }),
          }),
          days: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
            minItems: 1,
            uniqueItems: true,
            ...setting('Days', 'Các ngày', 'Weekdays, 0 = Chủ nhật … 6 = Thứ bảy.', [1, 2, 3, 4, 5]),
          }),
        },
        {
          ...closed,
          ...group('Issuing hours', 'Giờ lấy số', 'When the kiosk gives numbers for this queue; absent: at any time.'),
        },
      ),
    ),
  },
  { ...closed, ...group('Queue', 'Hàng đợi', 'A service queue with its own number series.') },
);

export const CounterSchema = Type.Object(
  {
    id: slug('Id', 'Mã', 'Used in screen addresses and rooms; do not change once in use.'),
    number: Type.Integer({
      minimum: 1,
      maximum: 999,
      ...setting('Number', 'Số quầy', 'The number citizens hear: "quầy số 3".', 1),
    }),
    name: text('Name', 'Tên quầy', 'Shown on the officer console and reports.'),
    queues: Type.Array(
      Type.Object(
        {
          queueId: Type.String({ ...setting('Queue', 'Hàng đợi', 'Id of a queue this counter serves.', '') }),
          role: Type.Union(
            [Type.Literal('primary'), Type.Literal('secondary')],
            setting('Role', 'Vai trò', 'Primary queues are called before secondary ones.', 'primary'),
          ),
        },
        { ...closed, ...group('Served queue', 'Hàng đợi phục vụ', 'A queue and its role at this counter.') },
      ),
      setting('Queues', 'Hàng đợi phục vụ', 'The queues this counter calls from.', []),
    ),
    priorityCounter: Type.Boolean(
      setting(
        'Priority counter',
        'Quầy ưu tiên',
        'A dedicated priority counter calls priority tickets of its queues before anything else.',
        false,
      ),
    ),
  },
  { ...closed, ...group('Counter', 'Quầy', 'A service counter (quầy).') },
);

export type QueueSetting = Static<typeof QueueSchema>;
export type CounterSetting = Static<typeof CounterSchema>;
