/**
 * What a one-stop form handed to the citizen is filled from: the receipt (mẫu 01, Giấy tiếp nhận hồ
 * sơ và hẹn trả kết quả), the request to add to or complete a dossier (mẫu 02) and the refusal
 * (mẫu 03). One shape for the three, so the counter fills it once and prints whichever the outcome
 * calls for; the form's layout (server/documents/forms) decides which of these it shows.
 */
export type ReceiptFormId = '01' | '02' | '03';

/** Where the citizen collects the result: at the office's counter or by public postal service. */
export type ResultDelivery = 'tai-bo-phan' | 'buu-chinh';

export interface ReceiptOffice {
  /** "Ủy ban nhân dân xã Tân Phú": first line of the header, printed in capitals. */
  readonly parentAuthority: string;
  /** "Trung tâm Phục vụ hành chính công xã Tân Phú": the office that receives the dossier. */
  readonly name: string;
  readonly address?: string | null;
  readonly phone?: string | null;
  /** The place on the date line: "Tân Phú" in "Tân Phú, ngày 23 tháng 11 năm 2026". */
  readonly place: string;
}

export interface ReceiptApplicant {
  readonly name: string;
  /** Số định danh cá nhân (12 digits) or the organisation's identifier. */
  readonly idNumber: string;
  readonly address?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
}

export interface ReceiptProcedure {
  /** National procedure code, e.g. "1.001193". */
  readonly code: string;
  readonly name: string;
  /** Lĩnh vực, e.g. "Hộ tịch"; null when the catalogue does not say. */
  readonly fieldName: string | null;
}

/** One row of the thành phần hồ sơ table. */
export interface ReceiptDocument {
  readonly name: string;
  /** Bản chính. */
  readonly originals: number;
  /** Bản sao. */
  readonly copies: number;
}

export interface ReceiptData {
  readonly form: ReceiptFormId;
  readonly office: ReceiptOffice;
  /** "Số: …": the dossier code, or the serial the office gives forms 02 and 03. */
  readonly number: string;
  /** Printed as Code 128 and in words; what the kiosk's scanner reads back. */
  readonly dossierCode: string;
  /** Epoch milliseconds, shown in Asia/Ho_Chi_Minh. */
  readonly receivedAt: number;
  /** Thời gian trả kết quả; required by mẫu 01, null on forms that promise no date. */
  readonly appointmentAt: number | null;
  /** The date on the date line when the form is made later than the dossier came in; receivedAt otherwise. */
  readonly issuedAt?: number;
  readonly applicant: ReceiptApplicant;
  /** Nội dung yêu cầu giải quyết. */
  readonly procedure: ReceiptProcedure;
  readonly documents: readonly ReceiptDocument[];
  /** Số lượng hồ sơ, in sets (bộ). */
  readonly dossierSets: number;
  /** Thời gian giải quyết theo quy định, in working days; 0 = within the day. */
  readonly processingDays: number;
  readonly resultDelivery: ResultDelivery;
  /** Where the result is handed over ("Quầy 6, …") or, by post, the address it is sent to. */
  readonly resultPlace: string;
  /** The receiving officer, printed under the signature. */
  readonly officerName: string | null;
  /** Mẫu 02: what to add or complete; mẫu 03: why the dossier is refused. One item per line. */
  readonly reasons: readonly string[];
  /** Encoded as the QR: where the citizen looks the dossier up. */
  readonly followUrl: string;
  /** Printed as "Mã tra cứu": the kiosk asks it before it shows any detail of the dossier. */
  readonly secret: string;
}
