import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killHard, type ChildHub } from '../helpers/child-hub.js';
import { WarmChildHubs } from '../helpers/fault-child-hub.js';
import { logProblems, readHallRecord } from '../helpers/fault-db-audit.js';
import { HallLoad } from '../helpers/fault-hall-load.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { between, seededRandom } from '../helpers/seeded-random.js';
import { hubSnapshot, openScreen, untilScreensMatch, type FaultScreen } from '../helpers/fault-screens.js';
import { newCommandId, signIn } from '../helpers/test-hub.js';
import { deviceKey, testSite } from '../helpers/test-site.js';

/** FAULT_SEED replays a run; the seed is printed with the figures. */
const SEED = Number(process.env.FAULT_SEED ?? 20261124);
/** Twenty by default (issue 8); FAULT_KILLS runs fewer or more. */
const KILLS = Number(process.env.FAULT_KILLS ?? 20);

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The hub process killed with SIGKILL at seeded random moments of a busy hall, twenty times, and
 * started again on the same data and port each time. Kiosks issue over REST and six officers press
 * Next / Finish over socket.io the whole time, sending an intent again (same command id) until it is
 * answered. Afterwards the database file, read as the last kill left it, must hold every ticket a
 * kiosk was told it has, no number twice, no ticket finished twice, a gapless log; and after each
 * restart every screen must have come back by itself holding exactly the hub's snapshot.
 */
describe('the hub killed with SIGKILL at random moments of a busy day', () => {
  let dir: string;
  let hubs: WarmChildHubs;
  const screens: FaultScreen[] = [];
  let load: HallLoad | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-fault-kill-'));
    hubs = new WarmChildHubs(dir);
  });
  afterAll(async () => {
    await load?.stop();
    for (const s of screens) s.close();
    await hubs.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged ticket, repeats no number, serves none twice; every screen is back and right after each restart', { timeout: 240_000 }, async () => {
    // The kill moments from their own source, so the same seed kills at the same moments whatever
    // order the load's loops happen to draw their numbers in.
    const schedule = seededRandom(SEED);
    const site = testSite();
    let hub: ChildHub = await hubs.start();
    const { url, port } = hub;
    const kioskKey = deviceKey(site, 'kiosk');
    const officers = site.officers.filter((o) => o.role === 'officer').slice(0, 6);
    const desks = officers.map((o, i) => ({ officerId: o.id, counterId: site.counters[i]!.id }));
    screens.push(
      openScreen(url, 'hall display', { deviceKey: deviceKey(site, 'display') }),
      openScreen(url, 'kiosk', { deviceKey: kioskKey }),
      openScreen(url, 'counter screen 1', { deviceKey: deviceKey(site, 'counter-screen', desks[0]!.counterId) }),
    );
    const consoles: FaultScreen[] = [];
    for (const o of officers) consoles.push(openScreen(url, `console ${o.id}`, { token: await signIn(url, o.username) }));
    screens.push(...consoles);
    const snapshot = () => hubSnapshot(url, kioskKey);
    await untilScreensMatch(screens, snapshot, 10_000);
    for (const [i, d] of desks.entries()) {
      const ack = (await consoles[i]!.socket.timeout(5000).emitWithAck('counter:open', { commandId: newCommandId(), counterId: d.counterId })) as {
        ok: boolean;
      };
      expect(ack.ok).toBe(true);
    }

    load = new HallLoad({
      url,
      kioskKey,
      kiosks: 4,
      queueIds: site.queues.map((q) => q.id),
      officers: desks.map((d, i) => ({ ...d, screen: consoles[i]! })),
      random: seededRandom(SEED + 1),
      thinkMs: [5, 40],
    });
    load.start();
    const cycles: { loadMs: number; startMs: number; backMs: number }[] = [];
    const killedAt: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const loadMs = between(schedule, 150, 700);
      await sleep(loadMs);
      killedAt.push(Date.now());
      const killed = killHard(hub); // the signal goes at once; the loops stop before their next send
      load.pause();
      await killed;
      const t0 = performance.now();
      hub = await hubs.start(port);
      const startMs = performance.now() - t0;
      const backMs = await untilScreensMatch(screens, snapshot, 15_000);
      cycles.push({ loadMs, startMs, backMs });
      load.resume();
    }
    await sleep(300);
    await load.stop();
    await untilScreensMatch(screens, snapshot, 10_000);
    await killHard(hub);

    // The file as the last kill left it, opened read-only.
    const record = readHallRecord(join(dir, 'hall.db'));
    expect(logProblems(record)).toEqual([]);

    // Every kiosk intent was answered, and every ticket a kiosk was told it has is stored as told.
    expect(load.abandoned).toBe(0);
    const kiosk = load.kioskAnswers;
    expect(kiosk.filter((a) => !a.ok).map((a) => a.code)).toEqual([]);
    const missing = kiosk.filter((a) => {
      const t = record.tickets.get(a.ticketId ?? '');
      return !t || t.number !== a.number || t.issuedQueueId !== a.queueId;
    });
    expect(missing).toEqual([]);
    // One intent, one ticket: a retry after a kill got the first answer, never a second ticket.
    const ticketIds = kiosk.map((a) => a.ticketId);
    expect(new Set(ticketIds).size).toBe(ticketIds.length);
    const storedAnswer = (commandId: string) => (record.commands.get(commandId) as { ticket?: { id: string } } | undefined)?.ticket?.id;
    expect(kiosk.filter((a) => storedAnswer(a.commandId) !== a.ticketId)).toEqual([]);
    const issuedEvents = record.events.filter((e) => e.type === 'ticket:issued').length;
    expect(issuedEvents).toBe(kiosk.length);

    // Officers: only the refusals a busy hall gives; no ticket called twice or finished twice.
    const officerCodes = new Set(load.officerAnswers.filter((a) => !a.ok).map((a) => a.code));
    // A run that crosses Vietnam's midnight sees the counters closed by the rollover.
    const rolled = record.events.some((e) => e.type === 'day:rolled');
    const expected = ['NO_WAITING_TICKET', 'NO_CURRENT_TICKET', ...(rolled ? ['COUNTER_CLOSED'] : [])];
    for (const c of officerCodes) expect(expected).toContain(c);
    const calls = new Map<string, number>();
    for (const e of record.events) if (e.type === 'ticket:called' && e.ticketId) calls.set(e.ticketId, (calls.get(e.ticketId) ?? 0) + 1);
    expect([...calls].filter(([, n]) => n > 1)).toEqual([]);
    const finished = load.officerAnswers.flatMap((a) => (a.finishedTicketId ? [a.finishedTicketId] : []));
    expect(new Set(finished).size).toBe(finished.length);
    expect(finished.filter((id) => record.tickets.get(id)?.state !== 'done')).toEqual([]);
    const calledBy = new Map(record.events.filter((e) => e.type === 'ticket:called').map((e) => [e.ticketId, e.counterId]));
    expect(load.officerAnswers.filter((a) => a.calledTicketId && calledBy.get(a.calledTicketId) !== a.counterId)).toEqual([]);

    // Nothing a screen was told was lost: each fact it heard is in the log under the same seq.
    const bySeq = new Map(record.events.map((e) => [e.seq, `${e.type}|${e.ticketId ?? ''}|${e.counterId ?? ''}`]));
    for (const s of screens) {
      expect(s.conflicts, s.name).toEqual([]);
      expect(s.refusals, s.name).toEqual([]);
      expect([...s.facts].filter(([seq, sig]) => bySeq.get(seq) !== sig), s.name).toEqual([]);
    }

    const retried = kiosk.filter((a) => a.attempts > 1);
    // Stored before the kill that cut its answer off: the retry was answered from the commands table.
    const cutButStored = retried.filter((a) => killedAt.some((k) => a.firstSentAt <= k && (a.issuedAt ?? Infinity) <= k)).length;
    const backs = cycles.map((c) => c.backMs);
    const starts = cycles.map((c) => c.startMs);
    console.log(
      [
        `[fault-sigkill] seed ${SEED}: ${KILLS} SIGKILLs; ${kiosk.length} tickets issued over REST, ${load.officerAnswers.length} officer commands ` +
          `(${finished.length} finishes), ${record.events.length} events`,
        `[fault-sigkill] intents cut by a kill and sent again: ${retried.length} kiosk (${cutButStored} answered from the stored first result), ` +
          `${load.officerAnswers.filter((a) => a.attempts > 1).length} officer`,
        `[fault-sigkill] hub start (GO to listening, code preloaded): median ${median(starts).toFixed(0)} ms, max ${Math.max(...starts).toFixed(0)} ms`,
        `[fault-sigkill] listening to all ${screens.length} screens back and equal to GET /api/hall: median ${median(backs).toFixed(0)} ms, ` +
          `max ${Math.max(...backs).toFixed(0)} ms`,
        `[fault-sigkill] kill to all screens right: max ${Math.max(...cycles.map((c) => c.startMs + c.backMs)).toFixed(0)} ms; ` +
          `kiosk sends turned away as too fast and sent again: ${load.rateLimited}`,
        `[fault-sigkill] per restart, start+back (ms): ${cycles.map((c) => `${c.startMs.toFixed(0)}+${c.backMs.toFixed(0)}`).join(' ')}`,
      ].join('\n'),
    );
    expect(cycles).toHaveLength(KILLS);
  });
});

describe('a screen asking for a snapshot when the hub dies', () => {
  let dir: string;
  let hubs: WarmChildHubs;
  let display: FaultScreen | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-fault-resync-'));
    hubs = new WarmChildHubs(dir);
  });
  afterAll(async () => {
    display?.close();
    await hubs.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  // The request is on the wire and the hub frozen (SIGSTOP), so its answer can never come; then the
  // hub is killed and restarted. socket.io drops an ack without a timeout on disconnect without calling
  // it, so a mirror that waits for that answer must not stay "resyncing" for ever.
  // KNOWN BUG, marked `fails` until ui/realtime/hall-mirror.ts clears `resyncing` when it adopts a
  // snapshot: today the mirror takes the reconnect snapshot, then holds every later fact unapplied, so
  // the screen freezes at the restart until the next reconnect. Turn this into `it` with that fix.
  it('is right again after the restart and keeps following the facts', { timeout: 60_000 }, async () => {
    const site = testSite();
    let hub = await hubs.start();
    const kioskKey = deviceKey(site, 'kiosk');
    display = openScreen(hub.url, 'hall display', { deviceKey: deviceKey(site, 'display') });
    const snapshot = () => hubSnapshot(hub.url, kioskKey);
    await untilScreensMatch([display], snapshot, 10_000);
    hub.child.kill('SIGSTOP');
    display.mirror.resync();
    await sleep(100);
    await killHard(hub);
    hub = await hubs.start(hub.port);
    await untilScreensMatch([display], snapshot, 10_000);
    const issued = await fetch(`${hub.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device-key': kioskKey },
      body: JSON.stringify({ commandId: newCommandId(), queueId: site.queues[0]!.id }),
    });
    expect(issued.status).toBe(200);
    await untilScreensMatch([display], snapshot, 3_000);
    await killHard(hub);
  });
});
