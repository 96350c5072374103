import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY_LAYOUT } from '../../../common/contract/screen-config.js';
import { displayLayoutOf } from '../../../server/config/display-options.js';
import { validateSiteConfig } from '../../../server/config/validate-site-config.js';
import type { SiteConfig } from '../../../server/config/site-config-schema.js';
import { screenConfigOf } from '../../../server/services/screen-config-of.js';
import { demo, errorsOf, expectError } from './site-config-fixtures.js';

function withDisplayOptions(options: Record<string, unknown>): SiteConfig {
  const site = demo();
  const i = site.devices.findIndex((d) => d.kind === 'display');
  (site.devices[i] as { options?: unknown }).options = options;
  return site;
}
const displayPath = (site: SiteConfig) => `/devices/${site.devices.findIndex((d) => d.kind === 'display')}/options`;

describe('a hall TV layout in its device options', () => {
  it('reads counters and queues as comma-separated ids, spaces forgiven', () => {
    expect(displayLayoutOf({ counters: 'quay-1, quay-2', queues: 'ho-tich', callRows: 4, speaks: false })).toEqual({
      callRows: 4,
      counterIds: ['quay-1', 'quay-2'],
      queueIds: ['ho-tich'],
      showQueues: true,
      speaks: false,
    });
    expect(displayLayoutOf(undefined)).toEqual(DEFAULT_DISPLAY_LAYOUT);
  });

  it('refuses unknown options, wrong types and unknown ids, each at its path', () => {
    const site = withDisplayOptions({ callRow: 5, callRows: 0, speaks: 'yes', counters: 'quay-1,quay-99', queues: '' });
    const errors = errorsOf(validateSiteConfig(site));
    const at = displayPath(site);
    expectError(errors, `${at}/callRow`, /Unknown display option "callRow"/);
    expectError(errors, `${at}/callRows`, /1 to 20/);
    expectError(errors, `${at}/speaks`, /true or false/);
    expectError(errors, `${at}/counters`, /Unknown counter "quay-99"/);
    expectError(errors, `${at}/queues`, /at least one queue/);
  });

  it('accepts the demo office as it is', () => {
    expect(validateSiteConfig(demo()).ok).toBe(true);
  });
});

describe('screenConfigOf', () => {
  it('gives a hall TV its own layout, the notice and the voice with the regional reading', () => {
    const site = withDisplayOptions({ callRows: 3, counters: 'quay-2' });
    site.locale = { thousand: 'ngàn', zeroTen: 'lẻ', four: 'bốn' };
    const tv = site.devices.find((d) => d.kind === 'display');
    const config = screenConfigOf(site, { kind: 'device', deviceId: tv?.id ?? '', deviceKind: 'display', counterId: null });
    expect(config.display).toMatchObject({ callRows: 3, counterIds: ['quay-2'] });
    expect(config.voice.reading).toEqual({ thousand: 'ngàn', zeroTen: 'lẻ', four: 'bốn' });
    expect(config.notice).toMatch(/Giờ làm việc/);
  });

  it('gives a counter screen its counter and no TV layout; a site without hallDisplay gets the defaults', () => {
    const site = demo();
    delete (site as { hallDisplay?: unknown }).hallDisplay;
    expect(validateSiteConfig(site).ok).toBe(true);
    const config = screenConfigOf(site, { kind: 'device', deviceId: 'counter-screen-2', deviceKind: 'counter-screen', counterId: 'quay-2' });
    expect(config.counterId).toBe('quay-2');
    expect(config.display).toBeNull();
    expect(config.notice).toBe('');
    expect(config.voice.enabled).toBe(true);
  });
});
