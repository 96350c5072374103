import { afterEach, describe, expect, it } from 'vitest';
import { deviceKey, testSite } from '../helpers/test-site.js';
import { ManualClock } from '../helpers/manual-clock.js';
import {
  connectClient,
  eventually,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestHub,
} from '../helpers/test-hub.js';

/** 23:50 on 23 Nov 2026 in Asia/Ho_Chi_Minh is 16:50 UTC. */
const LATE_EVENING = Date.UTC(2026, 10, 23, 16, 50);

let t: TestHub | undefined;
afterEach(async () => t?.dispose());

const issue = issueAtKiosk;

describe('day rollover in Asia/Ho_Chi_Minh', () => {
  it('at midnight restarts numbering, expires the unfinished tickets and closes the counters', async () => {
    const clock = new ManualClock(LATE_EVENING);
    t = await startTestHub({ site: { ...testSite(), rolloverHour: 0 }, clock });
    const queue = t.site.queues[0]!;
    const counter = t.site.counters.find((c) => c.queues.some((q) => q.queueId === queue.id))!;
    const officer = await connectClient(t.url, { token: await signIn(t.url, t.site.officers[0]!.username) });
    const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    await officer.send('counter:open', { commandId: newCommandId(), counterId: counter.id });
    const first = await issue(t, queue.id);
    const second = await issue(t, queue.id);
    await officer.send('ticket:call-next', { commandId: newCommandId(), counterId: counter.id });
    expect(t.hub.hall.snapshot().day).toBe('2026-11-23');

    clock.advance(9 * 60_000); // 23:59: still the same day
    expect((await issue(t, queue.id)).ticket.number).not.toBe(first.ticket.number);
    expect(t.hub.hall.snapshot().day).toBe('2026-11-23');

    clock.advance(6 * 60_000); // 00:05 on the 24th
    const fresh = await issue(t, queue.id);
    expect(fresh.ticket.number).toBe(first.ticket.number);
    const snap = t.hub.hall.snapshot();
    expect(snap.day).toBe('2026-11-24');
    expect(snap.tickets.map((x) => x.id)).toEqual([fresh.ticket.id]);
    expect(snap.counters.every((c) => c.status === 'closed')).toBe(true);
    expect(t.hub.hall.ticket(first.ticket.id)?.state).toBe('expired');
    expect(t.hub.hall.ticket(second.ticket.id)?.state).toBe('expired');
    await eventually(
      () => display.mirror.view?.day === '2026-11-24' && display.mirror.view.tickets.length === 1,
      2000,
      'display rolled',
    );
    expect(display.mirror.view).toEqual(t.hub.hall.snapshot());
    // The closed day's queue figures are owed to the province system, once.
    const figures = t.hub.db.prepare("SELECT idempotency_key, payload FROM outbox WHERE kind = 'figures'").all() as {
      idempotency_key: string;
      payload: string;
    }[];
    expect(figures.map((f) => f.idempotency_key)).toEqual(['figures:2026-11-23']);
    expect(JSON.parse(figures[0]?.payload ?? '{}')).toMatchObject({
      Ngay: '20261123',
      HangDoi: expect.arrayContaining([expect.objectContaining({ MaHangDoi: queue.id, SoPhieuCap: 3 })]),
    });
    officer.close();
    display.close();
  });

  it('with rollover at 02:00 keeps 01:30 in the previous day, and never goes back when the clock does', async () => {
    const clock = new ManualClock(LATE_EVENING);
    t = await startTestHub({ site: { ...testSite(), rolloverHour: 2 }, clock });
    const queue = t.site.queues[1]!;
    const a = await issue(t, queue.id);
    clock.advance(100 * 60_000); // 01:30 on the 24th
    const b = await issue(t, queue.id);
    expect(b.ticket.number).not.toBe(a.ticket.number);
    expect(t.hub.hall.snapshot().day).toBe('2026-11-23');
    clock.advance(60 * 60_000); // 02:30
    const c = await issue(t, queue.id);
    expect(c.ticket.number).toBe(a.ticket.number);
    expect(t.hub.hall.snapshot().day).toBe('2026-11-24');
    clock.advance(-2 * 60 * 60_000); // an NTP correction back to 00:30
    const d = await issue(t, queue.id);
    expect(t.hub.hall.snapshot().day).toBe('2026-11-24');
    expect(d.ticket.number).not.toBe(c.ticket.number);
  });

  it('rolls over on start when the hub was off across midnight', async () => {
    const clock = new ManualClock(LATE_EVENING);
    t = await startTestHub({ site: { ...testSite(), rolloverHour: 0 }, clock });
    const first = await issue(t, t.site.queues[0]!.id);
    await t.stop();
    clock.advance(10 * 3_600_000); // 09:50 next morning
    t = await t.restart();
    expect(t.hub.hall.snapshot().day).toBe('2026-11-24');
    expect(t.hub.hall.ticket(first.ticket.id)?.state).toBe('expired');
  });
});
