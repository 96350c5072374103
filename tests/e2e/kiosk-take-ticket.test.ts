import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HallFact } from '../../common/contract/hall-view.js';
import { layoutProblems } from '../helpers/layout-problems.js';
import { artifactPath, KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { deviceKey } from '../helpers/test-site.js';
import {
  connectClient,
  eventually,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';

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

  it('tells the next citizen how long when every desk of the queue is busy, not just "you are next"', async () => {
    // Queue 3 is counter 3's primary queue and nobody has taken a number for it yet in this file.
    const queue = t.site.queues[2]!;
    const counter = t.site.counters.find((c) => c.queues.some((q) => q.queueId === queue.id && q.role === 'primary'))!;
    const officer = await connectClient(t.url, { token: await signIn(t.url, t.site.officers[2]!.username) });
    try {
      expect((await officer.send('counter:open', { commandId: newCommandId(), counterId: counter.id })).ok).toBe(true);
      await issueAtKiosk(t, queue.id);
      expect((await officer.send('ticket:call-next', { commandId: newCommandId(), counterId: counter.id })).ok).toBe(true);

      const context = await browser.newContext({ viewport: KIOSK_PORTRAIT, hasTouch: true, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(kioskUrl());
      await page.getByTestId('home-take-ticket').tap();
      await page.getByTestId(`queue-${queue.id}`).tap();
      await page.getByTestId('priority-none').tap();
      await page.getByTestId('ticket-number').waitFor();
      const wait = (await page.locator('.ticket-wait').innerText()).replace(/\s+/g, ' ').trim();
      await page.screenshot({ path: artifactPath('kiosk-portrait-ticket-desk-busy.png') });
      // Nobody ahead, the one desk busy: one service of the queue's default length, as a range.
      const minutes = queue.defaultServiceMinutes;
      expect(wait).toBe(
        `Ông/Bà là người tiếp theo Thời gian chờ khoảng ${Math.round(minutes * 0.7)} – ${Math.round(minutes * 1.3 + 1)} phút`,
      );
      expect(await layoutProblems(page)).toEqual([]);
      await context.close();
    } finally {
      officer.close();
    }
  });

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
