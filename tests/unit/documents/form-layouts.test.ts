import { describe, expect, it } from 'vitest';
import type { FormLayout, FormSection, FormValue } from '../../../server/documents/forms/form-layout.js';
import { FORM_LAYOUTS, formOn, FormNotFoundError } from '../../../server/documents/forms/form-catalogue.js';

const values = (l: FormLayout): FormValue[] => l.sections.flatMap((s) => (s.kind === 'field' ? [s.value] : []));
const kinds = (l: FormLayout): FormSection['kind'][] => l.sections.map((s) => s.kind);

/** The titles the circulars give each number (Thông tư 01/2018/TT-VPCP and 03/2025/TT-VPCP agree). */
const TITLES = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
} as const;

describe.each(FORM_LAYOUTS.map((l) => [`${l.formNumber} (${l.legalBasis})`, l] as const))('%s', (_, layout) => {
  it('has the title that goes with its number, and says where it comes from and since when', () => {
    expect(layout.title).toBe(TITLES[layout.id]);
    expect(layout.formNumber).toBe(`Mẫu số ${layout.id}`);
    expect(layout.legalBasis).toMatch(/^Thông tư \d{2}\/\d{4}\/TT-VPCP, Phụ lục( I)?, Mẫu số \d{2}$/);
    expect(layout.legalBasis).toContain(layout.formNumber);
    expect(layout.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('carries what every form needs: the code as barcode, the QR and Mã tra cứu, applicant, request, signature', () => {
    expect(kinds(layout)).toEqual(expect.arrayContaining(['barcode', 'lookup', 'signatures']));
    expect(values(layout)).toEqual(expect.arrayContaining(['applicant.name', 'applicant.idNumber', 'procedure']));
    const lookup = layout.sections.find((s) => s.kind === 'lookup');
    expect(lookup?.kind === 'lookup' && lookup.secretLabel).toBe('Mã tra cứu');
  });

  it('writes every label in NFC, without stray spaces', () => {
    const texts = layout.sections.flatMap((s) => {
      if (s.kind === 'paragraph') return [s.text];
      if (s.kind === 'signatures') return s.slots.flatMap((x) => [x.title, x.note]);
      if (s.kind === 'documents') return [s.label, ...s.columns];
      if (s.kind === 'lookup') return [s.caption, s.secretLabel];
      return [s.label];
    });
    for (const t of [layout.title, ...texts]) {
      expect(t).toBe(t.normalize('NFC'));
      expect(t).toBe(t.trim());
      expect(t).not.toBe('');
    }
  });
});

describe('mẫu 01', () => {
  it.each(FORM_LAYOUTS.filter((l) => l.id === '01'))('($legalBasis) has every field the issue lists', (layout) => {
    // Issue 6: số (header), mã hồ sơ, applicant, nội dung yêu cầu, thành phần hồ sơ table, số lượng
    // hồ sơ, thời gian giải quyết, thời gian nhận hồ sơ, thời gian trả kết quả, nơi nhận kết quả.
    expect(values(layout)).toEqual(
      expect.arrayContaining([
        'applicant.name',
        'procedure',
        'dossierSets',
        'processingDays',
        'receivedAt',
        'appointmentAt',
        'resultPlace',
      ]),
    );
    expect(kinds(layout)).toEqual(expect.arrayContaining(['barcode', 'documents']));
    const table = layout.sections.find((s) => s.kind === 'documents');
    expect(table?.kind === 'documents' && table.columns).toEqual(['STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao']);
    // Both the citizen and the officer sign the receipt.
    const signatures = layout.sections.find((s) => s.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.slots.map((s) => s.name)).toEqual(['applicant', 'officer']);
  });
});

describe.each(['02', '03'] as const)('mẫu %s', (id) => {
  it('lists the reasons and promises no result date', () => {
    for (const layout of FORM_LAYOUTS.filter((l) => l.id === id)) {
      expect(kinds(layout)).toContain('reasons');
      expect(values(layout)).not.toContain('appointmentAt');
    }
  });
});

describe('formOn', () => {
  it('picks the version in force on the day, switching on the day the new circular takes effect', () => {
    expect(formOn('01', '2019-01-08').legalBasis).toMatch(/^Thông tư 01\/2018\/TT-VPCP/);
    expect(formOn('02', '2025-09-14').legalBasis).toMatch(/^Thông tư 01\/2018\/TT-VPCP/);
    expect(formOn('02', '2025-09-15').legalBasis).toMatch(/^Thông tư 03\/2025\/TT-VPCP/);
    expect(formOn('03', '2026-11-23').legalBasis).toMatch(/^Thông tư 03\/2025\/TT-VPCP/);
    expect(formOn('03', '2026-11-23').id).toBe('03');
  });

  it('takes a later version from data without code changes', () => {
    const next: FormLayout = {
      ...formOn('01', '2026-01-01'),
      legalBasis: 'Thông tư 09/2027/TT-VPCP, Phụ lục, Mẫu số 01',
      effectiveFrom: '2027-07-01',
    };
    const layouts = [...FORM_LAYOUTS, next];
    expect(formOn('01', '2027-06-30', layouts).effectiveFrom).toBe('2025-09-15');
    expect(formOn('01', '2027-07-01', layouts)).toBe(next);
  });

  it('refuses a day before any version, a malformed day and an unknown form', () => {
    expect(() => formOn('01', '2018-12-31')).toThrow(FormNotFoundError);
    expect(() => formOn('01', '2018-12-31')).toThrow('No version of form 01 was in force on 2018-12-31');
    expect(() => formOn('01', '23/11/2026')).toThrow(/Not a day/);
    expect(() => formOn('04' as '01', '2026-11-23')).toThrow(/Unknown form id "04"/);
  });
});
