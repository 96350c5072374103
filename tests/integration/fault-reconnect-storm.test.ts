import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import { killHard, type ChildHub } from '../helpers/child-hub.js';
import { WarmChildHubs } from '../helpers/fault-child-hub.js';
import { memoryOf, timed } from '../helpers/fault-process-stats.js';
import { hubSnapshot, openScreen, untilScreensMatch, type FaultScreen } from '../helpers/fault-screens.js';
import { eventually, newCommandId, signIn } from '../helpers/test-hub.js';
import { deviceKey, testSite } from '../helpers/test-site.js';

const CLIENTS = 300;

/**
 * 300 screens at once against a hub in its own process: first all connecting in the same instant,
 * then all reconnecting by themselves after the hub is killed and started again. Each must get its
 * snapshot and none be refused, and the hub must go on answering commands while it happens. How long
 * it takes and what it costs in memory are printed, not asserted (speed belongs to benchmarks).
 */
describe('a reconnect storm of 300 screens', () => {
  let dir: string;
  let hubs: WarmChildHubs;
  const screens: FaultScreen[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-fault-storm-'));
    hubs = new WarmChildHubs(dir);
  });
  afterAll(async () => {
    for (const s of screens) s.close();
    await hubs.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every one its snapshot, refuses none, and keeps answering commands, at first connect and after a restart', { timeout: 120_000 }, async () => {
    const site = testSite();
    let hub: ChildHub = await hubs.start();
    const { url, port } = hub;
    const kioskKey = deviceKey(site, 'kiosk');
    const officers = site.officers.filter((o) => o.role === 'officer');
    const tokens = await Promise.all(officers.map((o) => signIn(url, o.username)));
    // The mix of a provincial centre's screens: hall TVs, kiosks, counter screens, survey tablets, consoles.
    const kinds: { name: string; auth: { deviceKey?: string; token?: string } }[] = [
      { name: 'display', auth: { deviceKey: deviceKey(site, 'display') } },
      { name: 'kiosk', auth: { deviceKey: kioskKey } },
      ...site.counters.map((c) => ({ name: `counter-screen ${c.id}`, auth: { deviceKey: deviceKey(site, 'counter-screen', c.id) } })),
      ...site.counters.map((c) => ({ name: `survey ${c.id}`, auth: { deviceKey: deviceKey(site, 'survey', c.id) } })),
      ...tokens.map((token, i) => ({ name: `console ${officers[i]!.id}`, auth: { token } })),
    ];
    const snapshot = () => hubSnapshot(url, kioskKey);
    // The officer at counter 1 pauses and resumes it, again and again, while the screens pile in:
    // commands the hub must keep answering (and facts it must send to every screen).
    const desk = site.counters[0]!.id;
    const deskCommand = async (n: number) => {
      const action = n % 2 === 0 ? 'pause' : 'resume';
      const res = await fetch(`${url}/api/counters/${desk}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
        body: JSON.stringify({ commandId: newCommandId(), ...(action === 'pause' ? { reason: 'Nghỉ giải lao' } : {}) }),
      });
      return (await res.json()) as Ack<unknown>;
    };
    let commands = 0;
    const probe = () => {
      const answers: { ms: number; ok: boolean }[] = [];
      let stopped = false;
      const running = (async () => {
        while (!stopped) {
          const r = await timed(() => deskCommand(commands++)).catch(() => ({ ms: NaN, value: { ok: false } as Ack<unknown> }));
          answers.push({ ms: r.ms, ok: r.value.ok });
          await new Promise((res) => setTimeout(res, 50));
        }
      })();
      return {
        async stop() {
          stopped = true;
          await running;
          return { count: answers.length, failed: answers.filter((a) => !a.ok).length, maxMs: Math.max(...answers.map((a) => a.ms)) };
        },
      };
    };
    const opened = await fetch(`${url}/api/counters/${desk}/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
      body: JSON.stringify({ commandId: newCommandId() }),
    });
    expect(opened.status).toBe(200);
    // A pause and a resume before the storm (the probe then starts from an open counter): the calm figure.
    const calm = await timed(() => deskCommand(commands++));
    expect(calm.value.ok && (await deskCommand(commands++)).ok).toBe(true);
    const idle = memoryOf(hub.child.pid!);

    // Storm 1: all at once.
    const t0 = performance.now();
    for (let i = 0; i < CLIENTS; i++) {
      const kind = kinds[i % kinds.length]!;
      screens.push(openScreen(url, `${kind.name} #${i}`, kind.auth));
    }
    const during = probe();
    await eventually(() => screens.every((x) => x.snapshots >= 1), 60_000, 'a snapshot on every screen');
    const firstSnapshots = performance.now() - t0;
    await untilScreensMatch(screens, snapshot, 60_000);
    const firstMs = performance.now() - t0;
    const firstProbe = await during.stop();
    const afterFirst = memoryOf(hub.child.pid!);
    expect(firstProbe).toMatchObject({ failed: 0 });
    expect(firstProbe.count).toBeGreaterThan(0);
    expect(screens.every((s) => s.snapshots >= 1)).toBe(true);
    const health = (await (await fetch(`${url}/api/health`)).json()) as { data: { realtime: { clients: number } } };
    expect(health.data.realtime.clients).toBe(CLIENTS);

    // Storm 2: the hub killed and started again; every screen comes back by itself.
    const snapshotsBefore = screens.map((s) => s.snapshots);
    await killHard(hub);
    const t1 = performance.now();
    hub = await hubs.start(port);
    const readyMs = performance.now() - t1;
    const afterRestart = probe();
    const t2 = performance.now();
    await eventually(() => screens.every((x, i) => x.snapshots > snapshotsBefore[i]!), 60_000, 'a new snapshot on every screen');
    const secondSnapshots = performance.now() - t2;
    const secondBack = await untilScreensMatch(screens, snapshot, 60_000);
    const secondProbe = await afterRestart.stop();
    const restarted = memoryOf(hub.child.pid!);
    expect(secondProbe).toMatchObject({ failed: 0 });
    expect(secondProbe.count).toBeGreaterThan(0);
    expect(screens.flatMap((s) => s.refusals)).toEqual([]);
    expect(screens.flatMap((s) => s.conflicts)).toEqual([]);

    console.log(
      [
        `[fault-storm] ${CLIENTS} screens (${kinds.length} kinds) connecting at once: every one with a snapshot after ${firstSnapshots.toFixed(0)} ms, ` +
          `all equal to the hub's (facts still coming) after ${firstMs.toFixed(0)} ms; ${firstProbe.count} officer commands answered meanwhile, slowest ${firstProbe.maxMs.toFixed(0)} ms ` +
          `(calm: ${calm.ms.toFixed(0)} ms)`,
        `[fault-storm] after SIGKILL and restart: hub listening in ${readyMs.toFixed(0)} ms; after that every screen reconnected with a ` +
          `new snapshot in ${secondSnapshots.toFixed(0)} ms, all equal to the hub's in ${secondBack.toFixed(0)} ms; ${secondProbe.count} officer commands answered meanwhile, slowest ${secondProbe.maxMs.toFixed(0)} ms`,
        `[fault-storm] hub RSS: idle ${idle.rssMb} MB, after storm ${afterFirst.rssMb} MB (peak ${afterFirst.peakMb} MB); ` +
          `restarted process with ${CLIENTS} back: ${restarted.rssMb} MB (peak ${restarted.peakMb} MB)`,
      ].join('\n'),
    );
    await killHard(hub);
  });
});
