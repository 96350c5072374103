/** What the hub answers on /api/admin/catalogue/*, as the screen reads it. */
export interface CatalogueCounts {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly notInFile: number;
}

export interface ProcedureSample {
  readonly code: string;
  readonly name: string;
  readonly field: string | null;
  readonly changes?: readonly { readonly key: string; readonly before: string | null; readonly after: string | null }[];
}

export interface UploadProblem {
  readonly row: number;
  readonly column?: string;
  readonly code: string | null;
  readonly message: string;
  readonly messageVi: string;
}

export interface CataloguePreview {
  readonly previewId: string;
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx' | 'json';
  readonly expiresAt: number;
  readonly read: number;
  readonly counts: CatalogueCounts;
  readonly samples: { readonly added: readonly ProcedureSample[]; readonly changed: readonly ProcedureSample[] };
  readonly notInFile: readonly string[];
  readonly problems: readonly UploadProblem[];
  readonly problemCount: number;
}

export interface CatalogueImported {
  readonly counts: CatalogueCounts;
  readonly procedures: number;
  readonly fileName: string;
  readonly importedAt: number;
}

export interface CatalogueStatus {
  readonly procedures: number;
  readonly lastImport: { readonly at: number; readonly source: string; readonly problemCount: number } | null;
}

export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

const TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/**
 * The Content-Type to send a chosen file as, by its extension: browsers disagree on what a .csv is
 * (Windows with Excel says application/vnd.ms-excel), so the page names it itself. Null for others.
 */
export function uploadTypeOf(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return TYPES[ext] ?? null;
}

/** The procedure's keys as the catalogue names them, for the "what changed" column. */
const KEY_LABELS: Readonly<Record<string, string>> = {
  name: 'Tên',
  field: 'Lĩnh vực',
  issuingAgency: 'Cơ quan ban hành',
  implementingAgency: 'Cơ quan thực hiện',
  competentAgency: 'Cơ quan có thẩm quyền',
  submissionAddress: 'Địa chỉ tiếp nhận',
  portalUrl: 'URL',
  levels: 'Cấp thực hiện',
  communeLevel: 'Thực hiện ở cấp xã',
  procedureType: 'Loại thủ tục',
  subjects: 'Đối tượng thực hiện',
  decisionNumber: 'Số quyết định',
  channels: 'Cách thức thực hiện',
  documents: 'Thành phần hồ sơ',
  steps: 'Trình tự thực hiện',
  conditions: 'Yêu cầu, điều kiện',
  legalBasis: 'Căn cứ pháp lý',
  result: 'Kết quả',
  description: 'Mô tả',
  keywords: 'Từ khóa',
  hasFullRecord: 'Có hồ sơ đầy đủ',
};

export const keyLabel = (key: string): string => KEY_LABELS[key] ?? key;

/** "5.607" the Vietnamese way. */
export const vnNumber = (n: number): string => n.toLocaleString('vi-VN');

/**
 * Whether a CSV or JSON the admin chose is UTF-8, checked on this PC before it is sent, so the
 * commonest mistake (a file saved in Windows-1258 or TCVN3) is explained in Vietnamese at once.
 * The hub checks again and refuses it anyway.
 */
export function isUtf8(bytes: ArrayBuffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export const NOT_UTF8_VI =
  'Tệp không được mã hoá UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI) nên chữ tiếng Việt sẽ bị sai. ' +
  'Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) → "CSV UTF-8 (Comma delimited)", rồi chọn lại tệp.';
