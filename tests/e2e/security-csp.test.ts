import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { deviceKey } from '../helpers/test-site.js';
import { api, issueAtKiosk, newCommandId, signIn, startTestHub, TEST_PASSWORD, type TestHub } from '../helpers/test-hub.js';
import { openCounter, signInAt } from './counter-console-helpers.js';

declare global {
  interface Window {
    __csp: string[];
  }
}

/** Every page the hub serves, with the headers that must come with it. */
const PAGES = ['/kiosk/', '/display/', '/counter/', '/counter/screen/', '/survey/', '/admin/', '/', '/docs'];

/**
 * Each built screen and each page the hub writes itself loads and works under the strict policy
 * with not one violation: no inline script or style, no handler attribute, nothing from elsewhere.
 * A violation is caught twice over: the page's securitypolicyviolation events and Chromium's
 * "Refused to …" console messages.
 */
describe('content security policy: every page loads with zero violations', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  const refusals: string[] = [];

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT });
    ({ browser, close: closeBrowser } = await launchBrowser());
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', hasTouch: true });
    // Init scripts are the browser's own, outside the page's policy: they only listen.
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
  });
  afterAll(async () => {
    await context?.close();
    await closeBrowser?.();
    await t?.dispose();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refusals.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => {
      if (/Content Security Policy|Refused to/i.test(e.message)) refusals.push(`${path}: ${e.message}`);
    });
    await page.goto(`${t.url}${path}`);
    return page;
  }
  /** What the page and the console reported, then the page is closed. */
  async function violations(page: Page, path: string): Promise<string[]> {
    const seen = (await page.evaluate(() => window.__csp)).map((v) => `${path}: ${v}`);
    await page.close();
    return [...seen, ...refusals.splice(0)];
  }

  it('sends the policy and headers with every page', async () => {
    const ticketId = (await issueAtKiosk(t, t.site.queues[0]!.id)).ticket.id;
    for (const path of [...PAGES, `/t/${ticketId}`, '/h/000.00.00.H38-250702-0001']) {
      const res = await fetch(`${t.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect([path, csp]).toEqual([path, expect.stringContaining("script-src 'self';")]);
      expect([path, res.headers.get('x-content-type-options'), res.headers.get('x-frame-options')]).toEqual([
        path,
        'nosniff',
        'DENY',
      ]);
    }
  });

  it('notices a violation when there is one (the detector works)', async () => {
    const page = await open('/');
    await page.locator('h1').waitFor();
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = 1';
      document.head.append(s);
      return new Promise((r) => setTimeout(() => r((window as unknown as { __ran?: number }).__ran ?? null), 100));
    });
    expect(ran).toBeNull();
    const seen = await violations(page, '/');
    expect(seen.some((v) => v.includes('script-src'))).toBe(true);
  });

  it('the kiosk: home and a ticket taken by touch', async () => {
    const page = await open(`/kiosk/?key=${encodeURIComponent(deviceKey(t.site, 'kiosk'))}`);
    await page.getByTestId('home-take-ticket').tap();
    await page.getByTestId(`queue-${t.site.queues[1]!.id}`).tap();
    await page.getByTestId('priority-none').tap();
    await page.getByTestId('ticket-number').waitFor();
    await page.getByTestId('done').tap();
    await page.getByTestId('home-take-ticket').waitFor();
    expect(await violations(page, '/kiosk/')).toEqual([]);
  });

  it('the hall TV and the counter screen, through a call spoken by the hub’s voice', async () => {
    const token = await signIn(t.url, 'canbo2');
    await api(t.url, 'POST', '/api/counters/quay-2/open', { token }, { commandId: newCommandId() });
    const tv = await open(`/display/?voiceLog=1&key=${encodeURIComponent(deviceKey(t.site, 'display'))}`);
    await tv.locator('.tv-notice').waitFor();
    const screen = await open(
      `/counter/screen/?counter=2&key=${encodeURIComponent(deviceKey(t.site, 'counter-screen', 'quay-2'))}`,
    );
    await screen.locator('.cs[data-state="idle"]').waitFor();
    await issueAtKiosk(t, t.site.queues[1]!.id);
    const called = await api(t.url, 'POST', '/api/counters/quay-2/call-next', { token }, { commandId: newCommandId() });
    expect(called.body.ok).toBe(true);
    await screen.locator('.cs[data-state="serving"]').waitFor({ timeout: 5000 });
    // Headless Chromium has no Vietnamese voice: the hub's speech is fetched, made a blob: and played
    // (eSpeak NG loads on this first call, hence the patience).
    await tv.waitForFunction(() => (window.__motcuaVoice?.spoken ?? []).some((e) => e.source === 'hub'), null, {
      timeout: 40_000,
    });
    expect([...(await violations(tv, '/display/')), ...(await violations(screen, '/counter/screen/'))]).toEqual([]);
  }, 60_000);

  it('the officer console, signed in with a counter open', async () => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refusals.push(`/counter/: ${m.text()}`);
    });
    await signInAt(page, t.url, 'canbo3');
    await openCounter(page, 3);
    expect(await violations(page, '/counter/')).toEqual([]);
  });

  it('the survey pad', async () => {
    const page = await open(`/survey/?counter=1&key=${encodeURIComponent(deviceKey(t.site, 'survey', 'quay-1'))}`);
    await page.locator('.survey[data-state="idle"]').waitFor();
    expect(await violations(page, '/survey/')).toEqual([]);
  });

  it('the admin page: sign-in and every screen', async () => {
    const page = await open('/admin/#dashboard');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.locator('.admin-main h1').first().waitFor();
    for (const screen of ['dashboard', 'reports', 'settings', 'officers', 'devices', 'catalogue', 'backups', 'audit']) {
      await page.locator(`.nav-link[href="#${screen}"]`).click();
      await page.locator(`.nav-link[href="#${screen}"][aria-current="page"]`).waitFor();
      await page.locator('.admin-main h1').first().waitFor();
      // Let the screen fetch and draw (charts, tables) before the verdict.
      await page.waitForLoadState('networkidle');
    }
    expect(await violations(page, '/admin/')).toEqual([]);
  });

  it('the pages the hub writes itself, and /docs under its own policy', async () => {
    const ticketId = (await issueAtKiosk(t, t.site.queues[0]!.id)).ticket.id;
    const found: string[] = [];
    for (const path of ['/', `/t/${ticketId}`, '/h/000.00.00.H38-250702-0001']) {
      const page = await open(path);
      await page.locator('h1').waitFor();
      // The served stylesheet applied (it is the only style these pages have).
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui');
      found.push(...(await violations(page, path)));
    }
    const docs = await open('/docs');
    await docs.locator('.swagger-ui .info .title').waitFor({ timeout: 10_000 });
    await docs.locator('.opblock').first().waitFor();
    found.push(...(await violations(docs, '/docs')));
    expect(found).toEqual([]);
  });
});
