import { Type, type Static } from '@sinclair/typebox';
import { closed, group, setting, slugSetting as slug, textSetting as text } from './schema-meta.js';

export const PriorityClassSchema = Type.Object(
  {
    id: slug('Id', 'Mã', 'Stored on tickets; do not change once tickets use it.'),
    name: text('Name', 'Tên', 'Shown on the kiosk and printed on the ticket.'),
    nameEn: text('Name in English', 'Tên (tiếng Anh)', 'Shown when the kiosk is switched to English.'),
  },
  { ...closed, ...group('Priority class', 'Đối tượng ưu tiên', 'A class of citizens served first.') },
);

/** The classes offices serve first today (DESIGN §4); a site may change the list. */
export const DEFAULT_PRIORITY_CLASSES: readonly Static<typeof PriorityClassSchema>[] = [
  { id: 'nguoi-cao-tuoi', name: 'Người cao tuổi', nameEn: 'Older person' },
  { id: 'nguoi-khuyet-tat', name: 'Người khuyết tật', nameEn: 'Person with a disability' },
  { id: 'phu-nu-mang-thai', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman' },
  { id: 'tre-em-duoi-6-tuoi', name: 'Trẻ em dưới 6 tuổi đi cùng', nameEn: 'With a child under 6' },
  { id: 'nguoi-co-cong', name: 'Người có công với cách mạng', nameEn: 'Person with meritorious service to the revolution' },
];

export const PrioritySchema = Type.Object(
  {
    mode: Type.Union(
      [Type.Literal('strict'), Type.Literal('interleave')],
      // strict by default: it is what the law's "ưu tiên" plainly means, and it needs no other setting.
      setting(
        'Mode',
        'Cách gọi ưu tiên',
        'strict: priority tickets always first; interleave: one priority ticket after every N normal calls.',
        'strict',
      ),
    ),
    every: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 20,
        ...setting(
          'Every N normal calls',
          'Sau mỗi N lượt thường',
          'Used in interleave mode: a counter calls a priority ticket after this many normal ones.',
          3,
        ),
      }),
    ),
    ageCapMinutes: Type.Integer({
      minimum: 5,
      maximum: 480,
      ...setting(
        'Age cap (minutes)',
        'Thời gian chờ tối đa (phút)',
        'A ticket that has waited this long goes first, whatever its class, so nobody waits without bound.',
        45,
      ),
    }),
    classes: Type.Array(
      PriorityClassSchema,
      setting('Priority classes', 'Đối tượng ưu tiên', 'Offered on the kiosk when taking a ticket.', DEFAULT_PRIORITY_CLASSES),
    ),
  },
  { ...closed, ...group('Priority', 'Ưu tiên', 'How priority tickets are called.') },
);
