import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout-problems.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { deviceKey } from '../helpers/test-site.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/** Types on the kiosk's own letter keys, as a citizen would. */
async function typeOnKeys(page: Page, text: string): Promise<void> {
  for (const ch of text) await page.getByTestId(ch === ' ' ? 'letter-space' : `letter-${ch}`).tap();
}

describe('kiosk: procedure look-up on the real catalogue', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT, catalogueDir: sharedDataPath('procedures') });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await t?.dispose();
  });

  for (const [orientation, viewport] of [
    ['portrait', KIOSK_PORTRAIT],
    ['landscape', KIOSK_LANDSCAPE],
  ] as const) {
    it(`finds "dang ky khai sinh" first as 1.001193 and takes a number for it (${orientation})`, async () => {
      const context = await browser.newContext({ viewport, hasTouch: true });
      const page = await context.newPage();
      await page.goto(`${t.url}/kiosk/?key=${encodeURIComponent(deviceKey(t.site, 'kiosk'))}`);
      await page.getByTestId('home-lookup-procedure').tap();
      await typeOnKeys(page, 'dang ky khai sinh');
      const first = page.getByTestId('procedure-results').locator('button').first();
      await first.waitFor();
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="procedure-results"] button')?.getAttribute('data-testid') ===
          'procedure-1.001193',
      );
      expect(await first.getAttribute('data-testid')).toBe('procedure-1.001193');
      await page.screenshot({ path: artifactPath(`kiosk-${orientation}-procedure-search.png`) });
      expect(await layoutProblems(page)).toEqual([]);

      await first.tap();
      await page.getByTestId('procedure-detail').waitFor();
      await page.locator('.procedure-qr svg').waitFor();
      await page.screenshot({ path: artifactPath(`kiosk-${orientation}-procedure-detail.png`) });
      await page.getByTestId('procedure-ticket').tap();
      await page.getByTestId('priority-none').tap();
      const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
      const ticket = [...t.hub.hall.currentState.tickets.values()].find((x) => x.number === number);
      // Hộ tịch procedures go to the Hộ tịch – Chứng thực queue, and the officer will see the choice.
      expect(ticket?.queueId).toBe(t.site.queues.find((q) => q.fields.includes('Hộ tịch'))?.id);
      expect(ticket?.procedureCode).toBe('1.001193');
      await context.close();
    });
  }
});
