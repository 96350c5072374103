import { describe, expect, it } from 'vitest';
import { restartNeeded } from '../../../server/config/restart-paths.js';
import { redact, settingsDiff } from '../../../server/config/settings-diff.js';
import { testSite } from '../../helpers/test-site.js';

describe('settingsDiff', () => {
  it('names the smallest parts that changed, a whole row when one is added or removed', () => {
    const a = { office: { name: 'A', code: 'x' }, list: [{ id: 1 }, { id: 2 }] };
    const b = { office: { name: 'B', code: 'x' }, list: [{ id: 1 }], extra: true };
    expect(settingsDiff(a, b)).toEqual([
      { path: '/office/name', before: 'A', after: 'B' },
      { path: '/list/1', before: { id: 2 }, after: undefined },
      { path: '/extra', before: undefined, after: true },
    ]);
    expect(settingsDiff(a, structuredClone(a))).toEqual([]);
  });

  it('never writes a device key into a change', () => {
    const a = { devices: [{ id: 'k', key: 'secret-one-secret-one-secret' }] };
    const b = {
      devices: [
        { id: 'k', key: 'secret-two-secret-two-secret' },
        { id: 'n', key: 'new-secret-new-secret-new' },
      ],
    };
    const text = JSON.stringify(settingsDiff(a, b));
    expect(text).not.toMatch(/secret/);
    expect(settingsDiff(a, b)[0]).toEqual({ path: '/devices/0/key', before: '***', after: '***' });
    expect(JSON.stringify(redact(b))).not.toMatch(/secret/);
  });
});

describe('restartNeeded', () => {
  const site = testSite();
  it('is marked by the schema (rollover hour), not for live settings (recalls, names)', () => {
    const next = { ...site, rolloverHour: 4, maxRecalls: 5 };
    expect(restartNeeded(settingsDiff(site, next), site, next)).toEqual(['/rolloverHour']);
  });

  it('is needed for hardware devices and not for screens', () => {
    const devices = site.devices.map((d) =>
      d.kind === 'printer' ? { ...d, link: 'tcp://10.0.0.9:9100' } : d.kind === 'display' ? { ...d, name: 'TV mới' } : d,
    );
    const next = { ...site, devices };
    const printer = site.devices.findIndex((d) => d.kind === 'printer');
    expect(restartNeeded(settingsDiff(site, next), site, next)).toEqual([`/devices/${printer}/link`]);
  });
});
