import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Procedure } from '../../common/catalogue/procedure-schema.js';
import { proceduresRepository } from '../../server/storage/repositories/procedures.js';
import { artifactPath, KIOSK_PORTRAIT, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { deviceKey, testSite } from '../helpers/test-site.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const MARKUP = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const CODE = '9.999999';

function procedure(): Procedure {
  return {
    code: CODE,
    name: `Thử nghiệm ${MARKUP}`,
    field: 'Hộ tịch',
    issuingAgency: null,
    implementingAgency: null,
    competentAgency: null,
    submissionAddress: null,
    levels: ['Cấp xã'],
    procedureType: null,
    subjects: [],
    decisionNumber: null,
    channels: [
      {
        channel: 'truc-tiep',
        label: 'Trực tiếp',
        processingTime: MARKUP,
        workingDays: null,
        days: null,
        fees: MARKUP,
        description: null,
      },
    ],
    documents: [{ group: 'nop', items: [{ name: `Tờ khai ${MARKUP}`, originals: 1, copies: 0, form: null }] }],
    steps: [],
    conditions: null,
    legalBasis: [],
    result: null,
    description: null,
    portalUrl: null,
    keywords: ['thu nghiem'],
    hasFullRecord: true,
    communeLevel: true,
  };
}

/**
 * What the screens render is text, whatever it holds: a procedure name, a queue name and the hall's
 * notice holding markup show the markup on the kiosk and the TV, and nothing in it runs. The pages
 * are loaded with the content security policy bypassed, so this proves the escaping itself, not the
 * policy (security-csp.test.ts proves that).
 */
describe('screens render names and notices as text', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  const dialogs: string[] = [];
  const site = testSite();
  const queue = site.queues.find((q) => q.fields.includes('Hộ tịch'))!;

  beforeAll(async () => {
    site.hallDisplay = {
      notice: `Thông báo ${MARKUP}`,
      voice: { enabled: false, sources: ['browser', 'clips', 'hub'], rate: 0.9, chime: true, repeat: 1 },
    };
    queue.name = `${queue.name} ${MARKUP}`;
    const first = await startTestHub({ site, webRoot: WEB_ROOT });
    proceduresRepository(first.hub.db).replaceAll([procedure()], {
      at: Date.now(),
      source: 'security-escape test',
      durationMs: 0,
      stats: {},
      problems: [],
    });
    // The catalogue's search index is built at start.
    t = await first.restart();
    ({ browser, close: closeBrowser } = await launchBrowser());
    context = await browser.newContext({ viewport: KIOSK_PORTRAIT, hasTouch: true, locale: 'vi-VN', bypassCSP: true });
  });
  afterAll(async () => {
    await context?.close();
    await closeBrowser?.();
    await t?.dispose();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${path}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${t.url}${path}`);
    return page;
  }
  /** Elements the markup would have made, had it been parsed. */
  const injected = (page: Page) => page.evaluate(() => document.querySelectorAll('img[src="x"], body script').length);

  it('the kiosk shows a queue name and a procedure name, documents and fees holding markup as text', async () => {
    const page = await open(`/kiosk/?key=${encodeURIComponent(deviceKey(t.site, 'kiosk'))}`);
    await page.getByTestId('home-take-ticket').tap();
    const button = page.getByTestId(`queue-${queue.id}`);
    await button.waitFor();
    expect(await button.textContent()).toContain(MARKUP);
    await page.goto(`${t.url}/kiosk/`);
    await page.getByTestId('home-lookup-procedure').tap();
    for (const ch of 'thu nghiem') await page.getByTestId(ch === ' ' ? 'letter-space' : `letter-${ch}`).tap();
    const result = page.getByTestId(`procedure-${CODE}`);
    await result.waitFor();
    expect(await result.textContent()).toContain(MARKUP);
    await result.tap();
    await page.getByTestId('procedure-detail').waitFor();
    expect(await page.locator('.procedure-name').textContent()).toBe(`Thử nghiệm ${MARKUP}`);
    await page.getByText(`Tờ khai ${MARKUP}`).waitFor();
    expect(await page.locator('.procedure-facts').textContent()).toContain(MARKUP);
    expect(await page.locator('.procedure-name').isVisible()).toBe(true);
    expect(await injected(page)).toBe(0);
    await page.screenshot({ path: artifactPath('security-kiosk-markup-as-text.png') });
    await page.close();
    expect(dialogs).toEqual([]);
  });

  it('the hall TV shows the notice and a queue name holding markup as text', async () => {
    const page = await open(`/display/?key=${encodeURIComponent(deviceKey(t.site, 'display'))}`);
    const notice = page.locator('.tv-notice-track');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Thông báo ${MARKUP}`);
    expect(await notice.isVisible()).toBe(true);
    const row = page.locator(`.tv-waiting-row[data-queue="${queue.id}"] .tv-waiting-name`);
    await row.waitFor();
    expect(await row.textContent()).toContain(MARKUP);
    expect(await injected(page)).toBe(0);
    await page.close();
    expect(dialogs).toEqual([]);
  });

  it('would catch markup that ran (the checks work)', async () => {
    const page = await open('/');
    await page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.append(div);
    }, MARKUP);
    await page.waitForFunction(() => document.querySelector('img[src="x"]') !== null);
    expect(await injected(page)).toBeGreaterThan(0);
    // The broken image's onerror is the one that runs through innerHTML (a <script> inserted so never does).
    await expect.poll(() => dialogs.length, { timeout: 5000 }).toBe(1);
    await page.close();
    dialogs.splice(0);
  });
});
