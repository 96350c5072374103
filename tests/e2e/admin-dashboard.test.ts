import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CallResultView } from '../../common/contract/view-schemas.js';
import { ONLINE, PAPER_OUT } from '../devices/helpers/escpos-peer.js';
import { FakeTcpPrinter } from '../devices/helpers/fake-tcp-printer.js';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { deviceKey, testSite } from '../helpers/test-site.js';
import {
  api,
  connectClient,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  TEST_PASSWORD,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';

const WALL = { width: 1920, height: 1080 };
const DESK = { width: 1366, height: 768 };

/** What would make the dashboard hard to read: sideways scrolling, text under 16 px, cut-off numbers. */
async function readabilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const wide = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    if (wide > window.innerWidth) out.push(`scrolls sideways: ${wide}px of ${window.innerWidth}px`);
    const root = document.querySelector('.db');
    if (!root) return ['no dashboard'];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) out.push(`"${n.textContent.trim()}" at ${size}px`);
    }
    // The shell's main area may clip rather than scroll the page: look inside it too.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.db, .db-panel, .db-tile'))) {
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.className} spills sideways: ${el.scrollWidth}px of ${el.clientWidth}px`);
      if (el.getBoundingClientRect().right > window.innerWidth + 1) out.push(`${el.className} goes past the right edge`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.db-tile-value, .db-big, .db-ticket'))) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`"${el.textContent}" cut off`);
    }
    return out;
  });
}

describe('the live dashboard, signed in as a supervisor', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let display: TestClient | null = null;
  const requests: string[] = [];
  let servingNumber = '';
  // The kiosk's printer as a network printer on 127.0.0.1, out of paper when the day starts.
  const printer = new FakeTcpPrinter();
  const queueA = () => t.site.queues[0]!.id;

  beforeAll(async () => {
    printer.peer.status = PAPER_OUT;
    const port = await printer.start();
    const site = testSite();
    site.devices = site.devices.map((d) =>
      d.kind === 'printer' ? { ...d, model: 'epson/tm-t82iii', link: `tcp://127.0.0.1:${port}` } : d,
    );
    t = await startTestHub({ site, webRoot: WEB_ROOT });
    // A hall at work: counter 1 serving, counter 2 paused for a meeting, citizens waiting, the TV on.
    const canbo1 = await signIn(t.url, 'canbo1');
    const canbo2 = await signIn(t.url, 'canbo2');
    await api(t.url, 'POST', '/api/counters/quay-1/open', { token: canbo1 }, { commandId: newCommandId() });
    await api(t.url, 'POST', '/api/counters/quay-2/open', { token: canbo2 }, { commandId: newCommandId() });
    const paused = await api(
      t.url,
      'POST',
      '/api/counters/quay-2/pause',
      { token: canbo2 },
      { commandId: newCommandId(), reason: 'Họp' },
    );
    expect(paused.body.ok).toBe(true);
    for (let i = 0; i < 3; i++) await issueAtKiosk(t, queueA());
    const called = await api<CallResultView>(
      t.url,
      'POST',
      '/api/counters/quay-1/call-next',
      { token: canbo1 },
      { commandId: newCommandId() },
    );
    if (!called.body.ok || !called.body.data.ticket) throw new Error('call-next failed');
    servingNumber = called.body.data.ticket.number;
    display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });

    ({ browser, close: closeBrowser } = await launchBrowser());
    context = await browser.newContext({ viewport: WALL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${t.url}/admin/#dashboard`);
    await page.getByLabel('Tên đăng nhập').fill('giamsat');
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.locator('.db[data-connected="yes"] .db-device-list').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    display?.close();
    await closeBrowser?.();
    await t?.dispose();
    await printer.stop();
  });

  const queueRow = (id: string) => page.locator(`tr[data-queue-id="${id}"]`);
  const counterRow = (id: string) => page.locator(`tr[data-counter-id="${id}"]`);
  const deviceItem = (id: string) => page.locator(`li[data-device-id="${id}"]`);

  it('shows the queues, the counters, the day and the devices as the hub has them', async () => {
    const queue = t.site.queues[0]!;
    await expect.poll(() => queueRow(queue.id).locator('[data-field="waiting"]').textContent()).toBe('2');
    expect(await queueRow(queue.id).locator('[data-field="longest"]').textContent()).toContain('phút');
    expect(await queueRow(queue.id).locator('th').textContent()).toContain(queue.name);

    const serving = counterRow('quay-1');
    expect(await serving.getAttribute('data-status')).toBe('open');
    expect(await serving.locator('[data-field="ticket"]').textContent()).toContain(servingNumber);
    expect(await serving.locator('[data-field="officer"]').textContent()).toBe(
      t.site.officers.find((o) => o.id === 'canbo1')!.name,
    );
    expect(await serving.locator('[data-field="since"]').textContent()).toContain('phút');
    const paused = counterRow('quay-2');
    expect(await paused.getAttribute('data-status')).toBe('paused');
    expect(await paused.locator('[data-field="status"]').textContent()).toContain('Tạm dừng');
    expect(await paused.locator('[data-field="status"]').textContent()).toContain('Họp');
    expect(await counterRow('quay-5').getAttribute('data-status')).toBe('closed');

    expect(await page.locator('[data-total="issued"] .db-tile-value').textContent()).toBe('3');
    expect(await page.locator('[data-total="waiting"] .db-tile-value').textContent()).toBe('2');
    expect(await page.locator('[data-outbox="pending"] .db-tile-value').textContent()).toBe('0');

    expect(await deviceItem('hall-display').getAttribute('data-state')).toBe('ok');
    // The printer out of paper: first in the list, marked red, said in Vietnamese.
    const printerItem = deviceItem('kiosk-1-printer');
    await expect.poll(() => printerItem.getAttribute('data-state')).toBe('problem');
    expect(await printerItem.textContent()).toContain('Hết giấy');
    expect(await page.locator('li[data-device-id]').first().getAttribute('data-device-id')).toBe('kiosk-1-printer');
    expect(await printerItem.locator('.db-mark').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(179, 38, 30)');
    expect(await deviceItem('kiosk-1').getAttribute('data-state')).toBe('offline');
    expect(await deviceItem('kiosk-1').textContent()).toContain('Chưa kết nối lần nào');
    // Devices needing a person come before the working ones.
    const states = await page.locator('li[data-device-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states.indexOf('ok')).toBeGreaterThan(states.lastIndexOf('offline'));

    expect(await readabilityProblems(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('admin-dashboard-1920x1080.png') });
  });

  it('follows the hall without a reload: a kiosk ticket, a counter resuming, the TV going away', async () => {
    const seqBefore = Number(await page.locator('.db').getAttribute('data-seq'));
    requests.length = 0;
    printer.peer.status = ONLINE; // paper put in; the next ticket prints and the hub sees it
    await issueAtKiosk(t, queueA());
    await expect.poll(() => queueRow(queueA()).locator('[data-field="waiting"]').textContent()).toBe('3');
    await expect.poll(() => page.locator('[data-total="issued"] .db-tile-value').textContent()).toBe('4');

    const canbo2 = await signIn(t.url, 'canbo2');
    await api(t.url, 'POST', '/api/counters/quay-2/resume', { token: canbo2 }, { commandId: newCommandId() });
    await expect.poll(() => counterRow('quay-2').getAttribute('data-status')).toBe('open');
    await expect.poll(() => deviceItem('kiosk-1-printer').getAttribute('data-state'), { timeout: 10_000 }).toBe('ok');

    display?.close();
    display = null;
    await expect.poll(() => deviceItem('hall-display').getAttribute('data-state')).toBe('offline');
    expect(await deviceItem('hall-display').textContent()).toContain('Lần cuối');

    expect(Number(await page.locator('.db').getAttribute('data-seq'))).toBeGreaterThan(seqBefore);
    // Pushed, not fetched: the page asked the hub for none of it.
    expect(requests.filter((p) => /^\/api\/(health|hall|outbox|tickets|counters)/.test(p))).toEqual([]);
    expect(requests.filter((p) => p.startsWith('/admin'))).toEqual([]);
  });

  it('stays whole on a 1366x768 office PC', async () => {
    await page.setViewportSize(DESK);
    await page.locator('.db').waitFor();
    expect(await readabilityProblems(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('admin-dashboard-1366x768.png') });
    // The shell scrolls its main area, not the page: a taller window shows what scrolling reaches.
    await page.setViewportSize({ width: DESK.width, height: 1800 });
    await page.screenshot({ path: artifactPath('admin-dashboard-1366-wide-scrolled.png') });
  });
});
