import type { AdminDeviceStatus, DeviceState } from '../../common/contract/admin-status.js';

/**
 * What the hub knows of each device, in the shapes /api/health already reports, declared here by
 * structure so the realtime layer needs no import from the device drivers.
 */
export interface ConfiguredDevice {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly counterId: string | null;
  /** When its screen last connected (from the devices table); null: never. */
  readonly lastSeenAt: number | null;
}

export interface PrinterSource {
  readonly deviceId: string;
  readonly status: {
    readonly online: boolean;
    readonly paperOut: boolean;
    readonly paperNearEnd: boolean;
    readonly coverOpen: boolean;
    readonly error: boolean;
    readonly detail?: string;
  } | null;
}

/** Keypads and survey pads (HID links). */
export interface HidSource {
  readonly deviceId: string;
  readonly state: 'up' | 'down' | 'connecting';
  readonly lastError: string | null;
}

export interface LedBoardSource {
  readonly deviceId: string;
  readonly state: 'starting' | 'online' | 'link-down' | 'unavailable' | 'stopped';
  readonly lastError: string | null;
}

export interface DeviceSources {
  readonly printers: readonly PrinterSource[];
  readonly keypads: readonly HidSource[];
  readonly surveyPads: readonly HidSource[];
  readonly ledBoards: readonly LedBoardSource[];
  /** Screen device ids with at least one socket connected now. */
  readonly screensOnline: ReadonlySet<string>;
}

export const SCREEN_KINDS: ReadonlySet<string> = new Set(['kiosk', 'display', 'counter-screen', 'survey']);

interface Verdict {
  readonly online: boolean;
  readonly state: DeviceState;
  readonly detail: string;
  readonly detailVi: string;
}

const NOT_STARTED: Verdict = {
  online: false,
  state: 'unknown',
  detail: 'Not opened by the hub (check the link and model, or restart the hub)',
  detailVi: 'Hub chưa mở thiết bị này (kiểm tra cổng kết nối, mẫu thiết bị hoặc khởi động lại hub)',
};

/**
 * The verdict on one device. Only stable facts go in (no check times), so an unchanged hall samples
 * to an unchanged status and nothing is sent.
 */
export function deviceVerdict(device: ConfiguredDevice, sources: DeviceSources): Verdict {
  if (SCREEN_KINDS.has(device.kind)) return screenVerdict(device, sources.screensOnline.has(device.id));
  switch (device.kind) {
    case 'printer': {
      const p = sources.printers.find((x) => x.deviceId === device.id);
      return p ? printerVerdict(p) : NOT_STARTED;
    }
    case 'keypad':
    case 'survey-pad': {
      const list = device.kind === 'keypad' ? sources.keypads : sources.surveyPads;
      const h = list.find((x) => x.deviceId === device.id);
      return h ? hidVerdict(h) : NOT_STARTED;
    }
    case 'led-board': {
      const b = sources.ledBoards.find((x) => x.deviceId === device.id);
      return b ? ledVerdict(b) : NOT_STARTED;
    }
    default:
      // Scanners are keyboard-wedge devices of the kiosk page: the hub cannot see them.
      return {
        online: false,
        state: 'unknown',
        detail: 'Not watched by the hub',
        detailVi: 'Hub không theo dõi được thiết bị này',
      };
  }
}

function screenVerdict(device: ConfiguredDevice, online: boolean): Verdict {
  if (online) return { online, state: 'ok', detail: 'Connected', detailVi: 'Đang kết nối' };
  return device.lastSeenAt === null
    ? { online, state: 'offline', detail: 'Never connected', detailVi: 'Chưa kết nối lần nào' }
    : { online, state: 'offline', detail: 'Not connected', detailVi: 'Mất kết nối' };
}

function printerVerdict(p: PrinterSource): Verdict {
  const s = p.status;
  if (!s) return { online: false, state: 'unknown', detail: 'Not checked yet', detailVi: 'Chưa kiểm tra' };
  // The driver's order: an open cover also reads as paper out, so the cover is named alone.
  const faults: [string, string][] = [];
  if (s.coverOpen) faults.push(['cover open', 'nắp đang mở']);
  else if (s.paperOut) faults.push(['out of paper', 'hết giấy']);
  if (s.error) faults.push(['printer fault', 'máy in báo lỗi']);
  if (faults.length === 0 && !s.online) {
    return {
      online: false,
      state: 'offline',
      detail: s.detail ? `Offline: ${s.detail}` : 'Offline',
      detailVi: 'Máy in không phản hồi (kiểm tra nguồn và cáp)',
    };
  }
  // About to run out is a problem too: someone should bring paper before the queue stops.
  if (faults.length === 0 && s.paperNearEnd) faults.push(['paper near end', 'sắp hết giấy']);
  if (faults.length === 0) return { online: true, state: 'ok', detail: 'Ready', detailVi: 'Sẵn sàng' };
  return {
    online: s.online,
    state: 'problem',
    detail: capital(faults.map((f) => f[0]).join(', ')),
    detailVi: capital(faults.map((f) => f[1]).join(', ')),
  };
}

function hidVerdict(h: HidSource): Verdict {
  if (h.state === 'up') return { online: true, state: 'ok', detail: 'Connected', detailVi: 'Đang kết nối' };
  if (h.state === 'connecting') return { online: false, state: 'unknown', detail: 'Connecting', detailVi: 'Đang kết nối lại' };
  return {
    online: false,
    state: 'offline',
    detail: h.lastError ? `Unplugged or not found: ${h.lastError}` : 'Unplugged or not found',
    detailVi: 'Không thấy thiết bị (kiểm tra dây USB)',
  };
}

function ledVerdict(b: LedBoardSource): Verdict {
  switch (b.state) {
    case 'online':
      return { online: true, state: 'ok', detail: 'Showing the counter', detailVi: 'Đang hiển thị' };
    case 'starting':
      return { online: false, state: 'unknown', detail: 'Starting', detailVi: 'Đang khởi động' };
    case 'link-down':
      return {
        online: false,
        state: 'offline',
        detail: b.lastError ? `Link down: ${b.lastError}` : 'Link down',
        detailVi: 'Mất kết nối tới bảng LED (kiểm tra cáp, bộ chuyển đổi)',
      };
    case 'unavailable':
      return {
        online: false,
        state: 'problem',
        detail: b.lastError ? `Board does not answer: ${b.lastError}` : 'Board does not answer',
        detailVi: 'Bảng LED không phản hồi (kiểm tra nguồn, địa chỉ bảng)',
      };
    case 'stopped':
      return { online: false, state: 'offline', detail: 'Stopped', detailVi: 'Đã dừng' };
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every configured device with its verdict; lastSeenAt is filled by the caller's own memory. */
export function deviceStatuses(
  devices: readonly ConfiguredDevice[],
  sources: DeviceSources,
  lastSeen: (device: ConfiguredDevice, online: boolean) => number | null,
): AdminDeviceStatus[] {
  return devices.map((d) => {
    const v = deviceVerdict(d, sources);
    return {
      id: d.id,
      kind: d.kind,
      name: d.name,
      counterId: d.counterId,
      online: v.online,
      lastSeenAt: lastSeen(d, v.online),
      state: v.state,
      detail: v.detail,
      detailVi: v.detailVi,
    };
  });
}
