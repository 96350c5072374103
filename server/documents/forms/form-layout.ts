import type { ReceiptFormId } from '../../../common/dossier/receipt-data.js';

/**
 * A one-stop form as the circular annexes it: its title, and its body as an ordered list of
 * sections with the labels printed on the paper. Forms change with a circular (Thông tư 01/2018 ->
 * Thông tư 03/2025), so each layout carries the day it took effect and formOn picks the one in
 * force; the renderers (PDF and thermal) only interpret sections and never spell a label.
 *
 * The header (parent authority, office, national motto, "Số:", the place and date line) and the
 * title are the same frame on every form and are not listed as sections.
 */
export interface FormLayout {
  readonly id: ReceiptFormId;
  /** "Mẫu số 01". */
  readonly formNumber: string;
  /** As printed, in capitals: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ". */
  readonly title: string;
  /** The circular and annex the form comes from. */
  readonly legalBasis: string;
  /** "YYYY-MM-DD": the first day this layout is in force. */
  readonly effectiveFrom: string;
  readonly sections: readonly FormSection[];
}

/** The data a labelled line shows; worded by fill-form.ts. */
export type FormValue =
  | 'applicant.name'
  | 'applicant.idNumber'
  | 'applicant.address'
  | 'applicant.phone'
  | 'applicant.email'
  | 'procedure'
  | 'dossierSets'
  | 'processingDays'
  | 'receivedAt'
  | 'appointmentAt'
  | 'resultPlace';

export interface SignatureSlot {
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  readonly title: string;
  /** "(Ký và ghi rõ họ tên)". */
  readonly note: string;
  /** Whose name is printed under the space for the signature. */
  readonly name: 'applicant' | 'officer';
}

/**
 * Text of `paragraph` sections may name values in braces, filled in by fill-form.ts: {office} (the
 * office's name), {officer} (the receiving officer, or "cán bộ tiếp nhận"), {officePhone} (", số
 * điện thoại …" when the office has one, else nothing).
 */
export type FormSection =
  /** A sentence of the form, e.g. "{office} tiếp nhận hồ sơ của:". */
  | { readonly kind: 'paragraph'; readonly text: string; readonly italic?: boolean }
  /** "Label: value". Optional lines are left out when the value is absent. */
  | { readonly kind: 'field'; readonly label: string; readonly value: FormValue; readonly optional?: boolean }
  /** The thành phần hồ sơ table: a heading line, then STT | name | bản chính | bản sao. */
  | {
      readonly kind: 'documents';
      readonly label: string;
      readonly columns: readonly [string, string, string, string];
    }
  /** Numbered lines from data.reasons (what to complete, or why refused). */
  | { readonly kind: 'reasons'; readonly label: string }
  /** "Mã hồ sơ: …" with the code as Code 128 and the code in words under the bars. */
  | { readonly kind: 'barcode'; readonly label: string }
  /** The QR of followUrl, with its caption and the "Mã tra cứu" the kiosk asks for. */
  | { readonly kind: 'lookup'; readonly caption: string; readonly secretLabel: string }
  /** Side by side on a page (left to right), one under the other on a roll. */
  | { readonly kind: 'signatures'; readonly slots: readonly SignatureSlot[] };
