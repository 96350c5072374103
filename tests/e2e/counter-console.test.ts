import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HallFact } from '../../common/contract/hall-view.js';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { deviceKey } from '../helpers/test-site.js';
import { connectClient, eventually, issueAtKiosk, startTestHub, type TestClient, type TestHub } from '../helpers/test-hub.js';
import { consoleLayoutProblems, DESK_LARGE, DESK_SMALL, openCounter, signInAt } from './counter-console-helpers.js';

const LAND = 'dat-dai-xay-dung'; // counter 2's primary queue (B…), counter 5's secondary
const RESULTS = 'nhan-ket-qua';
const LAND_PROCEDURE = '1.115751';

/** Waits (bounded) until the page shows what the hub did. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 5000, interval: 50 });

describe('officer console: a morning at counter 2', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let feed: TestClient;
  let context: BrowserContext;
  let page: Page;
  const facts: HallFact[] = [];
  const problems: string[] = [];

  const shoot = async (p: Page, name: string) => {
    await p.screenshot({ path: artifactPath(`counter-console-${name}.png`) });
    problems.push(...(await consoleLayoutProblems(p)).map((x) => `${name}: ${x}`));
  };
  const current = () => page.getByTestId('current-number');
  const factsOf = (type: HallFact['type']) => facts.filter((f) => f.type === type);
  const ticketByNumber = (n: string) => [...t.hub.hall.currentState.tickets.values()].find((x) => x.number === n);
  const counter2 = () => feed.mirror.view?.counters.find((c) => c.id === 'quay-2');

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT, catalogueDir: sharedDataPath('procedures') });
    ({ browser, close: closeBrowser } = await launchBrowser());
    feed = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    feed.mirror.subscribe((_v, fact) => fact && facts.push(fact));
    context = await browser.newContext({ viewport: DESK_SMALL, locale: 'vi-VN' });
    context.setDefaultTimeout(8000); // under the test's own timeout, so a failure says which step
    page = await context.newPage();
  });
  afterAll(async () => {
    feed?.close();
    await closeBrowser?.();
    await t?.dispose();
  });

  it('refuses a wrong password in Vietnamese, signs in, and opens counter 2', async () => {
    await signInAt(page, t.url, 'canbo2', 'sai-mat-khau');
    await poll(() => page.getByTestId('signin-error').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await shoot(page, '1366-sign-in');
    await signInAt(page, t.url, 'canbo2');
    await page.getByRole('button', { name: 'Mở quầy 2', exact: true }).waitFor();
    await shoot(page, '1366-choose-counter');
    await openCounter(page, 2);
    expect(await page.getByTestId('counter-status').textContent()).toBe('Đang mở');
    expect(await page.getByTestId('action-next').isDisabled()).toBe(true);
    await eventually(() => counter2()?.officerId === 'canbo2', 3000, 'counter 2 open for canbo2');
  });

  it('calls a kiosk ticket with F1, shows its kiosk choices, and calls the next with the button', async () => {
    const first = await issueAtKiosk(t, LAND, { phone: '0912345678', procedureCode: LAND_PROCEDURE });
    const second = await issueAtKiosk(t, LAND, { priorityClass: 'nguoi-cao-tuoi' });
    await page.getByTestId(`waiting-${second.ticket.number}`).waitFor();
    await page.keyboard.press('F1');
    await poll(() => current().textContent()).toBe(first.ticket.number);
    await poll(() => page.getByTestId('current-phone').textContent()).toBe('0912345678');
    await poll(() => page.getByTestId('current-procedure').textContent()).toMatch(
      /^Xác định lại diện tích đất ở .* \(1\.115751\)$/,
    );
    await shoot(page, '1366-serving');
    const calledBefore = factsOf('ticket:called').length;
    await page.getByRole('button', { name: 'Gọi tiếp', exact: true }).click();
    await poll(() => current().textContent()).toBe(second.ticket.number);
    expect(await page.getByTestId('current-ticket').textContent()).toContain('Ưu tiên – Người cao tuổi');
    expect(factsOf('ticket:called').length).toBe(calledBefore + 1);
    expect(factsOf('ticket:finished').some((f) => f.type === 'ticket:finished' && f.ticketId === first.ticket.id)).toBe(true);
  });

  it("shows the citizen's rating of the finished service in the officer's figures for the day", async () => {
    const finished = factsOf('ticket:finished').find((f) => f.type === 'ticket:finished' && f.survey !== null);
    if (finished?.type !== 'ticket:finished' || !finished.survey) throw new Error('no chance to rate was opened');
    const survey = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'survey', 'quay-2') });
    try {
      const ack = await survey.send('survey:rate', {
        commandId: `rate-${finished.ticketId}`,
        ticketId: finished.ticketId,
        answers: { 'giai-quyet-tthc': 'hai-long' },
      });
      expect(ack.ok).toBe(true);
    } finally {
      survey.close();
    }
    const panel = page.getByTestId('ratings-today');
    await poll(() => panel.locator('[data-level="hai-long"] strong').textContent()).toBe('1');
    expect(await panel.locator('[data-level="khong-hai-long"] strong').textContent()).toBe('0');
    expect(await page.getByTestId('satisfaction-rate').textContent()).toContain('100%');
  });

  it('recalls with F2 and counts against the site’s limit, then stops with a message', async () => {
    const recalls = page.getByTestId('current-recalls');
    for (const n of [1, 2]) {
      // The fact reaches the page before the ack does; a key pressed while a command is in flight is
      // ignored on purpose (no double calls), so wait for the desk to be free as an officer would.
      await poll(() => page.getByTestId('action-recall').isEnabled()).toBe(true);
      await page.keyboard.press('F2');
      await poll(() => recalls.textContent()).toBe(`Gọi lại: ${n}/2 lần`);
    }
    // The demo office allows two recalls: the console knows it from the screen config, so Recall is
    // greyed before the hub has to refuse, and the key says why instead of sending anything.
    await poll(() => page.getByTestId('action-recall').isDisabled()).toBe(true);
    const before = factsOf('ticket:recalled').length;
    await page.keyboard.press('F2');
    await poll(() => page.getByTestId('console-message').textContent()).toContain('Đã gọi lại đủ số lần.');
    expect(factsOf('ticket:recalled').length).toBe(before);
  });

  it('marks a no-show with F4, takes the citizen back, and calls that number from the list', async () => {
    const number = (await current().textContent()) ?? '';
    await page.keyboard.press('F4');
    await page.getByTestId(`return-${number}`).waitFor();
    expect(ticketByNumber(number)?.state).toBe('no_show');
    await shoot(page, '1366-no-show');
    await page.getByRole('button', { name: `Công dân số ${number} quay lại` }).click();
    await page.getByTestId(`waiting-${number}`).waitFor();
    expect(ticketByNumber(number)?.state).toBe('waiting');
    await page.getByTestId(`waiting-${number}`).click();
    const dialog = page.getByRole('dialog', { name: 'Gọi một số cụ thể' });
    const field = dialog.getByLabel('Số thứ tự');
    expect(await field.inputValue()).toBe(number);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await poll(() => current().textContent()).toBe(number);
    expect(await dialog.count()).toBe(0);
  });

  it('calls a number typed in the F8 dialog', async () => {
    const third = await issueAtKiosk(t, LAND);
    await page.getByTestId(`waiting-${third.ticket.number}`).waitFor();
    await page.keyboard.press('F8');
    const dialog = page.getByRole('dialog', { name: 'Gọi một số cụ thể' });
    await dialog.getByLabel('Số thứ tự').fill('Z999');
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('alert').textContent()).toBe('Không có số Z999 trong danh sách hôm nay. Hãy kiểm tra lại số.');
    // The numeric keypad way: the number without its letter and zeros.
    await dialog.getByLabel('Số thứ tự').fill(String(Number(third.ticket.number.slice(1))));
    await page.keyboard.press('NumpadEnter');
    await poll(() => current().textContent()).toBe(third.ticket.number);
  });

  it('transfers the current ticket to another queue with a note (F7)', async () => {
    const number = (await current().textContent()) ?? '';
    const id = ticketByNumber(number)?.id ?? '';
    await page.keyboard.press('F7');
    const dialog = page.getByRole('dialog', { name: `Chuyển số ${number}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Chuyển', exact: true }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('Hãy chọn một lĩnh vực hoặc một quầy để chuyển.');
    await dialog.getByLabel('Nhận kết quả').check();
    await dialog.getByLabel('Ghi chú cho nơi nhận (không bắt buộc)').fill('Đã nộp đủ hồ sơ, chờ trả kết quả');
    await shoot(page, '1366-transfer');
    await dialog.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await poll(() => page.getByTestId('current-ticket').textContent()).toContain('Chưa gọi số nào');
    const moved = factsOf('ticket:transferred').at(-1);
    expect(moved).toMatchObject({
      ticketId: id,
      fromCounterId: 'quay-2',
      toQueueId: RESULTS,
      note: 'Đã nộp đủ hồ sơ, chờ trả kết quả',
    });
    expect(ticketByNumber(number)).toMatchObject({
      state: 'waiting',
      queueId: RESULTS,
      note: 'Đã nộp đủ hồ sơ, chờ trả kết quả',
    });
    expect(await page.getByTestId(`waiting-${number}`).count()).toBe(0); // counter 2 does not serve Nhận kết quả
  });

  it('pauses with a reason (F9), refuses to call while paused, and resumes', async () => {
    await issueAtKiosk(t, LAND);
    await page.keyboard.press('F9');
    const dialog = page.getByRole('dialog', { name: 'Tạm ngưng quầy' });
    await dialog.getByLabel('Họp').check();
    await shoot(page, '1366-pause');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('counter-status').textContent()).toBe('Tạm ngưng – Họp');
    await eventually(() => counter2()?.pauseReason === 'Họp', 3000, 'the hall sees the pause');
    const calls = factsOf('ticket:called').length;
    await page.keyboard.press('F1');
    await poll(() => page.getByTestId('console-message').textContent()).toBe('Quầy đang tạm ngưng. Bấm “Tiếp tục” (F9) trước.');
    expect(factsOf('ticket:called').length).toBe(calls);
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await poll(() => page.getByTestId('counter-status').textContent()).toBe('Đang mở');
    await page.getByRole('button', { name: 'Gọi tiếp', exact: true }).click();
    await poll(() => factsOf('ticket:called').length).toBe(calls + 1);
  });

  it('a second officer cannot act on counter 2’s ticket: the hub refuses and the console says where it is', async () => {
    const other = await browser.newContext({ viewport: DESK_SMALL });
    other.setDefaultTimeout(8000);
    const p2 = await other.newPage();
    await signInAt(p2, t.url, 'canbo5');
    const card = p2.getByTestId('counter-quay-2');
    await card.waitFor();
    expect(await card.textContent()).toContain('Cán bộ: Trần Văn Hùng');
    expect(await card.getByRole('button').isDisabled()).toBe(true);
    await openCounter(p2, 5); // counter 5 serves the land queue too, as its secondary
    const waiting = await issueAtKiosk(t, LAND);
    await p2.getByTestId(`waiting-${waiting.ticket.number}`).waitFor();
    const taken = (await current().textContent()) ?? '';
    await p2.keyboard.press('F8');
    await p2.getByLabel('Số thứ tự').fill(taken);
    await p2.keyboard.press('Enter');
    const message = p2.getByTestId('console-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('Số này không còn ở trạng thái chờ.');
    expect(await message.textContent()).toContain(`Số ${taken} hiện đang được phục vụ tại Quầy 2`);
    await shoot(p2, '1366-refused');
    expect(ticketByNumber(taken)?.counterId).toBe('quay-2');
    expect(await current().textContent()).toBe(taken);
    await other.close();
  });

  it('comes back with the same current ticket after a hub restart, without a reload', async () => {
    const number = (await current().textContent()) ?? '';
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await t.stop();
    await page.getByTestId('offline').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('offline').textContent()).toBe('Mất kết nối — đang kết nối lại…');
    expect(await page.getByTestId('action-next').isDisabled()).toBe(true);
    await shoot(page, '1366-offline');
    t = await t.restart();
    await page.getByTestId('offline').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await current().textContent()).toBe(number);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await poll(() => page.getByTestId('action-next').isDisabled()).toBe(false);
  });

  it('at 1920x1080 an officer who holds a counter goes straight to it', async () => {
    const big = await browser.newContext({ viewport: DESK_LARGE });
    big.setDefaultTimeout(8000);
    const p3 = await big.newPage();
    await signInAt(p3, t.url, 'canbo2');
    await p3.getByTestId('current-number').waitFor();
    expect(await p3.getByTestId('current-number').textContent()).toBe(await current().textContent());
    await issueAtKiosk(t, LAND, { priorityClass: 'nguoi-khuyet-tat' });
    await shoot(p3, '1920-serving');
    await p3.keyboard.press('F7');
    await p3.getByRole('dialog').waitFor();
    await shoot(p3, '1920-transfer');
    await p3.keyboard.press('Escape');
    await p3.getByRole('button', { name: 'English' }).click();
    await p3.getByRole('button', { name: 'Next', exact: true }).waitFor();
    await shoot(p3, '1920-english');
    await big.close();
  });

  it('closes the counter after finishing the citizen at it, then nothing more can be done there', async () => {
    const number = (await current().textContent()) ?? '';
    await page.getByRole('button', { name: 'Đóng quầy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đóng quầy' });
    expect(await dialog.textContent()).toContain(`Quầy còn số ${number} đang phục vụ.`);
    await dialog.getByRole('button', { name: 'Hoàn thành và đóng quầy' }).click();
    await page.getByRole('button', { name: 'Mở quầy 2', exact: true }).waitFor();
    expect(counter2()?.status).toBe('closed');
    expect(ticketByNumber(number)?.state).toBe('done');
    expect(problems).toEqual([]);
  });
});
