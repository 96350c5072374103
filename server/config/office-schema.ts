import { Type } from '@sinclair/typebox';
import { closed, group, setting, textSetting as text } from './schema-meta.js';

/** Who the hall belongs to: printed on every ticket and receipt, and part of every dossier code. */
export const OfficeSchema = Type.Object(
  {
    name: text(
      'Office name',
      'Tên cơ quan',
      'Printed on tickets and receipts and shown on the hall TV.',
      'Trung tâm Phục vụ hành chính công',
    ),
    nameEn: text(
      'Office name in English',
      'Tên cơ quan (tiếng Anh)',
      'Shown when a screen is switched to English.',
      'Public Administrative Service Centre',
    ),
    parentAuthority: text(
      'Parent authority',
      'Cơ quan chủ quản',
      "The people's committee the centre belongs to, printed above the office name.",
      'Ủy ban nhân dân xã',
    ),
    agencyCode: Type.String({
      pattern: '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$',
      ...setting(
        'Agency code',
        'Mã định danh cơ quan',
        'The V1V2V3.Z1Z2.Y1Y2.MX1X2 part of dossier codes (Thông tư 01/2018/TT-VPCP Điều 19), e.g. 000.00.31.H38.',
        '000.00.00.H00',
        { errorMessage: 'Expected an agency code shaped like 000.00.31.H38' },
      ),
    }),
    address: Type.Optional(text('Address', 'Địa chỉ', 'Printed on receipts; none by default.', null)),
    phone: Type.Optional(
      Type.String({
        pattern: '^[0-9+() .-]{3,20}$',
        ...setting('Phone', 'Số điện thoại', "The office's hotline, printed on receipts; none by default.", undefined, {
          errorMessage: 'Expected a phone number',
        }),
      }),
    ),
  },
  { ...closed, ...group('Office', 'Cơ quan', 'Who this hall belongs to.') },
);

/** Regional wording for the hall TV's number reading (DESIGN §6), used by the voice. */
export const LocaleSchema = Type.Object(
  {
    thousand: Type.Union(
      [Type.Literal('nghìn'), Type.Literal('ngàn')],
      setting('Word for thousand', 'Cách đọc "nghìn"', 'nghìn (northern) or ngàn (southern) in announcements.', 'nghìn'),
    ),
    zeroTen: Type.Union(
      [Type.Literal('linh'), Type.Literal('lẻ')],
      setting('Zero in the tens', 'Cách đọc số 0 hàng chục', 'linh or lẻ: "một trăm linh năm" or "một trăm lẻ năm".', 'linh'),
    ),
    four: Type.Union(
      [Type.Literal('tư'), Type.Literal('bốn')],
      setting('Four after a ten', 'Cách đọc số 4 sau hàng chục', 'tư or bốn: "hai mươi tư" or "hai mươi bốn".', 'tư'),
    ),
  },
  {
    ...closed,
    ...group('Voice wording', 'Cách đọc số', 'Regional choices for the Vietnamese number reading in call announcements.'),
  },
);
