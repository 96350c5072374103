import { vnAgo } from '../../i18n/date-time.js';

/** The parts of GET /api/health the devices screen reads. */
export interface HealthDevices {
  readonly printers: readonly {
    deviceId: string;
    status: { online: boolean; paperOut: boolean; paperNearEnd: boolean; coverOpen: boolean; error: boolean } | null;
  }[];
  readonly ledBoards: readonly { deviceId: string; state: string; upToDate: boolean; lastError: string | null }[];
  readonly keypads: readonly { deviceId: string; state: string; lastError: string | null }[];
  readonly surveyPads: readonly { deviceId: string; state: string; lastError: string | null }[];
  readonly devices: readonly { id: string; kind: string; lastSeenAt: number | null }[];
}

export type StatusTone = 'ok' | 'warn' | 'off' | 'info';

export interface DeviceStatus {
  readonly tone: StatusTone;
  readonly text: string;
  /** The driver's last error, as the hub logged it (English). */
  readonly detail?: string;
}

/**
 * One line per device from the hub's health report: hardware by its driver's state, screens by the
 * last time they connected (a browser screen reports nothing else). A device the hub does not know
 * yet is one added to the draft and not saved.
 */
export function deviceStatus(health: HealthDevices, deviceId: string, now: number): DeviceStatus {
  const printer = health.printers.find((p) => p.deviceId === deviceId);
  if (printer) {
    const s = printer.status;
    if (!s) return { tone: 'info', text: 'Chưa kiểm tra' };
    if (!s.online) return { tone: 'off', text: 'Mất kết nối' };
    if (s.paperOut) return { tone: 'warn', text: 'Hết giấy' };
    if (s.coverOpen) return { tone: 'warn', text: 'Đang mở nắp' };
    if (s.error) return { tone: 'warn', text: 'Máy in báo lỗi' };
    if (s.paperNearEnd) return { tone: 'warn', text: 'Sắp hết giấy' };
    return { tone: 'ok', text: 'Sẵn sàng' };
  }
  const board = health.ledBoards.find((b) => b.deviceId === deviceId);
  if (board) return withDetail(ledStatus(board.state, board.upToDate), board.lastError);
  const pad = health.keypads.find((k) => k.deviceId === deviceId) ?? health.surveyPads.find((k) => k.deviceId === deviceId);
  if (pad) return withDetail(padStatus(pad.state), pad.lastError);
  const known = health.devices.find((d) => d.id === deviceId);
  if (!known) return { tone: 'info', text: 'Chưa lưu hoặc chưa khởi động' };
  if (known.lastSeenAt === null) return { tone: 'off', text: 'Chưa kết nối lần nào' };
  return { tone: 'info', text: `Kết nối lần cuối: ${vnAgo(known.lastSeenAt, now)}` };
}

function ledStatus(state: string, upToDate: boolean): DeviceStatus {
  switch (state) {
    case 'online':
      return upToDate ? { tone: 'ok', text: 'Đang hoạt động' } : { tone: 'warn', text: 'Đang cập nhật' };
    case 'starting':
      return { tone: 'info', text: 'Đang khởi động' };
    case 'link-down':
      return { tone: 'off', text: 'Mất kết nối' };
    case 'stopped':
      return { tone: 'off', text: 'Đã dừng' };
    default:
      return { tone: 'off', text: 'Không dùng được' };
  }
}

function padStatus(state: string): DeviceStatus {
  if (state === 'up') return { tone: 'ok', text: 'Đã kết nối' };
  if (state === 'connecting') return { tone: 'info', text: 'Đang kết nối' };
  return { tone: 'off', text: 'Mất kết nối' };
}

const withDetail = (s: DeviceStatus, detail: string | null): DeviceStatus => (detail ? { ...s, detail } : s);

/** Which test the hub can run for a kind, and the button's words. */
export function testLabel(kind: string): string | null {
  if (kind === 'printer') return 'Thử in';
  if (kind === 'led-board') return 'Thử hiển thị';
  if (kind === 'display') return 'Thử đọc';
  return null;
}

const TONES: Readonly<Record<string, StatusTone>> = { ok: 'ok', offline: 'off', problem: 'warn', unknown: 'info' };

/** The hub's own verdict from `admin:status`, when the hub pushes it (preferred over the health report). */
export function pushedStatus(
  d: { state: string; detail: string; detailVi: string; online: boolean; lastSeenAt: number | null },
  now: number,
): DeviceStatus {
  const tone = TONES[d.state] ?? 'info';
  const since = !d.online && d.lastSeenAt !== null ? ` · lần cuối ${vnAgo(d.lastSeenAt, now)}` : '';
  return { tone, text: `${d.detailVi}${since}`, detail: d.detail };
}
