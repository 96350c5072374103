import { describe, expect, it } from 'vitest';
import { validateSiteConfig } from '../../../server/config/validate-site-config.js';
import { demo, errorsOf, expectError } from './site-config-fixtures.js';

describe('a printer serves one kiosk or one counter', () => {
  it('accepts a counter printer, refuses one bound to both and one bound to an unknown counter', () => {
    const site = demo();
    site.devices.push({
      id: 'in-quay-1',
      kind: 'printer',
      name: 'Máy in quầy 1',
      model: 'generic/escpos-80mm',
      link: 'tcp://10.0.0.21:9100',
      options: { counterId: 'quay-1' },
    });
    expect(validateSiteConfig(site).ok).toBe(true);
    site.devices.push(
      {
        id: 'in-hai-noi',
        kind: 'printer',
        name: 'Máy in lỗi',
        model: 'generic/escpos-80mm',
        link: 'tcp://10.0.0.22:9100',
        options: { counterId: 'quay-2', kioskId: 'kiosk-1' },
      },
      {
        id: 'in-quay-99',
        kind: 'printer',
        name: 'Máy in lỗi 2',
        model: 'generic/escpos-80mm',
        link: 'tcp://10.0.0.23:9100',
        options: { counterId: 'quay-99' },
      },
    );
    const errors = errorsOf(validateSiteConfig(site));
    const n = site.devices.length;
    expectError(errors, `/devices/${n - 2}/options`, /one kiosk .* or one counter/);
    expectError(errors, `/devices/${n - 1}/options/counterId`, /Unknown counter "quay-99"/);
  });
});
