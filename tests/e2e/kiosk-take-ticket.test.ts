import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HallFact } from '../../common/contract/hall-view.js';
import { layoutProblems } from '../helpers/layout-problems.js';
import { artifactPath, KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { deviceKey } from '../helpers/test-site.js';
import { connectClient, eventually, startTestHub, type TestClient, type TestHub } from '../helpers/test-hub.js';

describe('kiosk: taking a ticket by touch', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let feed: TestClient;
  const issuedFacts: HallFact[] = [];

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT });
    ({ browser, close: closeBrowser } = await launchBrowser());
    feed = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    feed.socket.on('ticket:issued', (f: HallFact) => issuedFacts.push(f));
  });
  afterAll(async () => {
    feed?.close();
    await closeBrowser?.();
    await t?.dispose();
  });

  const kioskUrl = () => `${t.url}/kiosk/?key=${encodeURIComponent(deviceKey(t.site, 'kiosk'))}`;

  for (const [orientation, viewport] of [
    ['portrait', KIOSK_PORTRAIT],
    ['landscape', KIOSK_LANDSCAPE],
  ] as const) {
    it(`issues one ticket, shows it, and the hall hears of it (${orientation})`, async () => {
      const context = await browser.newContext({ viewport, hasTouch: true, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(kioskUrl());
      const problems: string[] = [];
      const shoot = async (name: string) => {
        await page.screenshot({ path: artifactPath(`kiosk-${orientation}-${name}.png`) });
        problems.push(...(await layoutProblems(page)).map((p) => `${name}: ${p}`));
      };
      await page.getByTestId('home-take-ticket').waitFor();
      await shoot('home');
      await page.getByTestId('home-take-ticket').tap();
      const queue = t.site.queues[1]!;
      await page.getByTestId(`queue-${queue.id}`).waitFor();
      await shoot('queues');
      await page.getByTestId(`queue-${queue.id}`).tap();
      await page.getByTestId('priority-none').waitFor();
      await shoot('priority');
      const before = issuedFacts.length;
      // A bouncing finger: three presses land on the button before the screen can change.
      await page.getByTestId('priority-none').evaluate((el) => {
        for (let i = 0; i < 3; i++) (el as HTMLElement).click();
      });
      const number = (await page.getByTestId('ticket-number').textContent())?.trim();
      await shoot('ticket');
      expect(number).toMatch(new RegExp(`^${queue.series.prefix}\\d{${queue.series.width}}$`));
      await eventually(() => issuedFacts.length > before, 2000, 'the hall feed hears the ticket');
      await new Promise((r) => setTimeout(r, 300));
      expect(issuedFacts.slice(before).map((f) => (f.type === 'ticket:issued' ? f.ticket.number : ''))).toEqual([number]);
      expect(problems).toEqual([]);
      await page.getByTestId('done').tap();
      await page.getByTestId('home-take-ticket').waitFor();
      await context.close();
    });
  }

  it('says in plain Vietnamese when the hub is gone, and recovers by itself', async () => {
    const context = await browser.newContext({ viewport: KIOSK_PORTRAIT, hasTouch: true });
    const page = await context.newPage();
    await page.goto(kioskUrl());
    await page.getByTestId('home-take-ticket').waitFor();
    await t.stop();
    const banner = page.getByTestId('offline');
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.textContent()).toContain('Mất kết nối với máy chủ');
    await page.screenshot({ path: artifactPath('kiosk-portrait-offline.png') });
    t = await t.restart();
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('home-take-ticket').tap();
    await page.getByTestId(`queue-${t.site.queues[0]!.id}`).waitFor();
    await context.close();
  });
});
