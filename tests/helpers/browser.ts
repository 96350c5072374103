import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const WEB_ROOT = resolve('dist/web');
export const ARTIFACTS = resolve('test-artifacts');

/**
 * Debian's Chromium driven by playwright-core (no browser download). The flags keep it from
 * reaching for the network this machine does not have, which otherwise floods it with refusals.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!existsSync('/usr/bin/chromium'))
    throw new Error('Chromium is missing: apt-get install chromium (npm test installs it as root)');
  if (!existsSync(join(WEB_ROOT, 'kiosk', 'index.html')))
    throw new Error('The screens are not built: run `npx vite build` (npm test does)');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // As a hall TV in kiosk mode is started: announcements play without anyone touching the screen.
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  return {
    browser,
    // playwright gives each launch a fresh temporary profile and removes it on close.
    close: () => browser.close(),
  };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export const KIOSK_PORTRAIT = { width: 1080, height: 1920 };
export const KIOSK_LANDSCAPE = { width: 1920, height: 1080 };
