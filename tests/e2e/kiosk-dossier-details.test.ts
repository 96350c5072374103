import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DossierReceivedView } from '../../common/contract/dossier-received-view.js';
import { layoutProblems } from '../helpers/layout-problems.js';
import { artifactPath, KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { deviceKey } from '../helpers/test-site.js';
import { api, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

const NAME = 'Nguyễn Văn An';
const ID_NUMBER = '079203001234';

/** A keyboard-wedge scanner: the code as one burst of key events, then Enter, with no field focused. */
async function scan(page: Page, text: string): Promise<void> {
  await page.evaluate((keys) => {
    for (const key of [...keys, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }, text);
}

async function typeDigits(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId(`digit-${d}`).tap();
}

/** A wrong secret that is surely not this dossier's. */
const wrong = (secret: string) => String((Number(secret) + 1) % 1_000_000).padStart(6, '0');

describe('kiosk: dossier details behind the receipt’s mã tra cứu', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let code: string;
  let secret: string;

  beforeAll(async () => {
    t = await startTestHub({ catalogueDir: sharedDataPath('procedures'), webRoot: WEB_ROOT });
    const token = await signIn(t.url, 'canbo1');
    await api(t.url, 'POST', '/api/counters/quay-1/open', { token }, { commandId: newCommandId() });
    const res = await api<DossierReceivedView>(
      t.url,
      'POST',
      '/api/counters/quay-1/dossiers',
      { token },
      {
        commandId: newCommandId(),
        procedureCode: '1.001193',
        applicant: { name: NAME, idNumber: ID_NUMBER, address: 'Ấp 3, xã Tân Phú', phone: '0912345678' },
        documents: [
          { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 },
          { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
        ],
        dossierSets: 1,
        channel: 1,
        resultDelivery: 'buu-chinh',
        workingDays: 0,
      },
    );
    if (!res.body.ok) throw new Error(JSON.stringify(res.body.error));
    ({ code, secret } = res.body.data.dossier);
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await t?.dispose();
  });

  const open = async (viewport: { width: number; height: number }, fakeClock = false) => {
    const context = await browser.newContext({ viewport, hasTouch: true });
    const page = await context.newPage();
    if (fakeClock) await page.clock.install();
    await page.goto(`${t.url}/kiosk/?key=${encodeURIComponent(deviceKey(t.site, 'kiosk'))}`);
    await page.getByTestId('home-take-ticket').waitFor();
    return { page, close: () => context.close() };
  };
  const openDetails = async (page: Page) => {
    await scan(page, code);
    await page.getByTestId('dossier-status').waitFor();
    await page.getByTestId('more-details').tap();
    await page.getByTestId('details-ask').waitFor();
  };
  const bodyText = (page: Page) => page.locator('body').innerText();

  it('shows the procedure and the shortened name for the receipt’s secret, and forgets them on Home', async () => {
    const { page, close } = await open(KIOSK_PORTRAIT);
    await page.getByTestId('home-lookup-dossier').waitFor();
    await openDetails(page);
    expect(await page.getByTestId('details-question').textContent()).toBe('Nhập mã tra cứu in trên giấy tiếp nhận (6 chữ số)');
    expect(await page.getByTestId('details-submit').isDisabled()).toBe(true);
    await typeDigits(page, secret.slice(0, 3));
    await page.screenshot({ path: artifactPath('kiosk-portrait-details-ask.png') });
    expect(await layoutProblems(page)).toEqual([]);
    await typeDigits(page, secret.slice(3));
    expect(await page.getByTestId('details-typed').textContent()).toBe(secret);
    await page.getByTestId('details-submit').tap();
    await page.getByTestId('dossier-details').waitFor();
    expect(await page.getByTestId('details-procedure').textContent()).toMatch(/đăng ký khai sinh/i);
    expect(await page.getByTestId('details-applicant').textContent()).toBe('Nguyễn V. A.');
    expect(await page.getByTestId('details-documents').textContent()).toBe('2 giấy tờ');
    expect(await page.getByTestId('details-delivery').textContent()).toBe('Gửi qua bưu chính công ích');
    expect(await page.getByTestId('details-received').textContent()).toMatch(/^Thứ|^Chủ nhật/);
    const shown = await bodyText(page);
    expect(shown).not.toContain(NAME);
    expect(shown).not.toContain(ID_NUMBER);
    await page.screenshot({ path: artifactPath('kiosk-portrait-details-shown.png') });
    expect(await layoutProblems(page)).toEqual([]);

    await page.getByTestId('home').tap();
    await page.getByTestId('home-take-ticket').waitFor();
    expect(await bodyText(page)).not.toContain('Nguyễn V. A.');
    // Coming back asks again: nothing typed is kept.
    await openDetails(page);
    expect(await page.getByTestId('details-typed').textContent()).toBe('');
    await close();
  });

  it('answers a wrong secret in plain Vietnamese, and opens with the last 4 digits of the ID (landscape)', async () => {
    const { page, close } = await open(KIOSK_LANDSCAPE);
    await openDetails(page);
    await page.screenshot({ path: artifactPath('kiosk-landscape-details-ask.png') });
    expect(await layoutProblems(page)).toEqual([]);
    await typeDigits(page, wrong(secret));
    await page.getByTestId('details-submit').tap();
    await page.getByTestId('details-error').waitFor();
    expect(await page.getByTestId('details-error').textContent()).toBe(
      'Mã tra cứu chưa đúng. Vui lòng kiểm tra lại giấy tiếp nhận.',
    );
    expect(await page.getByTestId('details-typed').textContent()).toBe('');
    await page.screenshot({ path: artifactPath('kiosk-landscape-details-wrong.png') });
    expect(await layoutProblems(page)).toEqual([]);

    await page.getByTestId('details-switch').tap();
    expect(await page.getByTestId('details-question').textContent()).toContain('4 số cuối');
    await typeDigits(page, ID_NUMBER.slice(-4));
    await page.getByTestId('details-submit').tap();
    await page.getByTestId('dossier-details').waitFor();
    expect(await page.getByTestId('details-applicant').textContent()).toBe('Nguyễn V. A.');
    await page.screenshot({ path: artifactPath('kiosk-landscape-details-shown.png') });
    expect(await layoutProblems(page)).toEqual([]);
    // Back leaves the details for the question, then the status.
    await page.getByTestId('back').tap();
    await page.getByTestId('details-ask').waitFor();
    await page.getByTestId('back').tap();
    await page.getByTestId('dossier-status').waitFor();
    await close();
  });

  it('goes home by itself when left idle on the details, leaving nothing personal on screen', async () => {
    const { page, close } = await open(KIOSK_PORTRAIT, true);
    await openDetails(page);
    await typeDigits(page, secret);
    await page.getByTestId('details-submit').tap();
    await page.getByTestId('dossier-details').waitFor();
    await page.clock.runFor(61_000);
    await page.getByTestId('home-take-ticket').waitFor({ timeout: 5000 });
    expect(await bodyText(page)).not.toContain('Nguyễn V. A.');
    expect(await page.getByTestId('dossier-details').count()).toBe(0);
    await close();
  });

  it('after too many misses from this kiosk refuses even the right secret, with the RATE_LIMITED text', async () => {
    const key = deviceKey(t.site, 'kiosk');
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i++)
      status = (await api(t.url, 'POST', `/api/dossiers/${code}/details`, { deviceKey: key }, { secret: wrong(secret) })).status;
    expect(status).toBe(429);
    const { page, close } = await open(KIOSK_PORTRAIT);
    await openDetails(page);
    await typeDigits(page, secret);
    await page.getByTestId('details-submit').tap();
    await page.getByTestId('details-error').waitFor();
    expect(await page.getByTestId('details-error').textContent()).toMatch(
      /^Thao tác quá nhanh\. Vui lòng đợi một chút rồi thử lại\. Vui lòng thử lại sau khoảng \d+ phút\.$/,
    );
    expect(await page.getByTestId('dossier-details').count()).toBe(0);
    await page.screenshot({ path: artifactPath('kiosk-portrait-details-rate-limited.png') });
    await close();
  });
});
