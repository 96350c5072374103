import { readFileSync } from 'node:fs';
import { appointmentFor, DEFAULT_CALENDAR } from '../../../common/dossier/appointment.js';
import type { ReceiptData, ReceiptDocument, ReceiptOffice } from '../../../common/dossier/receipt-data.js';
import { parseRecord, type ParsedRecord } from '../../../server/catalogue/parse-record.js';
import { demoSiteConfig } from '../../../server/config/demo-office.js';
import { sharedDataPath } from '../../helpers/shared-data.js';

/**
 * Receipts as the demo office would print them, filled from real catalogue records: Thủ tục đăng
 * ký khai sinh (1.001193, a short list) and the first land registration (1.115520, commune level,
 * 17 documents with long names) for page breaks.
 */
const demo = demoSiteConfig(() => 'k'.repeat(24)).office;

export const OFFICE: ReceiptOffice = {
  parentAuthority: demo.parentAuthority,
  name: demo.name,
  address: demo.address ?? null,
  phone: demo.phone ?? null,
  place: 'Tân Phú',
};

/** 09:41 on Monday 23 November 2026 in Vietnam. */
export const RECEIVED_AT = Date.UTC(2026, 10, 23, 2, 41, 0);

export function procedureRecord(code: string): ParsedRecord {
  const file = `${code.replace('.', '_')}.md`;
  const { record } = parseRecord(file, readFileSync(sharedDataPath(`procedures/records/${file}`), 'utf8'));
  if (record === null) throw new Error(`Record ${file} did not parse`);
  return record;
}

/** What must be handed in (Giấy tờ phải nộp) with at least one original or copy. */
export function submittedDocuments(record: ParsedRecord): ReceiptDocument[] {
  return record.documents
    .filter((g) => g.group === 'nop')
    .flatMap((g) => g.items)
    .filter((i) => (i.originals ?? 0) + (i.copies ?? 0) > 0)
    .map((i) => ({ name: i.name.replace(/^[-+]\s*/u, ''), originals: i.originals ?? 0, copies: i.copies ?? 0 }));
}

export function receiptFor(
  code: string,
  sequence: number,
  overrides: Partial<ReceiptData> = {},
  handedIn: (d: ReceiptDocument) => boolean = () => true,
): ReceiptData {
  const record = procedureRecord(code);
  const days = record.channels.find((c) => c.channel === 'truc-tiep')?.days ?? 1;
  const dossierCode = `${demo.agencyCode}-261123-${String(sequence).padStart(4, '0')}`;
  return {
    form: '01',
    office: OFFICE,
    number: dossierCode,
    dossierCode,
    receivedAt: RECEIVED_AT,
    appointmentAt: appointmentFor(RECEIVED_AT, days, DEFAULT_CALENDAR).appointmentAt,
    applicant: {
      name: 'Nguyễn Thị Ngọc Ánh',
      idNumber: '038190012345',
      address: 'Thôn Phú Lộc, xã Tân Phú, tỉnh Đồng Nai',
      phone: '0912 345 678',
      email: null,
    },
    procedure: { code: record.code, name: record.title ?? code, fieldName: record.general.field ?? null },
    documents: submittedDocuments(record).filter(handedIn),
    dossierSets: 1,
    processingDays: days,
    resultDelivery: 'tai-bo-phan',
    resultPlace: 'Quầy 6 – Nhận kết quả, Trung tâm Phục vụ hành chính công xã Tân Phú',
    officerName: 'Nguyễn Thị Lan',
    reasons: [],
    followUrl: `http://192.168.1.10:8080/h/${dossierCode}`,
    secret: '482913',
    ...overrides,
  };
}

/**
 * A birth registered in person by the mother: of the documents the record lists, the ones that
 * apply (not the abandoned-child or surrogacy cases, not the online-only e-form).
 */
export const birthReceipt = (): ReceiptData =>
  receiptFor('1.001193', 42, {}, (d) => !d.name.startsWith('Trường hợp') && !d.name.includes('hình thức trực tuyến'));

export const moreDocumentsRequest = (): ReceiptData => ({
  ...birthReceipt(),
  form: '02',
  number: '15/PYCBS',
  appointmentAt: null,
  reasons: [
    'Giấy chứng sinh bản chính (bản đã nộp là bản chụp, không có chữ ký của cơ sở y tế).',
    'Văn bản ủy quyền có chứng thực của ông Trần Văn Đức cho bà Nguyễn Thị Ngọc Ánh.',
  ],
});

export const refusal = (): ReceiptData => ({
  ...birthReceipt(),
  form: '03',
  number: '07/PTC',
  appointmentAt: null,
  reasons: ['Trẻ đã được đăng ký khai sinh ngày 02/10/2026 tại Ủy ban nhân dân phường Hòa Bình (trùng đăng ký).'],
});
