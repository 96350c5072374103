import { describe, expect, it } from 'vitest';
import type { DossierRecord } from '../../../common/dossier/dossier-record.js';
import type { ReceiptData } from '../../../common/dossier/receipt-data.js';
import { ReceiptDataError } from '../../../server/documents/check-receipt-data.js';
import { fillForm, type FilledItem } from '../../../server/documents/fill-form.js';
import {
  dayMonthYear,
  headerNameLines,
  placeFromOfficeName,
  timeAndDate,
  workingDaysText,
} from '../../../server/documents/form-wording.js';
import { formOn } from '../../../server/documents/forms/form-catalogue.js';
import { receiptDataFromRecord } from '../../../server/documents/receipt-from-record.js';

const vn = (y: number, m: number, d: number, hh = 0, mm = 0): number => Date.UTC(y, m - 1, d, hh - 7, mm);

const data: ReceiptData = {
  form: '01',
  office: {
    parentAuthority: 'Ủy ban nhân dân phường Hòa Bình',
    name: 'Trung tâm Phục vụ hành chính công phường Hòa Bình',
    place: 'Hòa Bình',
    phone: null,
  },
  number: '000.00.12.H01-260105-0007',
  dossierCode: '000.00.12.H01-260105-0007',
  receivedAt: vn(2026, 1, 5, 8, 5),
  appointmentAt: vn(2026, 1, 8, 16, 0),
  applicant: { name: 'Lê Văn Hải', idNumber: '001090004321' },
  procedure: { code: '1.004222', name: 'Cấp bản sao trích lục hộ tịch', fieldName: null },
  documents: [{ name: '  Tờ khai\n cấp bản sao trích lục ', originals: 1, copies: 0 }],
  dossierSets: 1,
  processingDays: 0.5,
  resultDelivery: 'buu-chinh',
  resultPlace: 'Số 5 ngõ 12 phố Huế, phường Hòa Bình',
  officerName: null,
  reasons: [],
  followUrl: 'https://hall.example.vn/h/000.00.12.H01-260105-0007',
  secret: '004512',
};

const find = <K extends FilledItem['kind']>(items: readonly FilledItem[], kind: K) =>
  items.filter((i): i is Extract<FilledItem, { kind: K }> => i.kind === kind);

describe('form wording', () => {
  it('writes dates as administrative papers do: a zero before days under 10 and months 1 and 2', () => {
    expect(dayMonthYear(vn(2026, 1, 5))).toBe('ngày 05 tháng 01 năm 2026');
    expect(dayMonthYear(vn(2026, 3, 9))).toBe('ngày 09 tháng 3 năm 2026');
    expect(dayMonthYear(vn(2026, 11, 23))).toBe('ngày 23 tháng 11 năm 2026');
    // 23:30 on the 31st in Vietnam is still the 31st (16:30 UTC).
    expect(timeAndDate(vn(2026, 12, 31, 23, 30))).toBe('23 giờ 30 phút, ngày 31 tháng 12 năm 2026');
  });

  it('counts working days with a decimal comma, and the same day as such', () => {
    expect(workingDaysText(13)).toBe('13 ngày làm việc');
    expect(workingDaysText(0.5)).toBe('0,5 ngày làm việc');
    expect(workingDaysText(0)).toBe('Trong ngày làm việc');
  });

  it('sets an office name on its natural lines, before the place', () => {
    expect(headerNameLines('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN PHÚ')).toEqual([
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'XÃ TÂN PHÚ',
    ]);
    expect(headerNameLines('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI')).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI']);
    expect(headerNameLines('BỘ PHẬN MỘT CỬA')).toEqual(['BỘ PHẬN MỘT CỬA']);
  });

  it('finds the place for the date line in the office name when none is configured', () => {
    expect(placeFromOfficeName('Trung tâm Phục vụ hành chính công xã Tân Phú')).toBe('Tân Phú');
    expect(placeFromOfficeName('Bộ phận Một cửa phường Hòa Bình')).toBe('Hòa Bình');
    expect(placeFromOfficeName('Trung tâm Phục vụ hành chính công tỉnh Đồng Nai')).toBe('Đồng Nai');
    expect(placeFromOfficeName('Ủy ban nhân dân xã Tân Phú, tỉnh Đồng Nai')).toBe('Tân Phú');
    expect(placeFromOfficeName('Trung tâm Phục vụ hành chính công')).toBe('Trung tâm Phục vụ hành chính công');
  });
});

describe('fillForm', () => {
  const filled = fillForm(formOn('01', '2026-01-05'), data);

  it('words the header: authority and office in capitals, number, place and date', () => {
    expect(filled.header).toEqual({
      authority: 'ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH',
      office: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HÒA BÌNH',
      motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
      number: 'Số: 000.00.12.H01-260105-0007',
      dateLine: 'Hòa Bình, ngày 05 tháng 01 năm 2026',
    });
    expect(filled.layout.legalBasis).toMatch(/^Thông tư 03\/2025/);
  });

  it('fills the fields, leaving out absent optional ones and never a required one', () => {
    const fields = Object.fromEntries(find(filled.items, 'field').map((f) => [f.label, f.value]));
    expect(fields).toEqual({
      'Ông/Bà': 'Lê Văn Hải',
      'Số định danh cá nhân': '001090004321',
      'Nội dung yêu cầu giải quyết': 'Cấp bản sao trích lục hộ tịch (mã thủ tục 1.004222)',
      '2. Số lượng hồ sơ': '01 bộ',
      '3. Thời gian giải quyết hồ sơ theo quy định': '0,5 ngày làm việc',
      '4. Thời gian nhận hồ sơ': '08 giờ 05 phút, ngày 05 tháng 01 năm 2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ': '16 giờ 00 phút, ngày 08 tháng 01 năm 2026',
      '6. Đăng ký nhận kết quả tại': 'Qua dịch vụ bưu chính công ích, gửi đến: Số 5 ngõ 12 phố Huế, phường Hòa Bình',
    });
    expect(find(filled.items, 'paragraph')[0]?.text).toBe(
      'Trung tâm Phục vụ hành chính công phường Hòa Bình tiếp nhận hồ sơ của:',
    );
    expect(find(filled.items, 'documents')[0]?.rows).toEqual([
      { name: 'Tờ khai cấp bản sao trích lục', originals: 1, copies: 0 },
    ]);
    // No officer named: the officer's signature is left for the hand, no name printed.
    expect(find(filled.items, 'signatures')[0]?.slots.map((s) => s.name)).toEqual(['Lê Văn Hải', '']);
  });

  it('says who to call on mẫu 02 only with what is known', () => {
    const request = fillForm(formOn('02', '2026-01-05'), {
      ...data,
      form: '02',
      appointmentAt: null,
      reasons: ['Bản chính Giấy khai sinh.'],
    });
    expect(find(request.items, 'paragraph').at(-1)?.text).toBe(
      'Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với cán bộ tiếp nhận tại Trung tâm Phục vụ hành chính công phường Hòa Bình để được hướng dẫn./.',
    );
    expect(find(request.items, 'reasons')[0]?.items).toEqual(['Bản chính Giấy khai sinh.']);
  });

  it('refuses bad data naming every problem, in English', () => {
    const bad = {
      ...data,
      office: { ...data.office, place: ' ' },
      dossierCode: '000.00.12.h01-260105-0007',
      appointmentAt: vn(2026, 1, 4),
      documents: [{ name: 'Tờ khai', originals: -1, copies: 1.5 }],
      dossierSets: 0,
      processingDays: Number.NaN,
      resultDelivery: 'email',
      secret: '12 34',
    } as unknown as ReceiptData;
    let error: unknown;
    try {
      fillForm(formOn('01', '2026-01-05'), bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReceiptDataError);
    expect((error as ReceiptDataError).problems).toEqual([
      'office.place is required',
      'dossierCode "000.00.12.h01-260105-0007" is not a dossier code (like 000.00.31.H38-261123-0001)',
      'appointmentAt is before receivedAt',
      'documents[0].originals must be a whole number >= 0, got -1',
      'documents[0].copies must be a whole number >= 0, got 1.5',
      'dossierSets must be a whole number >= 1, got 0',
      'processingDays must be a number of working days >= 0, got NaN',
      'resultDelivery must be tai-bo-phan or buu-chinh, got "email"',
      'secret must be 4-12 letters or digits, as the kiosk keypad types them',
    ]);
  });

  it('refuses a receipt without documents and a refusal without reasons', () => {
    expect(() => fillForm(formOn('01', '2026-01-05'), { ...data, documents: [] })).toThrow(/documents is empty/);
    expect(() => fillForm(formOn('03', '2026-01-05'), { ...data, form: '03', appointmentAt: null })).toThrow(
      /reasons is empty: form 03 must say why/,
    );
  });
});

describe('receiptDataFromRecord', () => {
  const record: DossierRecord = {
    code: '000.00.31.H38-261123-0042',
    receivedAt: vn(2026, 11, 23, 9, 41),
    appointmentAt: vn(2026, 11, 24, 16, 0),
    procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', fieldName: 'Hộ tịch' },
    workingDays: 1,
    applicant: {
      name: 'Nguyễn Thị Ngọc Ánh',
      idNumber: '038190012345',
      address: 'Thôn Phú Lộc, xã Tân Phú',
      phone: null,
      email: null,
    },
    documents: [{ name: 'Giấy chứng sinh', originals: 1, copies: 0 }],
    dossierSets: 1,
    channel: 1,
    resultDelivery: 'buu-chinh',
    agencyCode: '000.00.31.H38',
    officerName: 'Nguyễn Thị Lan',
    secret: '482913',
  };
  const ctx = {
    office: {
      parentAuthority: 'Ủy ban nhân dân xã Tân Phú',
      name: 'Trung tâm Phục vụ hành chính công xã Tân Phú',
      place: 'Tân Phú',
    },
    followUrl: 'http://192.168.1.10:8080/h/000.00.31.H38-261123-0042',
    resultPlace: 'Quầy 6 – Nhận kết quả',
  };

  it('makes a receipt the forms accept, sending the result by post to the applicant', () => {
    const filled = fillForm(formOn('01', '2026-11-23'), receiptDataFromRecord(record, '01', ctx));
    const fields = Object.fromEntries(find(filled.items, 'field').map((f) => [f.label, f.value]));
    expect(fields['5. Thời gian trả kết quả giải quyết hồ sơ']).toBe('16 giờ 00 phút, ngày 24 tháng 11 năm 2026');
    expect(fields['6. Đăng ký nhận kết quả tại']).toBe('Qua dịch vụ bưu chính công ích, gửi đến: Thôn Phú Lộc, xã Tân Phú');
    expect(filled.header.number).toBe('Số: 000.00.31.H38-261123-0042');
  });

  it('makes a mẫu 03 with the reasons and no result date', () => {
    const data = receiptDataFromRecord(record, '03', { ...ctx, reasons: ['Hồ sơ trùng.'], number: '07/PTC' });
    expect(data.appointmentAt).toBeNull();
    const filled = fillForm(formOn('03', '2026-11-23'), data);
    expect(filled.header.number).toBe('Số: 07/PTC');
    expect(find(filled.items, 'reasons')[0]?.items).toEqual(['Hồ sơ trùng.']);
  });
});
