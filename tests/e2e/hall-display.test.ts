import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ticketAnnouncement } from '../../common/text/announcement.js';
import type { CallResultView } from '../../common/contract/view-schemas.js';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { signInAt } from './counter-console-helpers.js';
import { deviceKey, testSite } from '../helpers/test-site.js';
import { api, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

const TV = { width: 1920, height: 1080 };

declare global {
  function spokenLog(): { text: string; source: string }[];
}
/** The voice player's log (?voiceLog=1), read inside the page. */
const installSpokenLog = (page: Page) =>
  page.addInitScript(() => {
    (globalThis as unknown as { spokenLog: () => unknown[] }).spokenLog = () =>
      (window as unknown as { __motcuaVoice?: { spoken: unknown[] } }).__motcuaVoice?.spoken ?? [];
  });
const TV_4K = { width: 3840, height: 2160 };
const COUNTER = 'quay-2';
/** Counter 2 serves the site's second queue first; the first queue is elsewhere. */
const site = testSite();
const HERE = site.queues[1]!.id;
const ELSEWHERE = site.queues[0]!.id;

/** Nothing on a wall screen may scroll or spill out of its box: there is nobody to scroll it. */
async function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const d = document.documentElement;
    if (d.scrollWidth > window.innerWidth) out.push(`scrolls sideways: ${d.scrollWidth}`);
    if (d.scrollHeight > window.innerHeight) out.push(`scrolls down: ${d.scrollHeight}`);
    for (const el of Array.from(document.querySelectorAll('.tv-row, .tv-waiting-row, .tv-newest, .cs-number'))) {
      const r = el.getBoundingClientRect();
      if (r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1) out.push(`${el.className} outside the screen`);
    }
    return out;
  });
}

describe('hall TV and counter screen follow the counter, and speak each call', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let token: string;
  let tvContext: BrowserContext;
  let tv: Page;
  let screenContext: BrowserContext;
  let screen: Page;

  beforeAll(async () => {
    // A notice holding markup must show as text, never run.
    site.hallDisplay = {
      notice: 'Giờ làm việc 7:30 – 17:00 <b>in đậm?</b><img src=x onerror="window.__pwned=1">',
      voice: { enabled: true, sources: ['browser', 'clips', 'hub'], rate: 0.9, chime: true, repeat: 1 },
    };
    t = await startTestHub({ site, webRoot: WEB_ROOT });
    ({ browser, close: closeBrowser } = await launchBrowser());
    token = await signIn(t.url, 'canbo2');
    const opened = await api(t.url, 'POST', `/api/counters/${COUNTER}/open`, { token }, { commandId: newCommandId() });
    expect(opened.body.ok).toBe(true);

    tvContext = await browser.newContext({ viewport: TV, locale: 'vi-VN' });
    tv = await tvContext.newPage();
    await installSpokenLog(tv);
    await tv.goto(`${t.url}/display/?voiceLog=1&key=${encodeURIComponent(deviceKey(t.site, 'display'))}`);
    screenContext = await browser.newContext({ viewport: TV, locale: 'vi-VN' });
    screen = await screenContext.newPage();
    await screen.goto(
      `${t.url}/counter/screen?counter=2&key=${encodeURIComponent(deviceKey(t.site, 'counter-screen', COUNTER))}`,
    );
    await screen.locator('.cs[data-state="idle"]').waitFor();
    await tv.locator('.tv-notice').waitFor();
  });
  afterAll(async () => {
    await closeBrowser?.();
    await t?.dispose();
  });

  const act = async (verb: string, body: Record<string, unknown> = {}) => {
    const res = await api<CallResultView>(
      t.url,
      'POST',
      `/api/counters/${COUNTER}/${verb}`,
      { token },
      { commandId: newCommandId(), ...body },
    );
    if (!res.body.ok) throw new Error(`${verb} refused: ${res.body.error.code}`);
    return res.body.data;
  };
  const spoken = (page: Page) => page.locator('#announcement').textContent();
  const reading = () => t.site.locale;

  it('shows a call on the TV and the counter screen, and says the exact sentence', async () => {
    const issued = await issueAtKiosk(t, HERE);
    await issueAtKiosk(t, HERE);
    const called = await act('call-next');
    const number = called.ticket?.number ?? '';
    expect(number).toBe(issued.ticket.number);

    await tv.locator(`.tv-newest[data-number="${number}"]`).waitFor({ timeout: 5000 });
    expect(await tv.locator('.tv-newest-counter').textContent()).toBe('Quầy 2');
    expect(await tv.locator(`.tv-row[data-counter="2"]`).getAttribute('data-number')).toBe(number);
    await tv.waitForFunction(() => document.querySelector('#announcement')?.getAttribute('data-key')?.endsWith('#1'));
    expect(await spoken(tv)).toBe(ticketAnnouncement(number, 2, reading()));
    expect(await spoken(tv)).toMatch(/^Mời công dân có số thứ tự bê (một|hai|ba|bốn) đến quầy số hai$/u);
    // One ticket still waits in the counter's queue.
    expect(await tv.locator(`.tv-waiting-row[data-queue="${HERE}"] .tv-waiting-count`).textContent()).toBe('1');

    await screen.locator(`.cs-number[data-number="${number}"]`).waitFor({ timeout: 5000 });
    expect(await screen.locator('.cs-counter-no').textContent()).toBe('Quầy 2');

    // The player spoke it: headless Chromium has no Vietnamese voice and the office recorded no
    // clips, so the hub's eSpeak NG said it (loaded on this first call, hence the patience).
    const sentence = ticketAnnouncement(number, 2, reading());
    await tv
      .waitForFunction((text) => spokenLog().some((e) => e.text === text), sentence, { timeout: 20_000 })
      .catch(() => undefined);
    expect(await tv.evaluate(() => spokenLog())).toContainEqual(expect.objectContaining({ text: sentence, source: 'hub' }));

    // The notice is text: its markup shows, and nothing in it ran.
    expect(await tv.locator('.tv-notice-track').textContent()).toContain('<img src=x');
    expect(await tv.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await tv.screenshot({ path: artifactPath('tv-1920x1080-called.png') });
    await screen.screenshot({ path: artifactPath('counter-screen-1920x1080-serving.png') });
    expect(await overflowProblems(tv)).toEqual([]);
    expect(await overflowProblems(screen)).toEqual([]);
  });

  it('announces a recall again, with the same sentence', async () => {
    const before = await tv.locator('#announcement').getAttribute('data-key');
    await act('recall');
    await tv.waitForFunction((b) => document.querySelector('#announcement')?.getAttribute('data-key') !== b, before);
    const key = await tv.locator('#announcement').getAttribute('data-key');
    expect(key?.endsWith('#2')).toBe(true);
    const number = await tv.locator('.tv-newest').getAttribute('data-number');
    const sentence = ticketAnnouncement(number ?? '', 2, reading());
    expect(await spoken(tv)).toBe(sentence);
    // Spoken a second time, after the first call's speech (none cuts off another).
    await tv
      .waitForFunction((text) => spokenLog().filter((e) => e.text === text).length >= 2, sentence, { timeout: 20_000 })
      .catch(() => undefined);
    expect((await tv.evaluate(() => spokenLog())).filter((e) => e.text === sentence)).toHaveLength(2);
  });

  it('takes a skipped or transferred ticket off both screens; a pause shows "Tạm ngưng"', async () => {
    const skippedNumber = await tv.locator('.tv-newest').getAttribute('data-number');
    await act('skip');
    await tv.locator(`.tv-row[data-number="${skippedNumber}"]`).waitFor({ state: 'detached', timeout: 5000 });
    await screen.locator('.cs[data-state="idle"]').waitFor({ timeout: 5000 });

    const next = await act('call-next');
    await tv.locator(`.tv-newest[data-number="${next.ticket?.number}"]`).waitFor({ timeout: 5000 });
    await act('transfer', { toQueueId: ELSEWHERE, note: 'Hỏi thêm về hộ tịch' });
    await tv.locator(`.tv-row[data-counter="2"]`).waitFor({ state: 'detached', timeout: 5000 });
    await tv
      .locator(`.tv-waiting-row[data-queue="${ELSEWHERE}"] .tv-waiting-count`)
      .filter({ hasText: '1' })
      .waitFor({ timeout: 5000 });

    await act('pause', { reason: 'Họp giao ban' });
    await screen.locator('.cs[data-state="paused"]').waitFor({ timeout: 5000 });
    expect(await screen.locator('.cs-state').textContent()).toBe('Tạm ngưng');
    expect(await screen.locator('.cs-reason').textContent()).toBe('Họp giao ban');
    await screen.screenshot({ path: artifactPath('counter-screen-1920x1080-paused.png') });
    await act('resume');
    await screen.locator('.cs[data-state="idle"]').waitFor({ timeout: 5000 });
  });

  it('comes back by itself after the hub restarts, without a reload', async () => {
    await tv.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await screen.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    t = await t.restart();
    await issueAtKiosk(t, HERE);
    const called = await act('call-next');
    const number = called.ticket?.number ?? '';
    await tv.locator(`.tv-newest[data-number="${number}"]`).waitFor({ timeout: 10_000 });
    await screen.locator(`.cs-number[data-number="${number}"]`).waitFor({ timeout: 10_000 });
    await tv.waitForFunction(
      (n) =>
        document.querySelector('#announcement')?.textContent?.length &&
        document.querySelector('.tv-newest')?.getAttribute('data-number') === n,
      number,
    );
    expect(await spoken(tv)).toBe(ticketAnnouncement(number, 2, reading()));
    expect(await tv.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await screen.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('an officer presses Next (F1) at the console: the TV and the counter screen show the call', async () => {
    const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const consolePage = await desk.newPage();
    // canbo2 already holds counter 2 (opened over REST above): the console goes straight to it.
    await signInAt(consolePage, t.url, 'canbo2');
    await consolePage.getByTestId('current-ticket').waitFor();
    const issued = await issueAtKiosk(t, HERE);
    await consolePage.getByTestId(`waiting-${issued.ticket.number}`).waitFor();
    // Whatever is current is finished by Next; the new number is the one the console then shows.
    await consolePage.keyboard.press('F1');
    await consolePage.getByTestId('current-number').filter({ hasText: issued.ticket.number }).waitFor();
    await tv.locator(`.tv-newest[data-number="${issued.ticket.number}"]`).waitFor({ timeout: 5000 });
    await screen.locator(`.cs-number[data-number="${issued.ticket.number}"]`).waitFor({ timeout: 5000 });
    await tv.waitForFunction(
      (n) =>
        document.querySelector('#announcement')?.getAttribute('data-key')?.length &&
        document.querySelector('.tv-newest')?.getAttribute('data-number') === n,
      issued.ticket.number,
    );
    expect(await spoken(tv)).toBe(ticketAnnouncement(issued.ticket.number, 2, reading()));
    await desk.close();
  });

  it('fills a 4K TV the same way, and a portrait counter screen', async () => {
    const big = await browser.newContext({ viewport: TV_4K, locale: 'vi-VN' });
    const page = await big.newPage();
    await page.goto(`${t.url}/display/?key=${encodeURIComponent(deviceKey(t.site, 'display'))}`);
    await page.locator('.tv-row').first().waitFor();
    await page.screenshot({ path: artifactPath('tv-3840x2160.png') });
    expect(await overflowProblems(page)).toEqual([]);
    // The number is as large relative to the screen as on a 1920 TV.
    const h = await page.locator('.tv-newest-number').evaluate((el) => el.getBoundingClientRect().height);
    const h1920 = await tv.locator('.tv-newest-number').evaluate((el) => el.getBoundingClientRect().height);
    expect(h / h1920).toBeCloseTo(2, 1);
    await big.close();

    const portrait = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN' });
    const p = await portrait.newPage();
    await p.goto(`${t.url}/counter/screen?counter=2&key=${encodeURIComponent(deviceKey(t.site, 'counter-screen', COUNTER))}`);
    await p.locator('.cs-number').waitFor();
    await p.screenshot({ path: artifactPath('counter-screen-1080x1920-serving.png') });
    expect(await overflowProblems(p)).toEqual([]);
    await portrait.close();
  });

  it('tells the clerk when a counter screen is opened for the wrong counter', async () => {
    const ctx = await browser.newContext({ viewport: TV });
    const p = await ctx.newPage();
    await p.goto(`${t.url}/counter/screen?counter=3&key=${encodeURIComponent(deviceKey(t.site, 'counter-screen', COUNTER))}`);
    await p.locator('.cs-problem').waitFor();
    expect(await p.locator('.cs-problem').textContent()).toContain('thuộc quầy 2, không phải quầy 3');
    await ctx.close();
  });
});
