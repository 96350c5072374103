import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HallFact, HallView } from '../../common/contract/hall-view.js';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout-problems.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { deviceKey } from '../helpers/test-site.js';
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
const OVERALL = 'giai-quyet-tthc';

type Rated = Extract<HallFact, { type: 'survey:rated' }>;
type Lapsed = Extract<HallFact, { type: 'survey:lapsed' }>;

/**
 * The survey terminal as the citizen meets it: a tablet at counter 3 and one at counter 4, an officer
 * finishing tickets at counter 3 over REST, the ratings counted as the hall hears them. The hub runs
 * on a hand-moved clock, so a rating window passes without waiting a minute.
 */
describe('survey terminal at the counter', () => {
  const clock = new ManualClock(Date.now());
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let token: string;
  let supervisor: string;
  let feed: TestClient;
  const rated: Rated[] = [];
  const lapsed: Lapsed[] = [];
  let ctx3: BrowserContext;
  let page3: Page;
  let ctx4: BrowserContext;
  let page4: Page;
  const problems: string[] = [];

  const surveyUrl = (n: number, counterId: string) =>
    `${t.url}/survey/?counter=${n}&key=${encodeURIComponent(deviceKey(t.site, 'survey', counterId))}`;

  /** A citizen served at counter 3: a kiosk ticket for its queue, called, started and finished. */
  async function serveOne(): Promise<{ id: string; number: string }> {
    const queueId = t.site.counters.find((c) => c.id === 'quay-3')!.queues[0]!.queueId;
    const issued = await issueAtKiosk(t, queueId);
    for (const step of ['call-next', 'start', 'finish']) {
      clock.advance(2000);
      const r = await api(t.url, 'POST', `/api/counters/quay-3/${step}`, { token }, { commandId: newCommandId() });
      expect(r.body.ok, `${step}: ${JSON.stringify(r.body)}`).toBe(true);
    }
    return { id: issued.ticket.id, number: issued.ticket.number };
  }

  async function shoot(page: Page, name: string): Promise<void> {
    const size = page.viewportSize();
    const orientation = size && size.width > size.height ? 'landscape' : 'portrait';
    await page.screenshot({ path: artifactPath(`survey-${orientation}-${size?.width}x${size?.height}-${name}.png`) });
    problems.push(...(await layoutProblems(page)).map((p) => `${orientation} ${name}: ${p}`));
  }

  const hallSurveys = async () => {
    const r = await api<HallView>(t.url, 'GET', '/api/hall', { token: supervisor });
    if (!r.body.ok) throw new Error('hall snapshot refused');
    return r.body.data.surveys;
  };
  const ratedFor = (ticketId: string) => rated.filter((f) => f.ticketId === ticketId);
  /** The terminal is showing this ticket's question. */
  const asks = (page: Page, number: string) =>
    page.locator(`.survey[data-state="asking"] [data-testid="ticket-number"]`, { hasText: number }).waitFor({ timeout: 5000 });
  const idle = (page: Page, timeout = 15_000) => page.locator('.survey[data-state="idle"]').waitFor({ timeout });

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT, clock });
    token = await signIn(t.url, 'canbo3');
    supervisor = await signIn(t.url, 'giamsat');
    const opened = await api(t.url, 'POST', '/api/counters/quay-3/open', { token }, { commandId: newCommandId() });
    expect(opened.body.ok).toBe(true);
    feed = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    feed.socket.on('survey:rated', (f: Rated) => rated.push(f));
    feed.socket.on('survey:lapsed', (f: Lapsed) => lapsed.push(f));
    ({ browser, close: closeBrowser } = await launchBrowser());
    ctx3 = await browser.newContext({ viewport: LANDSCAPE, hasTouch: true, locale: 'vi-VN' });
    page3 = await ctx3.newPage();
    await page3.goto(surveyUrl(3, 'quay-3'));
    ctx4 = await browser.newContext({ viewport: LANDSCAPE, hasTouch: true, locale: 'vi-VN' });
    page4 = await ctx4.newPage();
    await page4.goto(surveyUrl(4, 'quay-4'));
    await idle(page3);
    await idle(page4);
  });
  afterAll(async () => {
    feed?.close();
    await closeBrowser?.();
    await t?.dispose();
  });

  it('shows counter 3’s finished ticket and officer on counter 3 only; one tap records one rating', async () => {
    await shoot(page3, 'idle');
    expect(await page3.locator('.frame-office').textContent()).toBe(t.site.office.name);
    expect(await page3.getByTestId('idle').textContent()).toContain('Xin cảm ơn Ông/Bà đã đến làm thủ tục');
    const served = await serveOne();
    await asks(page3, served.number);
    expect(await page3.getByTestId('officer-name').textContent()).toBe('Lê Thị Hương');
    expect(await page3.getByTestId('question').textContent()).toBe('Ông/Bà đánh giá thế nào về việc giải quyết thủ tục hôm nay?');
    for (const name of ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'])
      await page3.getByRole('button', { name, exact: true }).waitFor({ timeout: 1000 });
    await shoot(page3, 'question');
    // Counter 4's terminal saw the same fact and asks nothing.
    expect(await page4.locator('.survey').getAttribute('data-state')).toBe('idle');
    expect(await page4.getByTestId('ticket-number').count()).toBe(0);

    const button = page3.getByTestId('level-hai-long');
    const box = (await button.boundingBox())!;
    await button.tap();
    await page3.getByTestId('thanks').waitFor({ timeout: 5000 });
    expect(await page3.getByTestId('chosen').textContent()).toContain('Hài lòng');
    await shoot(page3, 'thanks');
    // A second tap where the button was: the thanks screen has nothing there to press.
    await page3.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await eventually(() => ratedFor(served.id).length > 0, 3000, 'the rating reaches the hall');
    await new Promise((r) => setTimeout(r, 500));
    expect(ratedFor(served.id)).toHaveLength(1);
    expect(ratedFor(served.id)[0]).toMatchObject({
      counterId: 'quay-3',
      officerId: 'canbo3',
      answers: { [OVERALL]: 'hai-long' },
      reasonId: null,
    });
    expect((await hallSurveys()).map((s) => s.ticketId)).not.toContain(served.id);
    expect(await page4.locator('.survey').getAttribute('data-state')).toBe('idle');
    await idle(page3);
  }, 40_000);

  it('records one rating for a burst of presses', async () => {
    const served = await serveOne();
    await asks(page3, served.number);
    await page3.getByTestId('level-rat-hai-long').evaluate((el) => {
      for (let i = 0; i < 8; i++) (el as HTMLElement).click();
    });
    await page3.getByTestId('thanks').waitFor({ timeout: 5000 });
    await eventually(() => ratedFor(served.id).length > 0, 3000, 'the rating reaches the hall');
    await new Promise((r) => setTimeout(r, 500));
    expect(ratedFor(served.id).map((f) => f.answers)).toEqual([{ [OVERALL]: 'rat-hai-long' }]);
    await idle(page3);
  }, 40_000);

  it('lets the chance lapse when nobody answers: idle again, nothing rated', async () => {
    const served = await serveOne();
    await asks(page3, served.number);
    clock.advance(61_000);
    await idle(page3, 5000);
    await eventually(() => lapsed.some((f) => f.ticketIds.includes(served.id)), 3000, 'the lapse reaches the hall');
    expect(ratedFor(served.id)).toHaveLength(0);
    expect((await hallSurveys()).map((s) => s.ticketId)).not.toContain(served.id);
  }, 40_000);

  it('asks one reason after Không hài lòng and shows both in the thanks', async () => {
    for (const viewport of [LANDSCAPE, PORTRAIT, { width: 1920, height: 1080 }]) {
      await page3.setViewportSize(viewport);
      if (viewport !== LANDSCAPE) await shoot(page3, 'idle');
      const served = await serveOne();
      await asks(page3, served.number);
      if (viewport !== LANDSCAPE) await shoot(page3, 'question');
      await page3.getByTestId('level-khong-hai-long').tap();
      await page3.getByTestId('reason-cho-lau').waitFor({ timeout: 3000 });
      expect(await page3.getByTestId('question').textContent()).toBe('Ông/Bà chưa hài lòng về điều gì?');
      for (const name of ['Thời gian chờ lâu', 'Thái độ', 'Hướng dẫn chưa rõ', 'Hồ sơ phức tạp', 'Bỏ qua'])
        await page3.getByRole('button', { name, exact: true }).waitFor({ timeout: 1000 });
      await shoot(page3, 'reason');
      await page3.getByTestId('reason-cho-lau').tap();
      await page3.getByTestId('thanks').waitFor({ timeout: 5000 });
      expect(await page3.getByTestId('chosen').textContent()).toContain('Không hài lòng');
      expect(await page3.getByTestId('chosen-reason').textContent()).toContain('Thời gian chờ lâu');
      await shoot(page3, 'thanks-reason');
      await eventually(() => ratedFor(served.id).length > 0, 3000, 'the rating reaches the hall');
      expect(ratedFor(served.id)).toMatchObject([{ answers: { [OVERALL]: 'khong-hai-long' }, reasonId: 'cho-lau' }]);
      await idle(page3);
    }
    await page3.setViewportSize(LANDSCAPE);
  }, 90_000);

  it('speaks English after the switch, and Vietnamese again for the next citizen', async () => {
    const served = await serveOne();
    await asks(page3, served.number);
    await page3.getByRole('button', { name: 'English', exact: true }).tap();
    await page3.getByText('How do you rate the handling of your procedure today?').waitFor({ timeout: 2000 });
    await page3.getByRole('button', { name: 'Satisfied', exact: true }).waitFor({ timeout: 1000 });
    await shoot(page3, 'question-english');
    await page3.getByRole('button', { name: 'Very satisfied', exact: true }).tap();
    await page3.getByText('Thank you!').waitFor({ timeout: 5000 });
    await eventually(() => ratedFor(served.id).length > 0, 3000, 'the rating reaches the hall');
    expect(ratedFor(served.id)[0]?.answers).toEqual({ [OVERALL]: 'rat-hai-long' });
    await idle(page3);
    expect(await page3.getByTestId('idle').textContent()).toContain('Xin cảm ơn Ông/Bà');
  }, 40_000);

  it('takes a keyboard-wedge pad’s key N as the Nth answer', async () => {
    const served = await serveOne();
    await asks(page3, served.number);
    await page3.keyboard.press('Numpad3');
    await page3.getByTestId('reason-cho-lau').waitFor({ timeout: 3000 }); // key 3: Không hài lòng asks why
    await page3.getByTestId('reason-skip').tap();
    await eventually(() => ratedFor(served.id).length > 0, 3000, 'the rating reaches the hall');
    expect(ratedFor(served.id)).toMatchObject([{ answers: { [OVERALL]: 'khong-hai-long' }, reasonId: null }]);
    await idle(page3);
  }, 40_000);

  it('shows the clerk a key bound to another counter, and asks that page nothing', async () => {
    const ctx = await browser.newContext({ viewport: LANDSCAPE, hasTouch: true });
    const forged = await ctx.newPage();
    await forged.goto(`${t.url}/survey/?counter=4&key=${encodeURIComponent(deviceKey(t.site, 'survey', 'quay-3'))}`);
    const problem = forged.getByTestId('setup-problem');
    await problem.waitFor({ timeout: 5000 });
    expect(await problem.textContent()).toContain('Khóa thiết bị này thuộc quầy 3, không phải quầy 4');
    await shoot(forged, 'wrong-counter');
    const served = await serveOne();
    await asks(page3, served.number);
    expect(await forged.locator('button').count()).toBe(0);
    await page3.getByTestId('level-hai-long').tap();
    await eventually(() => ratedFor(served.id).length > 0, 3000, 'the rating reaches the hall');
    await ctx.close();
    await idle(page3);
  }, 40_000);

  it('fits every screen it showed: nothing scrolls, targets and text large enough', () => {
    expect(problems).toEqual([]);
  });
});
