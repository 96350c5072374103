import { describe, expect, it } from 'vitest';
import { screenAddresses } from '../../../server/config/screen-addresses.js';
import { demo } from './site-config-fixtures.js';

describe('screenAddresses', () => {
  it('gives every keyed screen its start page, a counter screen its counter number, keys URL-encoded', () => {
    const site = demo();
    const screen = site.devices.find((d) => d.kind === 'counter-screen' && d.counterId === 'quay-3');
    if (screen) screen.key = 'a key/with+odd&characters=12345';
    const urls = screenAddresses(site, 'http://10.0.0.2:8080');
    expect(urls.map((u) => u.url.split('?')[0])).toEqual(
      expect.arrayContaining([
        'http://10.0.0.2:8080/kiosk/',
        'http://10.0.0.2:8080/display/',
        'http://10.0.0.2:8080/counter/screen',
      ]),
    );
    const third = urls.find((u) => u.name === screen?.name);
    expect(third?.url).toBe('http://10.0.0.2:8080/counter/screen?counter=3&key=a%20key%2Fwith%2Bodd%26characters%3D12345');
    // Hardware (the printer) has no page.
    expect(urls).toHaveLength(site.devices.filter((d) => d.key).length);
  });
});
