import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HallFact } from '../../common/contract/hall-view.js';
import { DEFAULT_REASONS, FIVE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout-problems.js';
import { deviceKey, testSite } from '../helpers/test-site.js';
import {
  api,
  connectClient,
  eventually,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';

const LANDSCAPE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };

type Rated = Extract<HallFact, { type: 'survey:rated' }>;

/** A site on the five-level questionnaire scale with three criteria: each asked in turn, sent once. */
describe('survey terminal on the five-level scale', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let token: string;
  let feed: TestClient;
  const rated: Rated[] = [];
  const problems: string[] = [];
  const [tongThe, thuanTien, thaiDo] = FIVE_LEVEL_SCALE.criteria.map((c) => c.id) as [string, string, string];

  beforeAll(async () => {
    const site = testSite();
    site.survey = structuredClone({
      windowSeconds: 60,
      scales: [{ ...FIVE_LEVEL_SCALE, effectiveFrom: '2018-01-01' }],
      reasons: DEFAULT_REASONS,
    }) as unknown as NonNullable<SiteConfig['survey']>;
    t = await startTestHub({ site, webRoot: WEB_ROOT });
    token = await signIn(t.url, 'canbo3');
    expect((await api(t.url, 'POST', '/api/counters/quay-3/open', { token }, { commandId: newCommandId() })).body.ok).toBe(true);
    feed = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    feed.socket.on('survey:rated', (f: Rated) => rated.push(f));
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    feed?.close();
    await closeBrowser?.();
    await t?.dispose();
  });

  for (const viewport of [LANDSCAPE, PORTRAIT]) {
    const orientation = viewport === LANDSCAPE ? 'landscape' : 'portrait';
    it(`asks each criterion in turn, one reason, and a bounce answers nothing twice (${orientation})`, async () => {
      const ctx = await browser.newContext({ viewport, hasTouch: true, locale: 'vi-VN' });
      const page = await ctx.newPage();
      await page.goto(`${t.url}/survey/?counter=3&key=${encodeURIComponent(deviceKey(t.site, 'survey', 'quay-3'))}`);
      await page.locator('.survey[data-state="idle"]').waitFor({ timeout: 10_000 });
      const shoot = async (name: string) => {
        await page.screenshot({ path: artifactPath(`survey-5-${orientation}-${name}.png`) });
        problems.push(...(await layoutProblems(page)).map((p) => `${orientation} ${name}: ${p}`));
      };
      const queueId = t.site.counters.find((c) => c.id === 'quay-3')!.queues[0]!.queueId;
      const issued = await issueAtKiosk(t, queueId);
      for (const step of ['call-next', 'start', 'finish'])
        expect((await api(t.url, 'POST', `/api/counters/quay-3/${step}`, { token }, { commandId: newCommandId() })).body.ok).toBe(
          true,
        );
      await page.getByText('Câu 1/3').waitFor({ timeout: 5000 });
      for (const name of ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng'])
        await page.getByRole('button', { name, exact: true }).waitFor({ timeout: 1000 });
      await shoot('question-1');
      // The finger bounces: a second press lands where the same button is drawn on the next question,
      // a frame after it appears (in the page, so no test-side delay decides what is a bounce).
      const box = (await page.getByTestId('level-binh-thuong').boundingBox())!;
      const bounced = await page.evaluate(
        async ({ x, y }) => {
          const press = () => (document.elementFromPoint(x, y) as HTMLElement | null)?.closest('button')?.click();
          press();
          await new Promise<void>((resolve) => {
            const check = () => (document.body.textContent?.includes('Câu 2/3') ? resolve() : requestAnimationFrame(check));
            check();
          });
          const under = (document.elementFromPoint(x, y) as HTMLElement | null)?.closest('button');
          press();
          return under?.dataset.testid ?? null;
        },
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(bounced).toBe('level-binh-thuong'); // the same answer, on the next question, under the finger
      expect(await page.getByTestId('question').textContent()).toBe('Mức độ thuận tiện');
      await page.getByTestId('level-rat-khong-hai-long').tap();
      await page.getByTestId('reason-thai-do').tap();
      await page.getByText('Câu 3/3').waitFor({ timeout: 3000 });
      await shoot('question-3');
      await page.getByTestId('level-hai-long').tap();
      await page.getByTestId('thanks').waitFor({ timeout: 5000 });
      await shoot('thanks');
      expect(await page.getByTestId('thanks').textContent()).toContain('Mức độ thuận tiện: Rất không hài lòng');
      await eventually(() => rated.some((f) => f.ticketId === issued.ticket.id), 3000, 'the rating reaches the hall');
      expect(rated.filter((f) => f.ticketId === issued.ticket.id)).toMatchObject([
        {
          scaleId: FIVE_LEVEL_SCALE.id,
          answers: { [tongThe]: 'binh-thuong', [thuanTien]: 'rat-khong-hai-long', [thaiDo]: 'hai-long' },
          reasonId: 'thai-do',
        },
      ]);
      await ctx.close();
    }, 40_000);
  }

  it('fits every screen it showed', () => {
    expect(problems).toEqual([]);
  });
});
