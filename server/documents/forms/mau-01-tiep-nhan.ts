import { legalBasisOf, TT_01_2018, TT_03_2025, type Circular } from './circulars.js';
import type { FormLayout, FormSection } from './form-layout.js';

/**
 * Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, the citizen's receipt. The numbered items
 * 1-6 are the form's own; the identity number is asked by Nghị định 118/2025 (the dossier is tied
 * to the applicant's số định danh), and the barcode, QR and "Mã tra cứu" are what the hall adds so
 * the kiosk can find the dossier again.
 */
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
  { kind: 'documents', label: '1. Thành phần hồ sơ nộp gồm:', columns: ['STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'] },
  { kind: 'field', label: '2. Số lượng hồ sơ', value: 'dossierSets' },
  { kind: 'field', label: '3. Thời gian giải quyết hồ sơ theo quy định', value: 'processingDays' },
  { kind: 'field', label: '4. Thời gian nhận hồ sơ', value: 'receivedAt' },
  { kind: 'field', label: '5. Thời gian trả kết quả giải quyết hồ sơ', value: 'appointmentAt' },
  { kind: 'field', label: '6. Đăng ký nhận kết quả tại', value: 'resultPlace' },
  {
    kind: 'signatures',
    slots: [
      { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: 'applicant' },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: 'officer' },
    ],
  },
];

const version = (c: Circular): FormLayout => ({
  id: '01',
  formNumber: 'Mẫu số 01',
  title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  legalBasis: legalBasisOf(c, 'Mẫu số 01'),
  effectiveFrom: c.effectiveFrom,
  sections: SECTIONS,
});

export const MAU_01_VERSIONS: readonly FormLayout[] = [version(TT_01_2018), version(TT_03_2025)];
