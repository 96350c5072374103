/**
 * Vietnamese names of the literal values the settings choose from (roles, modes, device kinds…).
 * A value without a name here is shown as written: a newer hub's new value still reads.
 */
const LABELS: Readonly<Record<string, string>> = {
  primary: 'Chính',
  secondary: 'Phụ',
  strict: 'Luôn gọi ưu tiên trước',
  interleave: 'Xen kẽ sau N lượt thường',
  officer: 'Cán bộ một cửa',
  supervisor: 'Giám sát',
  admin: 'Quản trị',
  kiosk: 'Kiosk lấy số',
  display: 'Màn hình sảnh',
  'counter-screen': 'Màn hình quầy',
  survey: 'Máy tính bảng đánh giá',
  printer: 'Máy in phiếu',
  'led-board': 'Bảng LED quầy',
  keypad: 'Bàn phím gọi số',
  'survey-pad': 'Hộp nút đánh giá',
  scanner: 'Máy quét mã',
  browser: 'Giọng của trình duyệt trên TV',
  clips: 'Bản ghi âm của cơ quan',
  hub: 'Giọng tổng hợp trên máy chủ',
  'very-happy': 'Rất vui',
  happy: 'Vui',
  neutral: 'Bình thường',
  unhappy: 'Không vui',
  'very-unhappy': 'Rất không vui',
};

export function optionLabel(value: string): string {
  const vi = LABELS[value];
  return vi ? `${vi} (${value})` : value;
}

export const roleLabel = (role: string): string => LABELS[role] ?? role;
export const kindLabel = (kind: string): string => LABELS[kind] ?? kind;

export const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;
