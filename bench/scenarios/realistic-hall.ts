import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { seededRandom } from '../sim/prng.js';
import { startBenchHub } from '../lib/bench-hub.js';
import { startBenchProvince } from '../lib/bench-province.js';
import { startCpuSampler, type CpuSummary } from '../lib/cpu-sampler.js';
import { hallAddress, LoopbackClient } from '../lib/loopback-http.js';
import { backupsMade, markNightlyBackupDone } from '../lib/nightly-backup.js';
import { runPacedLoad } from '../lib/paced-load.js';
import { round3, summarize, type LatencySummary } from '../lib/percentiles.js';
import { queueCount, kioskKey, realisticHallSite } from '../lib/realistic-hall-site.js';
import { RESULTS_DIR } from '../lib/report.js';
import { startRssSampler, summarizeRss, type RssSummary } from '../lib/rss-sampler.js';
import { startSinkPrinters, type SinkPrinters } from '../lib/sink-printers.js';
import { answerSurveys, HallRecorder, issueAtKiosk, queuePicker, serveCounter, type DayState } from './realistic-hall-actors.js';
import { kioskKeys, type HallLoadParams } from './realistic-hall-params.js';
import { connectHallScreens, type HallScreens, type ScreenGroup } from './realistic-hall-screens.js';

/** One hall size's compressed day: what its people waited for, and what it cost the hub. */
export interface RealisticHallRow {
  readonly counters: number;
  readonly queues: number;
  readonly kioskKeys: number;
  readonly kioskScreens: number;
  readonly displays: number;
  readonly surveyPads: number;
  readonly dashboards: number;
  readonly sockets: number;
  readonly printers: number;
  readonly tickets: { planned: number; issued: number; called: number; served: number; rated: number; leftWaiting: number };
  /** POST /api/tickets at a kiosk, sent -> whole reply. */
  readonly issue: LatencySummary;
  /** ticket:call-next that called someone, sent -> ack; `callEmpty` those that found nobody. */
  readonly callNext: LatencySummary;
  readonly callEmpty: LatencySummary;
  /** The ten slowest call-nexts as [seconds into the day, ms]: stalls show up as clusters. */
  readonly slowestCalls: readonly (readonly [number, number])[];
  readonly start: LatencySummary;
  readonly finish: LatencySummary;
  readonly rate: LatencySummary;
  /** call-next sent -> its ticket:called at each hall TV. */
  readonly callToDisplay: LatencySummary;
  /** From the first arrival to the last command answered: the hub's whole process. */
  readonly hubCpu: CpuSummary;
  readonly provinceCpuSeconds: number | null;
  readonly rss: RssSummary;
  /** The bench's own process: if it was busy, latencies include its lag, not only the hub's. */
  readonly loadProcess: { cpuPercent: number; loopDelayP99Ms: number; loopDelayMaxMs: number };
  /** Commands sent over the day (REST issues and socket commands), answered or not. */
  readonly commands: number;
  readonly failures: Readonly<Record<string, number>>;
  readonly failed: number;
  readonly delivery: { expected: number; missed: number; seqGaps: number; disconnects: Record<ScreenGroup, number> };
  /** socket.io messages the screens received, by group, over the day: the broadcast fan-out. */
  readonly messages: Record<ScreenGroup, number>;
  readonly adminStatuses: number;
  readonly printedBytes: number;
  /** Backups the hub made during the run (its catch-up backup when HALL_CATCH_UP_BACKUP=1). */
  readonly backupsMade: number;
  readonly skippedArrivals: number;
  readonly seconds: { setup: number; arrivals: number; drain: number };
  readonly cpuProfileDir: string | null;
  /** The machine's 1-minute load average as the day ended: other work on it shows up here. */
  readonly loadAverageAtEnd: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!done() && performance.now() < end) await sleep(50);
}

export async function runRealisticHall(
  p: HallLoadParams,
  counters: number,
  log: (line: string) => void,
): Promise<RealisticHallRow> {
  const keys = kioskKeys(p, counters);
  const planned = Math.round(counters * p.ticketsPerCounter);
  const printers: SinkPrinters | null = p.printers ? await startSinkPrinters(keys) : null;
  const province = await startBenchProvince().catch(async (err: unknown) => {
    await printers?.stop();
    throw err;
  });
  const site = realisticHallSite({
    counters,
    displays: p.displays,
    kiosks: keys,
    supervisors: p.supervisors,
    printerPorts: printers?.ports ?? [],
  });
  const profileDir = p.cpuProfile ? join(RESULTS_DIR, 'cpu-profiles') : null;
  const hub = await startBenchHub(site, {
    // The hall as an office runs it: sign-in and issuing limits on (the bench's hubs turn them off).
    // Each kiosk and officer comes from its own address and no kiosk key passes its limit.
    env: { PROVINCE_URL: province.url, RATE_LIMITS: p.rateLimits ? 'on' : 'off' },
    nodeArgs: profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=realistic-hall-${counters}.cpuprofile`]
      : [],
  }).catch(async (err: unknown) => {
    await province.stop();
    await printers?.stop();
    throw err;
  });
  if (!p.catchUpBackup) markNightlyBackupDone(hub.dir);
  const rssSampler = startRssSampler(hub.pid);
  const kiosks = Array.from({ length: keys }, (_, i) => ({
    client: new LoopbackClient(hub.url, hallAddress('kiosk', i)),
    key: kioskKey(i),
  }));
  let screens: HallScreens | null = null;
  try {
    const setupStart = performance.now();
    screens = await connectHallScreens(hub.url, site, hub.passwords, {
      displays: p.displays,
      kioskScreens: Math.min(p.kiosks, keys),
      supervisors: p.supervisors,
    });
    const hall = screens;
    const setupSeconds = (performance.now() - setupStart) / 1000;
    log(
      `realistic-hall ${counters}: hub pid ${hub.pid}, ${site.queues.length} queues, ${keys} kiosk keys, ` +
        `${hall.all().length} sockets connected in ${setupSeconds.toFixed(1)} s; ${planned} tickets over ${p.daySeconds} s`,
    );

    // Reset the fan-out counters: the snapshots of set-up are not the day.
    for (const g of Object.keys(hall.messages) as ScreenGroup[]) hall.messages[g] = 0;
    hall.adminStatuses = 0;
    const rec = new HallRecorder();
    const dayStart = performance.now();
    const day: DayState = {
      arrivalsDone: false,
      deadline: dayStart + (p.daySeconds + p.drainSeconds) * 1000,
      unitMs: (p.daySeconds * 1000) / p.ticketsPerCounter,
      ackTimeoutMs: p.ackTimeoutMs,
    };
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const ownCpu = process.cpuUsage();
    const hubCpu = startCpuSampler(hub.pid);
    const provinceCpu = startCpuSampler(province.pid);
    const rssStart = rssSampler.mark();

    const ratings = new Set<Promise<unknown>>();
    const padRng = seededRandom(p.seed, 2);
    hall.counters.forEach((c, i) => answerSurveys(hall.pads[i]!, c.counterId, day, rec, padRng, p.ratedShare, ratings));
    const officerRng = seededRandom(p.seed, 1);
    const officers = Promise.all(hall.counters.map((c) => serveCounter(c, day, rec, officerRng)));
    const kioskRng = seededRandom(p.seed, 3);
    const pickQueue = queuePicker(hall.counters, kioskRng);
    const paced = await runPacedLoad({
      ratePerSec: planned / p.daySeconds,
      durationMs: p.daySeconds * 1000,
      send: (slot) => void issueAtKiosk(kiosks[slot % keys]!, pickQueue(), kioskRng, p.priorityShare, rec, p.ackTimeoutMs),
    });
    day.arrivalsDone = true;
    const arrivalsEnd = performance.now();
    await officers;
    await until(() => ratings.size === 0 && rec.pending === 0, p.ackTimeoutMs + 5000);
    const drainEnd = performance.now();
    const hubCpuSummary = hubCpu.stop();
    const provinceCpuSummary = provinceCpu.stop();
    const own = process.cpuUsage(ownCpu);
    loopDelay.disable();

    // The last calls' facts may still be on their way to the TVs.
    const expected = hall.displays.length * rec.callSentAt.size;
    const received = () => hall.displays.reduce((n, d) => n + d.calledAt.size, 0);
    await until(() => received() >= expected, 10_000);
    const rss = summarizeRss(rssSampler.stop(), rssStart);
    const toDisplay: number[] = [];
    let missed = 0;
    for (const d of hall.displays) {
      for (const [ticketId, sentAt] of rec.callSentAt) {
        const at = d.calledAt.get(ticketId);
        if (at === undefined) missed++;
        else toDisplay.push(at - sentAt);
      }
    }
    const dayMs = drainEnd - dayStart;
    return {
      counters,
      queues: queueCount(counters),
      kioskKeys: keys,
      kioskScreens: hall.kioskScreens.length,
      displays: hall.displays.length,
      surveyPads: hall.pads.length,
      dashboards: hall.dashboards.length,
      sockets: hall.all().length,
      printers: printers?.ports.length ?? 0,
      tickets: {
        planned,
        issued: rec.issue.length,
        called: rec.callNext.length,
        served: rec.finish.length,
        rated: rec.rate.length,
        leftWaiting: Math.max(0, rec.issue.length - rec.callNext.length),
      },
      issue: summarize(rec.issue),
      callNext: summarize(rec.callNext),
      callEmpty: summarize(rec.callEmpty),
      slowestCalls: rec.callNext
        .map((ms, i) => [round3(((rec.callNextAt[i] ?? dayStart) - dayStart) / 1000), round3(ms)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10),
      start: summarize(rec.start),
      finish: summarize(rec.finish),
      rate: summarize(rec.rate),
      callToDisplay: summarize(toDisplay),
      hubCpu: hubCpuSummary,
      provinceCpuSeconds: provinceCpuSummary.cpuSeconds,
      rss,
      loadProcess: {
        cpuPercent: round3(((own.user + own.system) / 1000 / dayMs) * 100),
        loopDelayP99Ms: round3(loopDelay.percentile(99) / 1e6),
        loopDelayMaxMs: round3(loopDelay.max / 1e6),
      },
      commands: rec.sent,
      failures: rec.failures,
      failed: rec.failureCount(),
      delivery: {
        expected,
        missed,
        seqGaps: hall.displays.reduce((n, d) => n + d.stats.seqGaps, 0),
        disconnects: { ...hall.disconnects },
      },
      messages: { ...hall.messages },
      adminStatuses: hall.adminStatuses,
      printedBytes: printers?.bytes() ?? 0,
      backupsMade: backupsMade(hub.dir),
      skippedArrivals: paced.skippedSlots,
      seconds: {
        setup: round3(setupSeconds),
        arrivals: round3((arrivalsEnd - dayStart) / 1000),
        drain: round3((drainEnd - arrivalsEnd) / 1000),
      },
      cpuProfileDir: profileDir,
      loadAverageAtEnd: round3(loadavg()[0] ?? 0),
    };
  } finally {
    rssSampler.stop();
    for (const s of screens?.all() ?? []) s.close();
    for (const k of kiosks) k.client.close();
    // A CPU profile is written as the hub exits: give it time.
    await hub.stop(p.cpuProfile ? 30_000 : 5000);
    await province.stop();
    await printers?.stop();
  }
}
