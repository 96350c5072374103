import { demoSiteConfig } from '../../server/config/demo-office.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';

/**
 * The demo office with predictable device keys ("key-<n>-…"), so tests can connect as a kiosk, a
 * display or a survey pad by kind.
 */
export function testSite(): SiteConfig {
  let n = 0;
  return demoSiteConfig(() => `key-${++n}-abcdefghijklmnopqrstuvwxyz`);
}

export function deviceKey(site: SiteConfig, kind: string, counterId?: string): string {
  const d = site.devices.find((x) => x.kind === kind && (counterId === undefined || x.counterId === counterId) && x.key);
  if (!d?.key) throw new Error(`the test site has no ${kind} device${counterId ? ` for ${counterId}` : ''}`);
  return d.key;
}
