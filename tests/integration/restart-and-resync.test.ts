import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HallView } from '../../common/contract/hall-view.js';
import type { CallResultView, IssueResult } from '../../common/contract/view-schemas.js';
import { killHard, startChildHub } from '../helpers/child-hub.js';
import { deviceKey, testSite } from '../helpers/test-site.js';
import { api, connectClient, eventually, newCommandId, signIn, startTestHub } from '../helpers/test-hub.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('screens that miss events', () => {
  it('a display that was disconnected ends with the same view as one that was not', async () => {
    const t = await startTestHub();
    cleanups.push(() => t.dispose());
    const steady = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    const flaky = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    const officer = await connectClient(t.url, { token: await signIn(t.url, t.site.officers[0]!.username) });
    cleanups.push(() => [steady, flaky, officer].forEach((c) => c.close()));
    const counter = t.site.counters[0]!;
    const queue = counter.queues[0]!.queueId;
    await officer.send('counter:open', { commandId: newCommandId(), counterId: counter.id });

    flaky.socket.disconnect();
    for (let i = 0; i < 5; i++) await officer.send('ticket:issue', { commandId: newCommandId(), queueId: queue });
    await officer.send('ticket:call-next', { commandId: newCommandId(), counterId: counter.id });
    await officer.send('ticket:call-next', { commandId: newCommandId(), counterId: counter.id });
    flaky.socket.connect();

    const target = t.hub.hall.snapshot().seq;
    await eventually(() => flaky.mirror.view?.seq === target && steady.mirror.view?.seq === target, 3000, 'both at the last seq');
    expect(flaky.mirror.view).toEqual(steady.mirror.view);
  });

  it('a screen that sees a gap in seq asks for a snapshot and catches up', async () => {
    const t = await startTestHub();
    cleanups.push(() => t.dispose());
    const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    cleanups.push(() => display.close());
    const kiosk = deviceKey(t.site, 'kiosk');
    // Drop one fact on the floor, as a lossy link would.
    let dropped = false;
    const original = display.socket.listeners('ticket:issued');
    display.socket.off('ticket:issued');
    display.socket.on('ticket:issued', (fact: unknown) => {
      if (!dropped) {
        dropped = true;
        return;
      }
      for (const l of original) (l as (f: unknown) => void)(fact);
    });
    for (let i = 0; i < 3; i++)
      await api(
        t.url,
        'POST',
        '/api/tickets',
        { deviceKey: kiosk },
        { commandId: newCommandId(), queueId: t.site.queues[0]!.id },
      );
    const target = t.hub.hall.snapshot();
    await eventually(() => display.mirror.view?.seq === target.seq, 3000, 'caught up');
    expect(dropped).toBe(true);
    expect(display.mirror.view).toEqual(target);
  });
});

describe('the hub stopping and starting again', () => {
  it('keeps every ticket and each counter its current ticket across a restart; clients resync by themselves', async () => {
    let t = await startTestHub();
    const dir = t.dir;
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    const token = await signIn(t.url, t.site.officers[0]!.username);
    const officer = await connectClient(t.url, { token });
    cleanups.push(() => [display, officer].forEach((c) => c.close()));
    const counter = t.site.counters[0]!;
    await officer.send('counter:open', { commandId: newCommandId(), counterId: counter.id });
    const issued: string[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await officer.send<IssueResult>('ticket:issue', {
        commandId: newCommandId(),
        queueId: counter.queues[0]!.queueId,
      });
      if (a.ok) issued.push(a.data.ticket.number);
    }
    const call = await officer.send<CallResultView>('ticket:call-next', { commandId: newCommandId(), counterId: counter.id });
    const before = t.hub.hall.snapshot();

    t = await t.restart();
    cleanups.push(() => t.stop());
    const after = t.hub.hall.snapshot();
    expect(after).toEqual(before);
    expect(after.counters.find((c) => c.id === counter.id)?.currentTicketId).toBe(call.ok ? call.data.ticket?.id : 'x');

    // Both clients reconnect on their own (same port), get a snapshot, and the officer's session holds.
    await eventually(() => display.socket.connected && officer.socket.connected, 5000, 'reconnected');
    const next = await officer.send<IssueResult>('ticket:issue', {
      commandId: newCommandId(),
      queueId: counter.queues[0]!.queueId,
    });
    expect(next.ok && next.data.ticket.number).not.toBe(issued[issued.length - 1]);
    expect(next.ok && issued.includes(next.data.ticket.number)).toBe(false);
    await eventually(() => display.mirror.view?.seq === t.hub.hall.snapshot().seq, 3000, 'display current');
    expect(display.mirror.view).toEqual(t.hub.hall.snapshot());
  });

  it('loses no acknowledged ticket when the hub process is killed with SIGKILL mid-burst', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-kill-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const site = testSite();
    let hub = await startChildHub(dir);
    cleanups.push(() => void hub.child.kill('SIGKILL'));
    const kiosk = await connectClient(hub.url, { deviceKey: deviceKey(site, 'kiosk') });
    const officer = await connectClient(hub.url, { token: await signIn(hub.url, site.officers[0]!.username) });
    cleanups.push(() => [kiosk, officer].forEach((c) => c.close()));
    const queueId = site.queues[0]!.id;
    const counterId = site.counters.find((c) => c.queues.some((q) => q.queueId === queueId))!.id;
    await officer.send('counter:open', { commandId: newCommandId(), counterId });
    await kiosk.send('ticket:issue', { commandId: newCommandId(), queueId });
    const serving = await officer.send<CallResultView>('ticket:call-next', { commandId: newCommandId(), counterId });
    if (!serving.ok || !serving.data.ticket) throw new Error('setup: nothing called');

    const acked: { id: string; number: string }[] = [];
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      sends.push(
        kiosk.send<IssueResult>('ticket:issue', { commandId: newCommandId(), queueId }).then(
          (a) => void (a.ok && acked.push({ id: a.data.ticket.id, number: a.data.ticket.number })),
          () => undefined, // cut off by the kill: never acknowledged, so never promised
        ),
      );
    }
    await eventually(() => acked.length >= 20, 10_000, 'twenty tickets acknowledged');
    await killHard(hub);
    await Promise.allSettled(sends);
    expect(acked.length).toBeGreaterThanOrEqual(20);

    hub = await startChildHub(dir, hub.port);
    const snap = await api<HallView>(hub.url, 'GET', '/api/hall', {
      deviceKey: deviceKey(site, 'kiosk'),
    });
    if (!snap.body.ok) throw new Error(snap.body.error.code);
    const present = new Map(snap.body.data.tickets.map((x) => [x.id, x.number]));
    for (const a of acked) expect(present.get(a.id)).toBe(a.number);
    const numbers = snap.body.data.tickets.map((x) => x.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const counter = snap.body.data.counters.find((c) => c.id === counterId);
    expect(counter).toMatchObject({ status: 'open', currentTicketId: serving.data.ticket.id });

    // The kiosk reconnects by itself and the next number continues the series.
    const seqAfterRestart = snap.body.data.seq;
    await eventually(() => kiosk.socket.connected && kiosk.mirror.view?.seq === seqAfterRestart, 8000, 'kiosk back');
    const next = await kiosk.send<IssueResult>('ticket:issue', { commandId: newCommandId(), queueId });
    expect(next.ok && numbers.includes(next.data.ticket.number)).toBe(false);
    await eventually(() => officer.socket.connected, 8000, 'officer back');
    const finished = await officer.send('ticket:finish', { commandId: newCommandId(), counterId });
    expect(finished.ok).toBe(true);
  });
});
