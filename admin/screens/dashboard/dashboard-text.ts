import type { DeviceState } from '../../../common/contract/admin-status.js';
import { vnClock, vnDate, vnParts } from '../../../common/time/vn-time.js';

/** A label as the admin page shows every one: Vietnamese first, English second (small, muted). */
export interface Label {
  readonly vi: string;
  readonly en: string;
}

const L = (vi: string, en: string): Label => ({ vi, en });

export const DASHBOARD_TEXT = {
  title: L('Tổng quan', 'Dashboard'),
  connected: L('Đang cập nhật trực tiếp', 'Live'),
  disconnected: L('Mất kết nối với hub, đang thử lại…', 'Hub unreachable, retrying…'),
  loading: L('Đang tải số liệu…', 'Loading…'),
  today: L('Số thứ tự hôm nay', 'Tickets today'),
  issued: L('Đã cấp', 'Issued'),
  served: L('Đã phục vụ', 'Served'),
  waiting: L('Đang chờ', 'Waiting'),
  noShow: L('Vắng mặt', 'No-show'),
  outbox: L('Gửi lên hệ thống của tỉnh', 'Forwarding to the province'),
  pending: L('Chờ gửi', 'Pending'),
  dead: L('Gửi lỗi', 'Failed'),
  lastSent: L('Lần gửi cuối', 'Last sent'),
  neverSent: L('chưa gửi', 'none yet'),
  queues: L('Hàng đợi theo lĩnh vực', 'Queues'),
  queue: L('Lĩnh vực', 'Queue'),
  longest: L('Chờ lâu nhất', 'Longest wait'),
  nobodyWaits: L('Không ai chờ', 'Nobody waiting'),
  counters: L('Quầy', 'Counters'),
  counter: L('Quầy', 'Counter'),
  state: L('Trạng thái', 'Status'),
  ticket: L('Số đang phục vụ', 'Current ticket'),
  officer: L('Cán bộ', 'Officer'),
  open: L('Đang mở', 'Open'),
  paused: L('Tạm dừng', 'Paused'),
  closed: L('Đóng', 'Closed'),
  devices: L('Thiết bị', 'Devices'),
  devicesWorking: (ok: number, all: number) => L(`${ok}/${all} hoạt động bình thường`, `${ok} of ${all} working`),
  noDevices: L('Chưa khai báo thiết bị nào', 'No devices configured'),
  screens: (n: number) => L(`${n} màn hình đang kết nối`, `${n} screen${n === 1 ? '' : 's'} connected`),
  lastSeen: L('Lần cuối', 'Last seen'),
  none: L('—', '—'),
} as const;

export const DEVICE_STATE_TEXT: Record<DeviceState, Label> = {
  ok: L('Hoạt động', 'OK'),
  offline: L('Mất kết nối', 'Offline'),
  problem: L('Có sự cố', 'Problem'),
  unknown: L('Chưa rõ', 'Unknown'),
};

const KIND_TEXT: Record<string, Label> = {
  kiosk: L('Kiosk', 'Kiosk'),
  display: L('Màn hình sảnh', 'Hall display'),
  'counter-screen': L('Màn hình quầy', 'Counter screen'),
  survey: L('Thiết bị đánh giá', 'Survey terminal'),
  printer: L('Máy in', 'Printer'),
  'led-board': L('Bảng LED', 'LED board'),
  keypad: L('Bàn phím quầy', 'Keypad'),
  'survey-pad': L('Hộp nút đánh giá', 'Survey pad'),
  scanner: L('Máy quét mã', 'Scanner'),
};

export const kindText = (kind: string): Label => KIND_TEXT[kind] ?? L(kind, kind);

/** "12 phút", "1 giờ 05 phút": how long, in the words a supervisor reads at a glance. */
export function durationText(minutes: number): Label {
  if (minutes < 1) return L('dưới 1 phút', 'under 1 min');
  if (minutes < 60) return L(`${minutes} phút`, `${minutes} min`);
  const h = Math.floor(minutes / 60);
  const m = String(minutes % 60).padStart(2, '0');
  return L(`${h} giờ ${m} phút`, `${h} h ${m} min`);
}

/** "14:05" today, "14:05 22/11" on another day: when something last happened. */
export function whenText(at: number, now: number): string {
  if (vnDate(at) === vnDate(now)) return vnClock(at);
  const p = vnParts(at);
  return `${vnClock(at)} ${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

/** "Thứ hai, 23/11/2026" for the header. */
export function dateText(at: number): string {
  const p = vnParts(at);
  return `${WEEKDAYS[p.weekday]}, ${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}
