import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResultView, IssueResult, TicketResult } from '../../common/contract/view-schemas.js';
import { waitingIn } from '../../common/contract/hall-view.js';
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

/** The hall's main path over real HTTP and socket.io: issue at the kiosk, call and finish at two counters. */
describe('issue -> call -> finish across two counters', () => {
  let t: TestHub;
  let display: TestClient;
  let officer1: TestClient;
  let officer2: TestClient;

  beforeAll(async () => {
    t = await startTestHub();
    display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    officer1 = await connectClient(t.url, { token: await signIn(t.url, t.site.officers[0]!.username) });
    officer2 = await connectClient(t.url, { token: await signIn(t.url, t.site.officers[1]!.username) });
  });
  afterAll(async () => {
    for (const c of [display, officer1, officer2]) c?.close();
    await t?.dispose();
  });

  it('serves two citizens of one queue at two counters, and every screen sees it', async () => {
    const queue = t.site.queues[0]!;
    const [c1, c2] = t.site.counters.filter((c) => c.queues.some((q) => q.queueId === queue.id));
    expect(c1 && c2, 'the demo office has two counters serving its first queue').toBeTruthy();
    const kiosk = deviceKey(t.site, 'kiosk');

    const issued: IssueResult[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await api<IssueResult>(
        t.url,
        'POST',
        '/api/tickets',
        { deviceKey: kiosk },
        { commandId: newCommandId(), queueId: queue.id },
      );
      expect(res.status).toBe(200);
      if (!res.body.ok) throw new Error(res.body.error.code);
      issued.push(res.body.data);
    }
    expect(issued.map((r) => r.ticket.number)).toEqual([
      queue.series.prefix + String(queue.series.start).padStart(queue.series.width, '0'),
      queue.series.prefix + String(queue.series.start + 1).padStart(queue.series.width, '0'),
    ]);
    expect(issued[1]!.estimate.peopleAhead).toBe(1);
    await eventually(() => waitingIn(display.mirror.view!, queue.id) === 2, 2000, 'display sees two waiting');

    expect((await officer1.send('counter:open', { commandId: newCommandId(), counterId: c1!.id })).ok).toBe(true);
    expect((await officer2.send('counter:open', { commandId: newCommandId(), counterId: c2!.id })).ok).toBe(true);

    const call1 = await officer1.send<CallResultView>('ticket:call-next', { commandId: newCommandId(), counterId: c1!.id });
    const call2 = await officer2.send<CallResultView>('ticket:call-next', { commandId: newCommandId(), counterId: c2!.id });
    if (!call1.ok || !call2.ok) throw new Error('call failed');
    // Oldest first: the first counter to press Next gets the first number.
    expect(call1.data.ticket?.id).toBe(issued[0]!.ticket.id);
    expect(call2.data.ticket?.id).toBe(issued[1]!.ticket.id);

    await eventually(() => display.mirror.view!.recentCalls.length === 2, 2000, 'display shows both calls');
    const view = display.mirror.view!;
    expect(view.recentCalls[0]).toMatchObject({ ticketId: issued[1]!.ticket.id, counterId: c2!.id, calls: 1 });
    expect(view.counters.find((c) => c.id === c1!.id)?.currentTicketId).toBe(issued[0]!.ticket.id);

    const done = await officer1.send<TicketResult>('ticket:finish', { commandId: newCommandId(), counterId: c1!.id });
    expect(done.ok && done.data.ticket.state).toBe('done');
    await eventually(() => display.mirror.view!.queues.find((q) => q.id === queue.id)?.served === 1, 2000, 'served count');
    expect(display.mirror.view!.tickets.some((x) => x.id === issued[0]!.ticket.id)).toBe(false);

    // The mirror that followed every fact equals a fresh snapshot from the hub.
    const fresh = await api(t.url, 'GET', '/api/hall', { deviceKey: kiosk });
    expect(fresh.body.ok && fresh.body.data).toEqual(display.mirror.view);
  });

  it('gives an officer the kiosk choices of the ticket being served, and keeps them from screens', async () => {
    const queue = t.site.queues[1]!;
    const counter = t.site.counters.find((c) => c.queues.some((q) => q.queueId === queue.id && q.role === 'primary'))!;
    const officer = t.site.officers[2]!;
    const token = await signIn(t.url, officer.username);
    const issued = await issueAtKiosk(t, queue.id, { procedureCode: '1.001193', phone: '0912345678' });
    expect(JSON.stringify(issued)).not.toContain('0912345678');
    expect(JSON.stringify(display.mirror.view)).not.toContain('0912345678');

    const detail = await api<{ phone: string; procedureCode: string }>(t.url, 'GET', `/api/tickets/${issued.ticket.id}`, {
      token,
    });
    expect(detail.body.ok && detail.body.data).toMatchObject({ phone: '0912345678', procedureCode: '1.001193' });
    const fromKiosk = await api(t.url, 'GET', `/api/tickets/${issued.ticket.id}`, {
      deviceKey: deviceKey(t.site, 'kiosk'),
    });
    expect(fromKiosk.status).toBe(403);
    expect(counter).toBeTruthy();
  });
});

describe('the database file', () => {
  it('is readable by the hub user only, with its WAL', async () => {
    const { statSync, existsSync } = await import('node:fs');
    const t = await startTestHub();
    try {
      await api(
        t.url,
        'POST',
        '/api/tickets',
        { deviceKey: deviceKey(t.site, 'kiosk') },
        { commandId: newCommandId(), queueId: t.site.queues[0]!.id },
      );
      for (const f of ['hall.db', 'hall.db-wal']) {
        const path = `${t.dir}/${f}`;
        expect(existsSync(path)).toBe(true);
        expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
      }
    } finally {
      await t.dispose();
    }
  });
});

describe('the health page for the IT clerk', () => {
  it('shows when each screen last connected, and never before it has', async () => {
    const t = await startTestHub();
    try {
      type Health = { devices: { id: string; kind: string; lastSeenAt: number | null }[] };
      const before = await api<Health>(t.url, 'GET', '/api/health', {});
      const kioskId = t.site.devices.find((d) => d.kind === 'kiosk')!.id;
      expect(before.body.ok && before.body.data.devices.find((d) => d.id === kioskId)?.lastSeenAt).toBeNull();
      const from = Date.now();
      const kiosk = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'kiosk') });
      const after = await api<Health>(t.url, 'GET', '/api/health', {});
      const seen = after.body.ok ? after.body.data.devices.find((d) => d.id === kioskId)?.lastSeenAt : null;
      expect(seen).toBeGreaterThanOrEqual(from);
      expect(after.body.ok && after.body.data.devices.find((d) => d.kind === 'display')?.lastSeenAt).toBeNull();
      kiosk.close();
    } finally {
      await t.dispose();
    }
  });
});
