import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { dossiersRepository } from '../../server/storage/repositories/dossiers.js';
import { layoutProblems } from '../helpers/layout-problems.js';
import { artifactPath, KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { deviceKey } from '../helpers/test-site.js';
import { api, startTestHub, type TestHub } from '../helpers/test-hub.js';

const READY = '000.00.31.H38-261120-0007';
const IN_PROGRESS = '000.00.31.H38-261123-0012';

/**
 * A keyboard-wedge scanner: the code as one burst of key events, then Enter, with no field focused.
 * Dispatched inside the page, as a USB scanner delivers them, so the machine's load cannot stretch
 * the gaps between keys the way one remote keystroke at a time would.
 */
async function scan(page: Page, text: string): Promise<void> {
  await page.evaluate((keys) => {
    for (const key of [...keys, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }, text);
}

describe('kiosk: dossier status by scan', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT });
    const repo = dossiersRepository(t.hub.db);
    const now = Date.now();
    repo.upsert({
      code: READY,
      procedureCode: '1.001193',
      status: 9,
      receivedAt: now - 3 * 86_400_000,
      appointmentAt: now + 86_400_000,
      finishedAt: now - 3_600_000,
      updatedAt: now,
    });
    repo.upsert({
      code: IN_PROGRESS,
      procedureCode: '1.000894',
      status: 4,
      receivedAt: now,
      appointmentAt: now + 5 * 86_400_000,
      finishedAt: null,
      updatedAt: now,
    });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await t?.dispose();
  });

  const open = async (viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${t.url}/kiosk/?key=${encodeURIComponent(deviceKey(t.site, 'kiosk'))}`);
    await page.getByTestId('home-take-ticket').waitFor();
    return { page, close: () => context.close() };
  };

  it('shows a ready result from a scan on the home screen, and gives a Nhận kết quả number in one tap', async () => {
    const { page, close } = await open(KIOSK_PORTRAIT);
    await scan(page, READY);
    await page.getByTestId('dossier-status').waitFor();
    expect(await page.getByTestId('dossier-label').textContent()).toBe('Đã có kết quả');
    await page.screenshot({ path: artifactPath('kiosk-portrait-dossier-ready.png') });
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByTestId('result-ticket').tap();
    const number = (await page.getByTestId('ticket-number').textContent())?.trim();
    const resultQueue = t.site.queues.find((q) => q.id === t.site.resultQueueId)!;
    expect(number?.startsWith(resultQueue.series.prefix)).toBe(true);
    await close();
  });

  it('shows a dossier in progress typed on the keypad, without any personal data', async () => {
    const { page, close } = await open(KIOSK_LANDSCAPE);
    await page.getByTestId('home-lookup-dossier').tap();
    for (const ch of IN_PROGRESS)
      await page
        .locator('.key', { hasText: new RegExp(`^${ch.replace('.', '\\.')}$`) })
        .first()
        .tap();
    expect(await page.getByTestId('dossier-typed').textContent()).toBe(IN_PROGRESS);
    await page.screenshot({ path: artifactPath('kiosk-landscape-dossier-typed.png') });
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByTestId('dossier-submit').tap();
    await page.getByTestId('dossier-status').waitFor();
    expect(await page.getByTestId('dossier-label').textContent()).toBe('Hồ sơ đang được giải quyết');
    expect(await page.getByTestId('result-ticket').count()).toBe(0);
    await page.screenshot({ path: artifactPath('kiosk-landscape-dossier-progress.png') });
    await close();
  });

  it('answers a scan of garbage or of an unknown code in plain Vietnamese, and issues nothing', async () => {
    const { page, close } = await open(KIOSK_PORTRAIT);
    const before = t.hub.hall.snapshot().seq;
    await scan(page, 'HELLO-WORLD-12345');
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error').textContent()).toContain('Mã hồ sơ chưa đúng');
    await page.screenshot({ path: artifactPath('kiosk-portrait-dossier-garbage.png') });
    await scan(page, '000.00.31.H38-261123-9999');
    await page.getByText('Không tìm thấy hồ sơ có mã này').waitFor();
    expect(t.hub.hall.snapshot().seq).toBe(before);
    const direct = await api(t.url, 'GET', `/api/dossiers/${'9'.repeat(60)}/status`, { deviceKey: deviceKey(t.site, 'kiosk') });
    expect(direct.status).toBe(400);
    await close();
  });
});
