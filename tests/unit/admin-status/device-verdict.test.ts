import { describe, expect, it } from 'vitest';
import { sameAdminStatus, type AdminStatus } from '../../../common/contract/admin-status.js';
import {
  deviceStatuses,
  deviceVerdict,
  type ConfiguredDevice,
  type DeviceSources,
  type PrinterSource,
} from '../../../server/realtime/admin-status-devices.js';

const none: DeviceSources = { printers: [], keypads: [], surveyPads: [], ledBoards: [], screensOnline: new Set() };
const dev = (id: string, kind: string, lastSeenAt: number | null = null): ConfiguredDevice => ({
  id,
  kind,
  name: id,
  counterId: null,
  lastSeenAt,
});
const printer = (status: Partial<NonNullable<PrinterSource['status']>> | null): DeviceSources => ({
  ...none,
  printers: [
    {
      deviceId: 'p',
      status: status && {
        online: true,
        paperOut: false,
        paperNearEnd: false,
        coverOpen: false,
        error: false,
        ...status,
      },
    },
  ],
});

describe('the verdict on a device', () => {
  it('judges a screen by its sockets, and tells never from lost', () => {
    expect(deviceVerdict(dev('d', 'display'), { ...none, screensOnline: new Set(['d']) })).toMatchObject({
      online: true,
      state: 'ok',
    });
    expect(deviceVerdict(dev('d', 'display'), none)).toMatchObject({ state: 'offline', detail: 'Never connected' });
    expect(deviceVerdict(dev('d', 'kiosk', 1000), none)).toMatchObject({ state: 'offline', detailVi: 'Mất kết nối' });
  });

  it('reads a printer: unknown before a check, offline, and every fault named in both languages', () => {
    expect(deviceVerdict(dev('p', 'printer'), printer(null)).state).toBe('unknown');
    expect(deviceVerdict(dev('p', 'printer'), printer({}))).toMatchObject({ state: 'ok', online: true });
    expect(deviceVerdict(dev('p', 'printer'), printer({ online: false, detail: 'ECONNREFUSED' }))).toMatchObject({
      state: 'offline',
      online: false,
      detail: 'Offline: ECONNREFUSED',
    });
    // A printer out of paper sets its offline bit: still a problem to fix, not a lost link.
    expect(deviceVerdict(dev('p', 'printer'), printer({ online: false, paperOut: true, paperNearEnd: true }))).toMatchObject({
      state: 'problem',
      detail: 'Out of paper',
      detailVi: 'Hết giấy',
    });
    // An open cover also reads as paper out: the cover alone is named.
    expect(deviceVerdict(dev('p', 'printer'), printer({ paperOut: true, coverOpen: true, error: true }))).toMatchObject({
      state: 'problem',
      detail: 'Cover open, printer fault',
      detailVi: 'Nắp đang mở, máy in báo lỗi',
    });
    expect(deviceVerdict(dev('p', 'printer'), printer({ paperNearEnd: true }))).toMatchObject({
      state: 'problem',
      detailVi: 'Sắp hết giấy',
    });
    expect(deviceVerdict(dev('p', 'printer'), printer({ error: true })).detail).toBe('Printer fault');
  });

  it('reads LED boards and HID pads by their link state', () => {
    const board = (state: DeviceSources['ledBoards'][number]['state']) =>
      deviceVerdict(dev('b', 'led-board'), { ...none, ledBoards: [{ deviceId: 'b', state, lastError: 'EIO' }] }).state;
    expect(['online', 'starting', 'link-down', 'unavailable', 'stopped'].map((s) => board(s as never))).toEqual([
      'ok',
      'unknown',
      'offline',
      'problem',
      'offline',
    ]);
    const pad = (state: 'up' | 'down' | 'connecting') =>
      deviceVerdict(dev('k', 'survey-pad'), { ...none, surveyPads: [{ deviceId: 'k', state, lastError: null }] }).state;
    expect([pad('up'), pad('down'), pad('connecting')]).toEqual(['ok', 'offline', 'unknown']);
    // A keypad's status is not a survey pad's.
    expect(
      deviceVerdict(dev('k', 'keypad'), { ...none, surveyPads: [{ deviceId: 'k', state: 'up', lastError: null }] }).state,
    ).toBe('unknown');
  });

  it('says plainly when the hub has no driver for a device or cannot watch it', () => {
    expect(deviceVerdict(dev('x', 'led-board'), none)).toMatchObject({ state: 'unknown', online: false });
    expect(deviceVerdict(dev('s', 'scanner'), none).detail).toBe('Not watched by the hub');
  });

  it('keeps configured order and fills last seen from the caller', () => {
    const out = deviceStatuses([dev('a', 'display'), dev('s', 'scanner')], none, (d) => (d.id === 'a' ? 5 : null));
    expect(out.map((d) => [d.id, d.lastSeenAt])).toEqual([
      ['a', 5],
      ['s', null],
    ]);
  });
});

describe('whether a sample is news', () => {
  const base: AdminStatus = {
    at: 1,
    devices: [],
    screensConnected: 0,
    outbox: { pending: 0, dead: 0, lastSuccessAt: null, lastError: null },
    counters: [{ id: 'q1', since: null }],
  };
  it('ignores the sampling time and sees any other change', () => {
    expect(sameAdminStatus(base, { ...base, at: 99 })).toBe(true);
    expect(sameAdminStatus(base, { ...base, outbox: { ...base.outbox, pending: 1 } })).toBe(false);
    expect(sameAdminStatus(base, { ...base, counters: [{ id: 'q1', since: 5 }] })).toBe(false);
  });
});
