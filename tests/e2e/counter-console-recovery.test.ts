import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HallFact } from '../../common/contract/hall-view.js';
import { launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { deviceKey } from '../helpers/test-site.js';
import {
  api,
  connectClient,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';
import { DESK_SMALL, openCounter, signInAt } from './counter-console-helpers.js';

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 5000, interval: 50 });

describe('officer console: lost answers, closed counters, ended sessions', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let feed: TestClient;
  const facts: HallFact[] = [];
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: DESK_SMALL });
    context.setDefaultTimeout(8000);
    contexts.push(context);
    return context.newPage();
  };
  const factsOf = (type: HallFact['type']) => facts.filter((f) => f.type === type);

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT });
    ({ browser, close: closeBrowser } = await launchBrowser());
    feed = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    feed.mirror.subscribe((_v, fact) => fact && facts.push(fact));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    feed?.close();
    await closeBrowser?.();
    await t?.dispose();
  });

  it('sends a Next whose answer was lost in a blip again with the same command id, and it is done once', async () => {
    const page = await newPage();
    // Between the page and the hub: note each call-next the page sends, and on demand swallow the
    // hub's answer to it and cut the link, as a network blip right after the hub acted would.
    const sent: { ackId: string; commandId: string }[] = [];
    let cutAfterCommand = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const hub = ws.connectToServer();
      ws.onMessage((m) => {
        const call = typeof m === 'string' ? /^42(\d+)\["ticket:call-next",(.*)\]$/.exec(m) : null;
        if (call)
          sent.push({ ackId: call[1] ?? '', commandId: (JSON.parse(call[2] ?? '{}') as { commandId: string }).commandId });
        hub.send(m);
      });
      hub.onMessage((m) => {
        const last = sent.at(-1);
        if (cutAfterCommand && last && typeof m === 'string' && m.startsWith(`43${last.ackId}[`)) {
          cutAfterCommand = false;
          void ws.close();
          void hub.close();
          return;
        }
        ws.send(m);
      });
    });
    await signInAt(page, t.url, 'canbo1');
    await openCounter(page, 1);
    const issued = await issueAtKiosk(t, 'ho-tich-chung-thuc');
    // A second citizen waits, so a Next done twice would show: it would finish the first and call them.
    const second = await issueAtKiosk(t, 'ho-tich-chung-thuc');
    await page.getByTestId(`waiting-${second.ticket.number}`).waitFor();
    const calls = factsOf('ticket:called').length;

    cutAfterCommand = true;
    await page.keyboard.press('F1');
    await poll(() => page.getByTestId('current-number').textContent()).toBe(issued.ticket.number);
    await poll(() => sent.length).toBe(2);
    await page.getByTestId('offline').waitFor({ state: 'detached' });
    expect(sent[1]?.commandId).toBe(sent[0]?.commandId);
    expect(factsOf('ticket:called').length).toBe(calls + 1);
    expect(factsOf('ticket:finished')).toEqual([]);
    expect(await page.getByTestId(`waiting-${second.ticket.number}`).count()).toBe(1);
    // The retry got the first answer: no refusal, nothing for the officer to press again.
    await poll(() => page.getByTestId('action-next').isDisabled()).toBe(false);
    expect(await page.getByTestId('console-message').count()).toBe(0);
  });

  it('lets a supervisor go to another officer’s counter and act on its ticket', async () => {
    const page = await newPage();
    await signInAt(page, t.url, 'giamsat');
    const card = page.getByTestId('counter-quay-1');
    await card.waitFor();
    expect(await card.textContent()).toContain('Cán bộ: Nguyễn Thị Lan');
    await page.getByRole('button', { name: 'Vào quầy 1', exact: true }).click();
    const number = (await page.getByTestId('current-number').textContent()) ?? '';
    const id = t.hub.hall.snapshot().counters.find((c) => c.id === 'quay-1')?.currentTicketId;
    await page.keyboard.press('F6');
    await poll(() => page.getByTestId('current-ticket').textContent()).toContain('Chưa gọi số nào');
    expect(factsOf('ticket:finished').map((f) => (f.type === 'ticket:finished' ? f.ticketId : ''))).toEqual([id]);
    expect(number).not.toBe('');
    // Going back to the list leaves canbo1's counter open: the supervisor only helped.
    await page.getByRole('button', { name: 'Chọn quầy khác' }).click();
    await card.waitFor();
    expect(t.hub.hall.snapshot().counters.find((c) => c.id === 'quay-1')?.officerId).toBe('canbo1');
  });

  it('a counter closed under the console says so, does nothing on a key, and opens again', async () => {
    const page = await newPage();
    await signInAt(page, t.url, 'canbo3');
    await openCounter(page, 3);
    const supervisor = await signIn(t.url, 'giamsat');
    const closed = await api(t.url, 'POST', '/api/counters/quay-3/close', { token: supervisor }, { commandId: newCommandId() });
    expect(closed.status).toBe(200);
    await page.getByTestId('counter-closed').waitFor();
    expect(await page.getByTestId('counter-status').textContent()).toBe('Đang đóng');
    const seq = feed.mirror.view?.seq;
    await page.keyboard.press('F1');
    await poll(() => page.getByTestId('console-message').textContent()).toBe('Quầy đang đóng. Hãy mở quầy trước.');
    expect(feed.mirror.view?.seq).toBe(seq);
    await page.getByRole('button', { name: 'Mở lại quầy 3' }).click();
    await poll(() => page.getByTestId('counter-status').textContent()).toBe('Đang mở');
  });

  it('refuses an action on a closed counter and a transfer to a queue that does not exist, and changes nothing', async () => {
    const token = await signIn(t.url, 'canbo4');
    const seq = t.hub.hall.snapshot().seq;
    const onClosed = await api(t.url, 'POST', '/api/counters/quay-4/call-next', { token }, { commandId: newCommandId() });
    expect(onClosed.status).toBe(409);
    expect(onClosed.body).toMatchObject({ ok: false, error: { code: 'COUNTER_CLOSED', messageKey: 'error.COUNTER_CLOSED' } });

    await api(t.url, 'POST', '/api/counters/quay-4/open', { token }, { commandId: newCommandId() });
    await issueAtKiosk(t, 'nguoi-co-cong-bao-tro');
    const called = await api(t.url, 'POST', '/api/counters/quay-4/call-next', { token }, { commandId: newCommandId() });
    expect(called.status).toBe(200);
    const before = t.hub.hall.snapshot();
    const nowhere = await api(
      t.url,
      'POST',
      '/api/counters/quay-4/transfer',
      { token },
      { commandId: newCommandId(), toQueueId: 'khong-co-linh-vuc-nay', note: 'thử' },
    );
    expect(nowhere.status).toBe(404);
    expect(nowhere.body).toMatchObject({ ok: false, error: { code: 'QUEUE_NOT_FOUND' } });
    expect(t.hub.hall.snapshot()).toEqual(before);
    expect(before.seq).toBeGreaterThan(seq);
  });

  it('goes back to the sign-in with a plain message when the session is revoked', async () => {
    const page = await newPage();
    await signInAt(page, t.url, 'canbo6');
    await openCounter(page, 6);
    await issueAtKiosk(t, 'nhan-ket-qua');
    const supervisor = await signIn(t.url, 'giamsat');
    const revoked = await api(t.url, 'POST', '/api/officers/canbo6/revoke-sessions', { token: supervisor });
    expect(revoked.status).toBe(200);
    const calls = factsOf('ticket:called').length;
    await page.keyboard.press('F1');
    await page.getByLabel('Mật khẩu').waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      'Phiên làm việc đã hết hạn hoặc đã đăng xuất. Vui lòng đăng nhập lại.',
    );
    expect(await page.evaluate(() => window.localStorage.getItem('motcua.officerSession'))).toBeNull();
    expect(factsOf('ticket:called').length).toBe(calls);
  });
});
