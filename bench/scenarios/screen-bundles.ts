import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SCREENS } from '../../server/http/screens.js';

export interface BundleSize {
  readonly screen: string;
  readonly jsGzipBytes: number;
  readonly cssGzipBytes: number;
}

const PAGES: readonly { readonly screen: string; readonly html: string }[] = [
  ...SCREENS.map((s) => ({ screen: s.path, html: join(s.folder, 'index.html') })),
  { screen: '/counter/screen/', html: 'counter-display/counter/screen/index.html' },
];

/**
 * What a screen downloads, gzipped as the hub could serve it: every script and stylesheet its page
 * loads (entry, shared chunks it preloads, CSS), read from the built index.html, since pages share
 * chunks (Preact, the realtime client) and an entry file alone would undercount. Fonts are cached
 * once and not counted.
 */
export function measureScreenBundles(webRoot = 'dist/web'): BundleSize[] {
  return PAGES.map(({ screen, html }) => {
    const page = readFileSync(join(webRoot, html), 'utf8');
    const assets = [...new Set([...page.matchAll(/\/assets\/[^"']+\.(?:js|css)/g)].map((m) => m[0]))];
    const gz = (ext: string) =>
      assets
        .filter((a) => a.endsWith(ext))
        .reduce((sum, a) => sum + gzipSync(readFileSync(join(webRoot, a)), { level: 9 }).length, 0);
    return { screen, jsGzipBytes: gz('.js'), cssGzipBytes: gz('.css') };
  });
}

export function formatBundleTable(sizes: readonly BundleSize[]): string {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  return [
    'screen bundle (gzip)      JS KB   CSS KB',
    ...sizes.map((s) => `${s.screen.padEnd(22)} ${kb(s.jsGzipBytes)}  ${kb(s.cssGzipBytes)}`),
  ].join('\n');
}
