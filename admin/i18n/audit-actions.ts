/** The audit log's actions in Vietnamese; an action a newer hub adds shows as written. */
const ACTIONS: Readonly<Record<string, string>> = {
  'settings:saved': 'Lưu cấu hình',
  'officer:password-reset': 'Đặt lại mật khẩu',
  'catalogue:imported': 'Nhập danh mục TTHC',
  'backup:made': 'Sao lưu dữ liệu',
  'backup:restored': 'Khôi phục dữ liệu',
  'device:tested': 'Thử thiết bị',
};

export const actionLabel = (action: string): string => ACTIONS[action] ?? action;
