import { chromium } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import type { CallResultView } from '../../common/contract/view-schemas.js';
import { deviceKey } from '../../tests/helpers/test-site.js';
import { bigHallSite } from '../lib/big-hall-site.js';
import { startBenchHub } from '../lib/bench-hub.js';
import { connectHubSocket, freshCommandId, sendCommand } from '../lib/hub-sockets.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { staffCounters } from '../lib/staffed-counters.js';

export interface NextToTvRun {
  readonly counters: number;
  readonly displays: number;
  /** Of the displays, how many are real TV pages in Chromium (the rest are socket.io clients). */
  readonly pages: number;
  /** Next sent (officer's socket) -> the TV page's DOM shows the called number, per page. */
  readonly nextToDom: LatencySummary;
  readonly missed: number;
}

/**
 * The whole path a citizen waits on after the officer presses Next: the command, the commit, the
 * broadcast to every screen, the TV page's mirror and render. The hall's other TVs are socket.io
 * clients (50 Chromium pages would measure this 2-core machine's renderer, not the hub); `pages`
 * of them are the real /display/ page, whose DOM is watched by a MutationObserver that stamps the
 * wall-clock time the number appears. One call at a time, so each sample is one call's path.
 */
export async function runNextToTvDom(
  opts: { counters: number; displays: number; pages: number; calls: number },
  log: (line: string) => void,
): Promise<NextToTvRun> {
  const site = bigHallSite(opts.counters, opts.displays);
  const hub = await startBenchHub(site);
  const sockets: Socket[] = [];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    for (let i = opts.pages; i < opts.displays; i++)
      sockets.push(await connectHubSocket(hub.url, { deviceKey: `tv-${i + 1}-abcdefghijklmnopqrstuvwxyz` }));
    const pages = [];
    for (let i = 0; i < opts.pages; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      await page.goto(`${hub.url}/display/?key=tv-${i + 1}-abcdefghijklmnopqrstuvwxyz`);
      await page.locator('.tv-head').waitFor();
      await page.evaluate(() => {
        const seen: Record<string, number> = {};
        (window as unknown as { __seen: Record<string, number> }).__seen = seen;
        new MutationObserver(() => {
          const n = document.querySelector('.tv-newest')?.getAttribute('data-number');
          if (n && !(n in seen)) seen[n] = performance.timeOrigin + performance.now();
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-number'] });
      });
      pages.push(page);
    }
    const kiosk = await connectHubSocket(hub.url, { deviceKey: deviceKey(site, 'kiosk') });
    sockets.push(kiosk);
    const counters = await staffCounters(hub.url, site, hub.passwords);
    sockets.push(...counters.map((c) => c.socket));
    log(`next-to-tv: ${counters.length} counters, ${opts.displays} displays (${opts.pages} Chromium pages)`);

    const samples: number[] = [];
    let missed = 0;
    for (let i = 0; i < opts.calls; i++) {
      const counter = counters[i % counters.length]!;
      const issued = await sendCommand(kiosk, 'ticket:issue', { commandId: freshCommandId(), queueId: counter.queueIds[0] });
      if (issued.kind !== 'ok') throw new Error(`issue refused: ${issued.kind}`);
      const sentAtWall = performance.timeOrigin + performance.now();
      const called = await sendCommand<CallResultView>(counter.socket, 'ticket:call-next', {
        commandId: freshCommandId(),
        counterId: counter.counterId,
      });
      if (called.kind !== 'ok' || !called.data.ticket) throw new Error(`call-next failed: ${called.kind}`);
      const number = called.data.ticket.number;
      for (const page of pages) {
        try {
          await page.waitForFunction(
            (n) => (window as unknown as { __seen: Record<string, number> }).__seen[n] !== undefined,
            number,
            { timeout: 5000 },
          );
          const shownAt = await page.evaluate(
            (n) => (window as unknown as { __seen: Record<string, number> }).__seen[n] ?? 0,
            number,
          );
          samples.push(shownAt - sentAtWall);
        } catch {
          missed++;
        }
      }
      // Numbers repeat across queues' series only after 999 tickets; each call shows a new one.
      await new Promise((r) => setTimeout(r, 50));
    }
    return { counters: opts.counters, displays: opts.displays, pages: opts.pages, nextToDom: summarize(samples), missed };
  } finally {
    for (const s of sockets) s.close();
    await browser.close();
    await hub.stop();
  }
}
