import { describe, expect, it } from 'vitest';
import { deviceStatus, pushedStatus, testLabel, type HealthDevices } from '../../../admin/screens/devices/device-status.js';

const NOW = Date.UTC(2026, 6, 2, 3, 0, 0);
const health: HealthDevices = {
  printers: [
    { deviceId: 'p-ok', status: { online: true, paperOut: false, paperNearEnd: false, coverOpen: false, error: false } },
    { deviceId: 'p-out', status: { online: true, paperOut: true, paperNearEnd: true, coverOpen: false, error: false } },
    { deviceId: 'p-off', status: { online: false, paperOut: false, paperNearEnd: false, coverOpen: false, error: false } },
    { deviceId: 'p-new', status: null },
  ],
  ledBoards: [{ deviceId: 'led', state: 'link-down', upToDate: false, lastError: 'EIO' }],
  keypads: [{ deviceId: 'pad', state: 'up', lastError: null }],
  surveyPads: [],
  devices: [
    { id: 'kiosk', kind: 'kiosk', lastSeenAt: NOW - 5 * 60_000 },
    { id: 'tv', kind: 'display', lastSeenAt: null },
  ],
};

describe('a device’s state on the devices screen', () => {
  it('reads hardware from its driver and screens from their last connection', () => {
    const of = (id: string) => deviceStatus(health, id, NOW);
    expect(of('p-ok')).toEqual({ tone: 'ok', text: 'Sẵn sàng' });
    expect(of('p-out')).toEqual({ tone: 'warn', text: 'Hết giấy' });
    expect(of('p-off')).toEqual({ tone: 'off', text: 'Mất kết nối' });
    expect(of('p-new').text).toBe('Chưa kiểm tra');
    expect(of('led')).toEqual({ tone: 'off', text: 'Mất kết nối', detail: 'EIO' });
    expect(of('pad').tone).toBe('ok');
    expect(of('kiosk')).toEqual({ tone: 'info', text: 'Kết nối lần cuối: 5 phút trước' });
    expect(of('tv')).toEqual({ tone: 'off', text: 'Chưa kết nối lần nào' });
    expect(of('added-in-draft').text).toBe('Chưa lưu hoặc chưa khởi động');
  });

  it('prefers the hub’s own verdict when it pushes one', () => {
    expect(
      pushedStatus(
        { state: 'offline', detail: 'Not connected', detailVi: 'Mất kết nối', online: false, lastSeenAt: NOW - 2 * 3600_000 },
        NOW,
      ),
    ).toEqual({ tone: 'off', text: 'Mất kết nối · lần cuối 2 giờ trước', detail: 'Not connected' });
    expect(pushedStatus({ state: 'problem', detail: 'x', detailVi: 'Hết giấy', online: true, lastSeenAt: NOW }, NOW).tone).toBe(
      'warn',
    );
  });

  it('offers the hub’s test only for the kinds it can test', () => {
    expect(['printer', 'led-board', 'display', 'kiosk', 'keypad'].map(testLabel)).toEqual([
      'Thử in',
      'Thử hiển thị',
      'Thử đọc',
      null,
      null,
    ]);
  });
});
