import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IssueResult } from '../../common/contract/view-schemas.js';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { deviceKey } from '../helpers/test-site.js';
import { api, newCommandId, signIn, startTestHub, TEST_PASSWORD, type TestHub } from '../helpers/test-hub.js';

const DESK_SMALL = { width: 1366, height: 768 };
const DESK_LARGE = { width: 1920, height: 1080 };

/** Waits (bounded) until the page shows what the hub did. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 5000, interval: 50 });

interface SettingsReply {
  config: { queues: { id: string }[]; counters: { id: string; number: number }[]; devices: { key?: string }[] };
  revision: string;
}

/**
 * What would make a supervisor hunt or squint: the page itself scrolling (only a screen's content
 * may scroll inside), a button or title cut off, a button under 44 px, text under 16 px.
 */
async function adminLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const wide = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    const tall = Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);
    if (wide > window.innerWidth) problems.push(`scrolls sideways: ${wide}px of ${window.innerWidth}px`);
    if (tall > window.innerHeight) problems.push(`scrolls down: ${tall}px of ${window.innerHeight}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, a'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (el.tagName === 'BUTTON' && !el.classList.contains('link-button') && (r.width < 44 || r.height < 44))
        problems.push(`small target "${el.textContent?.trim()}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`text cut in "${el.textContent?.trim()}"`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('h1, h2, .office-name, .row-title'))) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
        problems.push(`text overflows "${el.textContent?.trim()}"`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim())) continue;
      if (el.closest('.visually-hidden')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) problems.push(`small text ${size}px "${el.textContent?.trim().slice(0, 30)}"`);
    }
    return problems;
  });
}

async function signInAdmin(page: Page, baseUrl: string, username: string, hash = '', password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/admin/${hash}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

describe('admin page: settings changed from the browser, applied without a restart', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let adminToken: string;
  const problems: string[] = [];

  const shoot = async (p: Page, name: string) => {
    await p.screenshot({ path: artifactPath(`admin-${name}.png`) });
    problems.push(...(await adminLayoutProblems(p)).map((x) => `${name}: ${x}`));
  };
  const settings = async () => {
    const res = await api<SettingsReply>(t.url, 'GET', '/api/admin/settings', { token: adminToken });
    if (!res.body.ok) throw new Error(`settings not readable: ${res.body.error.code}`);
    return res.body.data;
  };
  const saveButton = () => page.getByRole('button', { name: /Lưu cấu hình/ });

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT });
    ({ browser, close: closeBrowser } = await launchBrowser());
    adminToken = await signIn(t.url, 'quantri');
    context = await browser.newContext({ viewport: DESK_SMALL, locale: 'vi-VN' });
    context.setDefaultTimeout(8000); // under the test's own timeout, so a failure says which step
    page = await context.newPage();
  });
  afterAll(async () => {
    await closeBrowser?.();
    await t?.dispose();
  });

  it('refuses an officer’s account with one plain sentence and nothing else', async () => {
    const officer = await browser.newPage({ viewport: DESK_SMALL });
    try {
      await signInAdmin(officer, t.url, 'canbo1');
      await poll(() => officer.getByTestId('signin-error').textContent()).toBe('Tài khoản này không có quyền quản trị');
      expect(await officer.locator('.admin-nav').count()).toBe(0);
      expect(await officer.evaluate(() => localStorage.getItem('motcua.admin.session'))).toBeNull();
    } finally {
      await officer.close();
    }
  });

  it('signs an admin in to the office’s settings, and keeps the session over a reload', async () => {
    await signInAdmin(page, t.url, 'quantri', '#settings/office');
    await poll(() => page.getByTestId('office-name').textContent()).toBe(t.site.office.name);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Bùi Quốc Khánh · Quản trị');
    await page.reload();
    await page.getByLabel('Tên cơ quan', { exact: false }).first().waitFor();
    expect(await page.locator('[data-path="/office/name"] input').inputValue()).toBe(t.site.office.name);
    await shoot(page, '1366-settings-office');
  });

  it('adds a queue and a counter serving it; the hub applies them at once', async () => {
    const before = await settings();
    await page
      .getByRole('link', { name: /Hàng đợi/ })
      .first()
      .click();
    await page.getByRole('button', { name: /Thêm hàng đợi/ }).click();
    const queue = page.locator(`[data-path="/queues/${before.config.queues.length}"]`);
    await queue.getByLabel('Mã').fill('thue');
    await queue.getByLabel('Tên hàng đợi').fill('Thuế – Lệ phí');
    await queue.getByLabel('Tên (tiếng Anh)').fill('Taxes and fees');
    await queue.getByLabel('Ký tự đầu').fill('G');
    await shoot(page, '1366-new-queue');

    await page.getByRole('link', { name: /^Quầy/ }).click();
    await page.getByRole('button', { name: /Thêm quầy/ }).click();
    const counter = page.locator(`[data-path="/counters/${before.config.counters.length}"]`);
    await counter.getByLabel('Mã').first().fill('quay-7');
    await counter.getByLabel('Số quầy').fill('7');
    await counter.getByLabel('Tên quầy').fill('Quầy 7 – Thuế');
    await counter.getByRole('button', { name: /Thêm hàng đợi phục vụ/ }).click();
    await counter.getByLabel('Hàng đợi, dòng 1').selectOption('thue');
    expect(await page.getByTestId('dirty-mark').textContent()).toBe('Có thay đổi chưa lưu');

    // Leaving by the nav keeps the draft.
    await page.getByRole('link', { name: /Nhật ký/ }).click();
    await page.getByRole('link', { name: /Cấu hình/ }).click();
    expect(await page.getByTestId('dirty-mark').textContent()).toBe('Có thay đổi chưa lưu');

    await saveButton().click();
    await poll(() => page.getByTestId('settings-saved').textContent()).toContain('Đã lưu và áp dụng');
    await shoot(page, '1366-saved');
    const after = await settings();
    expect(after.revision).not.toBe(before.revision);
    expect(after.config.queues.map((q) => q.id)).toContain('thue');
    expect(after.config.counters.find((c) => c.id === 'quay-7')?.number).toBe(7);
  });

  it('the kiosk offers the new queue and the new counter calls from it, with no restart', async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    let issued: string | undefined;
    try {
      await kiosk.goto(`${t.url}/kiosk/?key=${encodeURIComponent(deviceKey(t.site, 'kiosk'))}`);
      await kiosk.getByTestId('home-take-ticket').tap();
      await kiosk.getByTestId('queue-thue').tap();
      await kiosk.getByTestId('priority-none').tap();
      issued = (await kiosk.getByTestId('ticket-number').textContent())?.trim();
      await kiosk.screenshot({ path: artifactPath('admin-kiosk-new-queue.png') });
    } finally {
      await kiosk.close();
    }
    expect(issued).toBe('G001');
    const officer = await signIn(t.url, 'canbo6');
    const open = await api(t.url, 'POST', '/api/counters/quay-7/open', { token: officer }, { commandId: newCommandId() });
    expect(open.body.ok).toBe(true);
    const call = await api<{ ticket: IssueResult['ticket'] }>(
      t.url,
      'POST',
      '/api/counters/quay-7/call-next',
      { token: officer },
      { commandId: newCommandId() },
    );
    if (!call.body.ok) throw new Error(`call refused: ${call.body.error.code}`);
    expect(JSON.stringify(call.body.data)).toContain('"G001"');
  });

  it('refuses a counter number used twice and a queue no counter serves, shows every error, saves nothing', async () => {
    const before = await settings();
    const q = before.config.queues.length;
    const c = before.config.counters.findIndex((x) => x.id === 'quay-7');
    await page.getByRole('link', { name: /^Quầy/ }).click();
    const counter = page.locator(`[data-path="/counters/${c}"]`);
    if ((await counter.locator('.row-body').count()) === 0) await counter.locator('.row-toggle').click();
    await counter.getByLabel('Số quầy').fill('1');
    await page
      .getByRole('link', { name: /Hàng đợi/ })
      .first()
      .click();
    await page.getByRole('button', { name: /Thêm hàng đợi/ }).click();
    const queue = page.locator(`[data-path="/queues/${q}"]`);
    await queue.getByLabel('Mã').fill('le-phi');
    await queue.getByLabel('Tên hàng đợi').fill('Lệ phí');
    await queue.getByLabel('Tên (tiếng Anh)').fill('Fees');
    await queue.getByLabel('Ký tự đầu').fill('H');
    await saveButton().click();

    const summary = page.getByTestId('settings-invalid');
    await poll(() => summary.textContent()).toContain('Cấu hình chưa hợp lệ nên chưa được lưu');
    const listed = await summary.locator('li').allTextContents();
    expect(listed.some((x) => x.startsWith(`Quầy › dòng ${c + 1} › Số quầy: `))).toBe(true);
    expect(listed.some((x) => x.startsWith(`Hàng đợi › dòng ${q + 1}: `))).toBe(true);
    // Each error also beside its field: the queue's row is open here, marked, with the hub's words.
    expect(await queue.locator('.row-errors').textContent()).toContain('served by no counter');
    expect(await page.locator('.section-tab[aria-current="page"] .error-badge').textContent()).toBe('1');
    await shoot(page, '1366-invalid');
    // The error list leads to the field.
    await summary.getByRole('button', { name: `Quầy › dòng ${c + 1} › Số quầy` }).click();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`setting_counters_${c}_number`);
    expect(await counter.locator('[data-path$="/number"] .setting-errors').textContent()).toContain('counter number');
    await shoot(page, '1366-invalid-field');

    const now = await settings();
    expect(now.revision).toBe(before.revision);
    expect(now.config.counters[c]?.number).toBe(7);
    expect(now.config.queues.map((x) => x.id)).not.toContain('le-phi');
    await page.getByRole('button', { name: /Hủy thay đổi/ }).click();
    expect(await page.getByTestId('dirty-mark').textContent()).toBe('Không có thay đổi chưa lưu');
  });

  it('shows the saved change in the audit log, newest first, with each setting before and after', async () => {
    await page.getByRole('link', { name: /Nhật ký/ }).click();
    const first = page.getByTestId('audit-list').locator('li').first();
    await poll(() => first.textContent()).toContain('Lưu cấu hình');
    expect(await first.locator('.audit-actor').textContent()).toBe('Bùi Quốc Khánh');
    expect(await first.locator('.audit-time').textContent()).toMatch(/^\d\d:\d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);
    await first.getByRole('button', { name: /Xem \d+ thay đổi/ }).click();
    const rows = await first.locator('.audit-changes tbody th').allTextContents();
    expect(rows.some((r) => r.startsWith('Hàng đợi › dòng 7'))).toBe(true);
    expect(rows.some((r) => r.startsWith('Quầy › dòng 7'))).toBe(true);
    await shoot(page, '1366-audit');
  });

  it('adds an officer, whose first password is shown once after the save, and signs in with it', async () => {
    await page
      .getByRole('link', { name: /Cán bộ/ })
      .first()
      .click();
    // Counted once the officers' list is on screen: read at once after the click, it could still be
    // the page before (0 rows), and the new row would be looked for in the wrong place.
    const rows = page.locator('.rows-list > li');
    await page.getByRole('button', { name: /Thêm cán bộ/ }).waitFor();
    await rows.first().waitFor();
    const count = await rows.count();
    await page.getByRole('button', { name: /Thêm cán bộ/ }).click();
    await poll(() => rows.count()).toBe(count + 1);
    const row = page.locator(`[data-path="/officers/${count}"]`);
    await row.getByLabel('Mã').fill('canbo7');
    await row.getByLabel('Tên đăng nhập').fill('canbo7');
    await row.getByLabel('Họ và tên').fill('Đỗ Thị Ngọc Ánh');
    await saveButton().click();
    const dialog = page.getByRole('dialog', { name: 'Mật khẩu đầu tiên của cán bộ mới' });
    await dialog.waitFor();
    const cells = await dialog.getByTestId('new-passwords').locator('tbody td').allTextContents();
    expect(cells[0]).toBe('canbo7');
    await shoot(page, '1366-new-officer-password');
    await dialog.getByRole('button', { name: /Đã chép/ }).click();
    expect(await dialog.count()).toBe(0);
    expect(await signIn(t.url, 'canbo7', cells[1])).toBeTruthy();
  });

  it('resets an officer’s password, shown once, which then signs in', async () => {
    await page
      .getByRole('link', { name: /Cán bộ/ })
      .first()
      .click();
    const row = page.locator('.row', { hasText: 'Võ Đức Thắng' });
    await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đặt lại mật khẩu' });
    await dialog.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const shown = dialog.getByTestId('new-password');
    await poll(() => shown.inputValue()).not.toBe('');
    const password = await shown.inputValue();
    await shoot(page, '1366-password');
    await dialog.getByRole('button', { name: /Xong/ }).click();
    expect(await dialog.count()).toBe(0);
    expect(await signIn(t.url, 'canbo6', password)).toBeTruthy();
    await expect(signIn(t.url, 'canbo6', TEST_PASSWORD)).rejects.toThrow();
  });

  it('lists the devices with their state and tests the kiosk printer', async () => {
    await page
      .getByRole('link', { name: /Thiết bị/ })
      .first()
      .click();
    await poll(() => page.getByTestId('device-status-kiosk-1-printer').textContent()).not.toBe('');
    const row = page.locator('.row', { hasText: 'Máy in phiếu kiosk' });
    await row.getByRole('button', { name: 'Thử in' }).click();
    const result = page.getByTestId('test-result-kiosk-1-printer');
    await poll(() => result.textContent()).not.toBe('');
    // The hub's Vietnamese report of the test slip, not a refusal.
    expect(await result.getAttribute('class')).toBe('test-result');
    await shoot(page, '1366-devices');
  });

  it('fits a 1920x1080 screen too', async () => {
    const large = await browser.newContext({ viewport: DESK_LARGE, locale: 'vi-VN' });
    try {
      const p = await large.newPage();
      await signInAdmin(p, t.url, 'quantri', '#settings/counters');
      await p.locator('.row-toggle').first().click();
      await shoot(p, '1920-counters');
      await p.goto(`${t.url}/admin/#officers`);
      await p.locator('.row').first().waitFor();
      await shoot(p, '1920-officers');
      await p.goto(`${t.url}/admin/#audit`);
      await p.getByTestId('audit-list').locator('li').first().waitFor();
      await shoot(p, '1920-audit');
    } finally {
      await large.close();
    }
  });

  it('shows a supervisor the settings read-only, device keys hidden', async () => {
    const sup = await browser.newContext({ viewport: DESK_SMALL, locale: 'vi-VN' });
    try {
      const p = await sup.newPage();
      await signInAdmin(p, t.url, 'giamsat', '#devices');
      await p.getByTestId('read-only').waitFor();
      expect(await p.getByRole('button', { name: /Lưu cấu hình/ }).count()).toBe(0);
      expect(await p.getByRole('button', { name: /Thêm thiết bị/ }).count()).toBe(0);
      const kiosk = p.locator('.row', { hasText: 'Kiosk sảnh chính' });
      await kiosk.locator('.row-toggle').click();
      const key = kiosk.locator('[data-path$="/key"] input');
      expect(await key.inputValue()).toBe('***');
      expect(await key.isEditable()).toBe(false);
      expect(await kiosk.getByLabel('Tên').first().isEditable()).toBe(false);
      await shoot(p, '1366-supervisor-devices');
      await p.getByRole('link', { name: /Cấu hình/ }).click();
      expect(await p.locator('input:not([readonly]):not([type="checkbox"])').count()).toBe(0);
    } finally {
      await sup.close();
    }
    expect(problems).toEqual([]);
  });
});
