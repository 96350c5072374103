import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { api, issueAtKiosk, newCommandId, signIn, startTestHub, TEST_PASSWORD, type TestHub } from '../helpers/test-hub.js';

/**
 * The Báo cáo screen as a supervisor meets it: today's figures from the hub's own event log, the
 * QĐ 766 box, charts drawn, and the CSV saved with its Vietnamese headers intact.
 */
describe('the reports screen', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT });
    const queue = t.site.queues[0]!.id;
    const officer = await signIn(t.url, 'canbo1');
    const call = (path: string) =>
      api(t.url, 'POST', `/api/counters/quay-1/${path}`, { token: officer }, { commandId: newCommandId() });
    await call('open');
    for (let i = 0; i < 4; i++) await issueAtKiosk(t, queue);
    // Two served, one no-show, one still waiting.
    for (const step of ['call-next', 'finish', 'call-next', 'finish', 'call-next', 'skip'])
      expect((await call(step)).body.ok).toBe(true);

    ({ browser, close: closeBrowser } = await launchBrowser());
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.goto(`${t.url}/admin/#reports`);
    await page.getByLabel('Tên đăng nhập').fill('giamsat');
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.locator('.rp-report').waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await t?.dispose();
  });

  it("shows today's figures per queue as the hall lived them", async () => {
    const row = page.locator(`[data-table="queues"] tr[data-id="${t.site.queues[0]!.id}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(t.site.queues[0]!.name);
    expect(await page.locator('[data-figure="issued"]').textContent()).toContain('4');
    expect(await page.locator('[data-figure="served"]').textContent()).toContain('2');
    expect(await page.locator('.rp-qd').textContent()).toContain('90');
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('admin-reports-1366x768.png'), fullPage: false });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: artifactPath('admin-reports-1920x1080.png'), fullPage: false });
  });

  it('saves the CSV with a byte-order mark and the Vietnamese headers intact', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải CSV/ }).click()]);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toMatch(/Đã phục vụ/);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-[a-z-]*\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
