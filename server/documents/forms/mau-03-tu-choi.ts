import { legalBasisOf, TT_01_2018, TT_03_2025, type Circular } from './circulars.js';
import type { FormLayout, FormSection } from './form-layout.js';

/** Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reasons for the refusal. */
const SECTIONS: readonly FormSection[] = [
  { kind: 'barcode', label: 'Mã hồ sơ' },
  {
    kind: 'lookup',
    caption: 'Tra cứu tình trạng hồ sơ: quét mã QR bằng điện thoại, hoặc quét mã vạch tại kiosk của Trung tâm.',
    secretLabel: 'Mã tra cứu',
  },
  { kind: 'paragraph', text: '{office} tiếp nhận hồ sơ của:' },
  { kind: 'field', label: 'Ông/Bà', value: 'applicant.name' },
  { kind: 'field', label: 'Số định danh cá nhân', value: 'applicant.idNumber' },
  { kind: 'field', label: 'Địa chỉ', value: 'applicant.address', optional: true },
  { kind: 'field', label: 'Số điện thoại', value: 'applicant.phone', optional: true },
  { kind: 'field', label: 'Email', value: 'applicant.email', optional: true },
  { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: 'procedure' },
  {
    kind: 'reasons',
    label: 'Qua xem xét, {office} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
  },
  { kind: 'paragraph', text: 'Xin thông báo để Ông/Bà được biết và thực hiện./.' },
  { kind: 'signatures', slots: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: 'officer' }] },
];

const version = (c: Circular): FormLayout => ({
  id: '03',
  formNumber: 'Mẫu số 03',
  title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  legalBasis: legalBasisOf(c, 'Mẫu số 03'),
  effectiveFrom: c.effectiveFrom,
  sections: SECTIONS,
});

export const MAU_03_VERSIONS: readonly FormLayout[] = [version(TT_01_2018), version(TT_03_2025)];
