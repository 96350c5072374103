import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSite } from '../helpers/test-site.js';
import { connectClient, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

/** The page behind a ticket's QR, as a citizen's phone opens it: no sign-in, no personal data. */
describe('following a ticket from its QR', () => {
  let t: TestHub;
  beforeAll(async () => {
    const site = testSite();
    t = await startTestHub({ site: { ...site, office: { ...site.office, name: 'Xã <b>Tân Phú</b> & "Sở"' } } });
  });
  afterAll(async () => t?.dispose());

  const page = async (id: string) => {
    const res = await fetch(`${t.url}/t/${encodeURIComponent(id)}`);
    return { status: res.status, html: await res.text(), type: res.headers.get('content-type') };
  };

  it('shows the place in line, then the counter once called, and never the phone number', async () => {
    const counter = t.site.counters[0]!;
    const queueId = counter.queues[0]!.queueId;
    const first = await issueAtKiosk(t, queueId);
    const mine = await issueAtKiosk(t, queueId, { phone: '0912345678' });
    const waiting = await page(mine.ticket.id);
    expect(waiting.status).toBe(200);
    expect(waiting.type).toContain('text/html');
    expect(waiting.html).toContain(mine.ticket.number);
    expect(waiting.html).toContain('Trước Ông/Bà còn khoảng 1 người.');
    expect(waiting.html).not.toContain('0912345678');

    const officer = await connectClient(t.url, { token: await signIn(t.url, t.site.officers[0]!.username) });
    await officer.send('counter:open', { commandId: newCommandId(), counterId: counter.id });
    await officer.send('ticket:call-specific', { commandId: newCommandId(), counterId: counter.id, ticketId: mine.ticket.id });
    expect((await page(mine.ticket.id)).html).toContain(`Mời đến quầy số ${counter.number}`);
    expect((await page(first.ticket.id)).html).toContain('Ông/Bà là người tiếp theo.');
    officer.close();
  });

  it('escapes what it prints and answers an unknown ticket in Vietnamese', async () => {
    const unknown = await page('khong-ton-tai');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('Không tìm thấy số thứ tự');
    expect(unknown.html).toContain('Xã &lt;b&gt;Tân Phú&lt;/b&gt; &amp; &quot;Sở&quot;');
    expect(unknown.html).not.toContain('<b>Tân Phú</b>');
  });
});
