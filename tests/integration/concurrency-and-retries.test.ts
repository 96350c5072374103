import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResultView, IssueResult } from '../../common/contract/view-schemas.js';
import { deviceKey } from '../helpers/test-site.js';
import { api, connectClient, newCommandId, signIn, startTestHub, type TestClient, type TestHub } from '../helpers/test-hub.js';

describe('two counters at once, and retried commands', () => {
  let t: TestHub;
  let kiosk: TestClient;
  const officers: TestClient[] = [];

  beforeAll(async () => {
    t = await startTestHub();
    kiosk = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'kiosk') });
    for (const o of t.site.officers.filter((x) => x.role === 'officer').slice(0, 6)) {
      officers.push(await connectClient(t.url, { token: await signIn(t.url, o.username) }));
    }
  });
  afterAll(async () => {
    kiosk?.close();
    for (const o of officers) o.close();
    await t?.dispose();
  });

  it('never gives one ticket to two counters pressing Next in the same instant', async () => {
    const queue = t.site.queues[0]!;
    const counters = t.site.counters.filter((c) => c.queues.some((q) => q.queueId === queue.id)).slice(0, officers.length);
    expect(counters.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < counters.length; i++) {
      const ack = await officers[i]!.send('counter:open', { commandId: newCommandId(), counterId: counters[i]!.id });
      expect(ack.ok).toBe(true);
    }
    // Fewer tickets than counters, so some presses must find nobody waiting.
    const tickets = counters.length - 1;
    for (let i = 0; i < tickets; i++) {
      expect((await kiosk.send('ticket:issue', { commandId: newCommandId(), queueId: queue.id })).ok).toBe(true);
    }
    const acks = await Promise.all(
      counters.map((c, i) =>
        officers[i]!.send<CallResultView>('ticket:call-next', { commandId: newCommandId(), counterId: c.id }),
      ),
    );
    const called = acks.filter((a) => a.ok && a.data.ticket).map((a) => (a.ok ? a.data.ticket!.id : ''));
    const refused = acks.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code));
    expect(called.length).toBe(tickets);
    expect(new Set(called).size).toBe(tickets);
    expect(refused).toEqual(['NO_WAITING_TICKET']);
  });

  it('answers a retried issue with the first ticket and issues only one', async () => {
    const queue = t.site.queues[2]!;
    const key = deviceKey(t.site, 'kiosk');
    const commandId = newCommandId();
    const before = t.hub.hall.snapshot().queues.find((q) => q.id === queue.id)!.issued;
    // A double tap over two paths at once: the socket and REST.
    const [a, b, c] = await Promise.all([
      kiosk.send<IssueResult>('ticket:issue', { commandId, queueId: queue.id }),
      kiosk.send<IssueResult>('ticket:issue', { commandId, queueId: queue.id }),
      api<IssueResult>(t.url, 'POST', '/api/tickets', { deviceKey: key }, { commandId, queueId: queue.id }),
    ]);
    if (!a.ok || !b.ok || !c.body.ok) throw new Error('a retry was refused');
    expect(b.data.ticket.id).toBe(a.data.ticket.id);
    expect(c.body.data.ticket.id).toBe(a.data.ticket.id);
    expect(t.hub.hall.snapshot().queues.find((q) => q.id === queue.id)!.issued).toBe(before + 1);
  });

  it('refuses a command id reused for a different command, changing nothing', async () => {
    const queue = t.site.queues[3]!;
    const commandId = newCommandId();
    expect((await kiosk.send('ticket:issue', { commandId, queueId: queue.id })).ok).toBe(true);
    const seq = t.hub.hall.snapshot().seq;
    const other = await kiosk.send('ticket:issue', { commandId, queueId: t.site.queues[4]!.id });
    // Same name, same actor, other input: the first answer stands (the id names the intent).
    expect(other.ok).toBe(true);
    const officer = officers[0]!;
    const clash = await officer.send('ticket:call-next', { commandId, counterId: t.site.counters[0]!.id });
    expect(clash.ok ? 'ok' : clash.error.code).toBe('COMMAND_ID_CONFLICT');
    expect(t.hub.hall.snapshot().seq).toBe(seq);
  });
});
