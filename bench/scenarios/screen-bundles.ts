import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly screen: string;
  readonly jsGzipBytes: number;
  readonly cssGzipBytes: number;
}

/**
 * What a kiosk box downloads for a screen, gzipped as the hub could serve it: its entry script and
 * stylesheet from the Vite build (fonts are cached once and not counted).
 */
export function measureScreenBundles(webRoot = 'dist/web', screens: readonly string[] = ['kiosk']): BundleSize[] {
  const assets = readdirSync(join(webRoot, 'assets'));
  const gz = (pattern: RegExp) =>
    assets
      .filter((f) => pattern.test(f))
      .reduce((sum, f) => sum + gzipSync(readFileSync(join(webRoot, 'assets', f)), { level: 9 }).length, 0);
  return screens.map((screen) => ({
    screen,
    jsGzipBytes: gz(new RegExp(`^${screen}-.*\\.js$`)),
    cssGzipBytes: gz(new RegExp(`^${screen}-.*\\.css$`)),
  }));
}

export function formatBundleTable(sizes: readonly BundleSize[]): string {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  return [
    'screen bundle (gzip)      JS KB   CSS KB',
    ...sizes.map((s) => `${s.screen.padEnd(22)} ${kb(s.jsGzipBytes)}  ${kb(s.cssGzipBytes)}`),
  ].join('\n');
}
