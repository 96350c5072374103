/**
 * What a clerk should type, for the shapes the settings schema asks for (by their pattern). The
 * schema's own `errorMessage` is English, for the API; the form shows these.
 */
const HINTS: Readonly<Record<string, string>> = {
  '^[a-z0-9-]{1,32}$': 'Mã: 1–32 ký tự a–z, 0–9 hoặc dấu -, không dấu, không cách (ví dụ quay-7).',
  '^[a-z0-9._-]{3,32}$': 'Tên đăng nhập: 3–32 ký tự a–z, 0–9, dấu chấm, _ hoặc - (ví dụ canbo7).',
  '^[A-Z1-9]$': 'Một chữ in hoa A–Z (A → A001) hoặc một chữ số 1–9 (1 → 1001).',
  '^([01]\\d|2[0-3]):[0-5]\\d$': 'Giờ dạng HH:MM, ví dụ 07:30 hoặc 15:00.',
  '^\\d{4}-\\d{2}-\\d{2}$': 'Ngày dạng NNNN-TT-NN, ví dụ 2026-09-02.',
  '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$': 'Mã định danh dạng 000.00.31.H38.',
  '^[0-9+() .-]{3,20}$': 'Số điện thoại: chữ số, khoảng trắng và + ( ) . -',
  '^[a-z0-9-]+/[a-z0-9._-]+$': 'Mã mẫu thiết bị, ví dụ generic/escpos-80mm.',
  '^[\\x21-\\x7E]+$': 'Ít nhất 24 ký tự, không dấu, không khoảng trắng. Dùng nút “Tạo khóa mới”.',
  '\\S': 'Không được để trống.',
};

export function patternHint(pattern: string | undefined): string | null {
  return pattern === undefined ? null : (HINTS[pattern] ?? null);
}

/** Does the text have the shape? A pattern the browser cannot compile never blocks typing. */
export function matchesPattern(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}
