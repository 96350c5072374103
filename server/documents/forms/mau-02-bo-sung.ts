import { legalBasisOf, TT_01_2018, TT_03_2025, type Circular } from './circulars.js';
import type { FormLayout, FormSection } from './form-layout.js';

/**
 * Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. The office must say in one go, in writing,
 * everything the dossier lacks; data.reasons holds those items, one a line.
 */
const SECTIONS: readonly FormSection[] = [
  { kind: 'barcode', label: 'Mã hồ sơ' },
  {
    kind: 'lookup',
    caption: 'Tra cứu tình trạng hồ sơ: quét mã QR bằng điện thoại, hoặc quét mã vạch tại kiosk của Trung tâm.',
    secretLabel: 'Mã tra cứu',
  },
  { kind: 'field', label: 'Hồ sơ của', value: 'applicant.name' },
  { kind: 'field', label: 'Số định danh cá nhân', value: 'applicant.idNumber' },
  { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: 'procedure' },
  { kind: 'field', label: 'Địa chỉ', value: 'applicant.address', optional: true },
  { kind: 'field', label: 'Số điện thoại', value: 'applicant.phone', optional: true },
  { kind: 'field', label: 'Email', value: 'applicant.email', optional: true },
  { kind: 'reasons', label: 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:' },
  {
    kind: 'paragraph',
    text: 'Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với {officer} tại {office}{officePhone} để được hướng dẫn./.',
  },
  { kind: 'signatures', slots: [{ title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)', name: 'officer' }] },
];

const version = (c: Circular): FormLayout => ({
  id: '02',
  formNumber: 'Mẫu số 02',
  title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  legalBasis: legalBasisOf(c, 'Mẫu số 02'),
  effectiveFrom: c.effectiveFrom,
  sections: SECTIONS,
});

export const MAU_02_VERSIONS: readonly FormLayout[] = [version(TT_01_2018), version(TT_03_2025)];
