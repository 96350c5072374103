import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { CallResultView, IssueResult } from '../../common/contract/view-schemas.js';
import { deviceKey, testSite } from '../../tests/helpers/test-site.js';
import { startBenchHub } from '../lib/bench-hub.js';
import { watchDisplay, type DisplayWatcher } from '../lib/display-watcher.js';
import { connectHubSocket, freshCommandId, sendCommand, type CommandOutcome } from '../lib/hub-sockets.js';
import { isShareSlot, runPacedLoad } from '../lib/paced-load.js';
import type { BenchParams } from '../lib/params.js';
import { round3, summarize, type LatencySummary } from '../lib/percentiles.js';
import { startRssSampler, summarizeRss, type RssSummary } from '../lib/rss-sampler.js';
import { staffCounters } from '../lib/staffed-counters.js';

/**
 * One measured run of the hall's hot path on a fresh hub: a kiosk issuing tickets and officers
 * calling the next one at a steady offered rate, while N hall displays receive every fact. It
 * answers "how long does a citizen's ticket take, how long does an officer wait for Next, and how
 * long until the hall screens show the call", plus how the hub's memory behaves meanwhile.
 */
export interface HubLatencyRun {
  readonly run: number;
  /** ticket:issue, sent -> ack at the kiosk. */
  readonly issue: LatencySummary;
  /** ticket:call-next, sent -> ack at the officer. */
  readonly callNext: LatencySummary;
  /** ticket:call-next sent -> its ticket:called fact received, one sample per display per call. */
  readonly callToDisplay: LatencySummary;
  readonly rss: RssSummary;
  readonly load: {
    readonly slots: number;
    readonly sent: number;
    readonly issueSent: number;
    readonly callSent: number;
    readonly skippedSlots: number;
    readonly achievedRatePerSec: number;
  };
  /** Refused acks by error code; timeouts are acks that never came. */
  readonly refused: Readonly<Record<string, number>>;
  readonly timeouts: number;
  readonly failedShare: number;
  /** Call-next acks that were ok but called nobody (nobody waiting): a sign the backlog ran dry. */
  readonly callsWithoutTicket: number;
  readonly delivery: {
    readonly expected: number;
    readonly missed: number;
    readonly seqGaps: number;
    readonly disconnects: number;
  };
  /** p99 event-loop delay of the load process itself: if high, the client, not the hub, was slow. */
  readonly loadProcessLoopDelayP99Ms: number;
  readonly loadProcessLoopDelayMaxMs: number;
}

const CONNECT_BATCH = 20;

export async function runHubLatency(params: BenchParams, run: number, log: (line: string) => void): Promise<HubLatencyRun> {
  // The command path alone by default: this load has one kiosk issuing 30 tickets a second, far
  // beyond a real kiosk (one every few seconds), so its simulated printer is left out unless
  // BENCH_WITH_PRINTER=1 asks to measure the hall with every ticket rendered and printed too.
  const demo = testSite();
  const withPrinter = process.env.BENCH_WITH_PRINTER === '1';
  const site = withPrinter ? demo : { ...demo, devices: demo.devices.filter((d) => d.kind !== 'printer') };
  const hub = await startBenchHub(site);
  const sockets: Socket[] = [];
  const sampler = startRssSampler(hub.pid);
  try {
    const displays: DisplayWatcher[] = [];
    // In batches: 100 simultaneous handshakes would measure connection storms, not steady state.
    for (let i = 0; i < params.displays; i += CONNECT_BATCH) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(CONNECT_BATCH, params.displays - i) }, () =>
          watchDisplay(hub.url, deviceKey(site, 'display')),
        ),
      );
      displays.push(...batch);
      sockets.push(...batch.map((d) => d.socket));
    }
    const kiosk = await connectHubSocket(hub.url, { deviceKey: deviceKey(site, 'kiosk') });
    sockets.push(kiosk);
    const counters = await staffCounters(hub.url, site, hub.passwords);
    sockets.push(...counters.map((c) => c.socket));
    const queueIds = [...new Set(counters.flatMap((c) => c.queueIds))];
    log(`run ${run}: hub pid ${hub.pid}, ${displays.length} displays, ${counters.length} counters, ${queueIds.length} queues`);

    await issueBacklog(kiosk, queueIds, params.backlogPerQueue);

    const issueLatencies: number[] = [];
    const callLatencies: number[] = [];
    /** ticketId -> when the call-next that called it was sent; joined with display receipts below. */
    const callSentAt = new Map<string, number>();
    const refused: Record<string, number> = {};
    let timeouts = 0;
    let callsWithoutTicket = 0;
    let pending = 0;
    let issueSent = 0;
    let callSent = 0;
    let nextCounter = 0;
    let nextQueue = 0;

    const settle = <T>(outcome: CommandOutcome<T>, latencies: number[], onOk: (data: T) => void) => {
      pending--;
      if (outcome.kind === 'timeout') timeouts++;
      else if (outcome.kind === 'refused') refused[outcome.code] = (refused[outcome.code] ?? 0) + 1;
      else {
        latencies.push(outcome.latencyMs);
        onOk(outcome.data);
      }
    };

    const send = (slot: number) => {
      pending++;
      if (isShareSlot(slot, params.callShare)) {
        // Round-robin over counters; two calls in flight at one counter are fine (the second
        // finishes the first's ticket), and each is matched to its own ticket id.
        const counter = counters[nextCounter++ % counters.length];
        if (!counter) throw new Error('no counter');
        callSent++;
        void sendCommand<CallResultView>(
          counter.socket,
          'ticket:call-next',
          { commandId: freshCommandId(), counterId: counter.counterId },
          params.ackTimeoutMs,
        ).then((o) =>
          settle(o, callLatencies, (data) => {
            if (data.ticket) callSentAt.set(data.ticket.id, o.sentAt);
            else callsWithoutTicket++;
          }),
        );
      } else {
        const queueId = queueIds[nextQueue++ % queueIds.length];
        issueSent++;
        void sendCommand<IssueResult>(kiosk, 'ticket:issue', { commandId: freshCommandId(), queueId }, params.ackTimeoutMs).then(
          (o) => settle(o, issueLatencies, () => undefined),
        );
      }
    };

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const loadStartIndex = sampler.mark();
    const paced = await runPacedLoad({ ratePerSec: params.ratePerSec, durationMs: params.seconds * 1000, send });

    // Drain: the last acks and facts are still on the wire when the pacer stops.
    const drainStart = performance.now();
    const received = () => displays.reduce((sum, d) => sum + d.calledAt.size, 0);
    while (
      (pending > 0 || received() < displays.length * callSentAt.size) &&
      performance.now() - drainStart < params.drainTimeoutMs
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    loopDelay.disable();
    const rssSamples = sampler.stop();

    const displayLatencies: number[] = [];
    let missed = 0;
    for (const d of displays) {
      for (const [ticketId, sentAt] of callSentAt) {
        const at = d.calledAt.get(ticketId);
        if (at === undefined) missed++;
        else displayLatencies.push(at - sentAt);
      }
    }
    const failed = timeouts + Object.values(refused).reduce((a, b) => a + b, 0);
    return {
      run,
      issue: summarize(issueLatencies),
      callNext: summarize(callLatencies),
      callToDisplay: summarize(displayLatencies),
      rss: summarizeRss(rssSamples, loadStartIndex),
      load: {
        slots: paced.slots,
        sent: paced.sent,
        issueSent,
        callSent,
        skippedSlots: paced.skippedSlots,
        achievedRatePerSec: round3(paced.elapsedMs > 0 ? (paced.sent * 1000) / paced.elapsedMs : 0),
      },
      refused,
      timeouts,
      failedShare: round3(paced.sent > 0 ? failed / paced.sent : 0),
      callsWithoutTicket,
      delivery: {
        expected: displays.length * callSentAt.size,
        missed,
        seqGaps: displays.reduce((s, d) => s + d.stats.seqGaps, 0),
        disconnects: displays.reduce((s, d) => s + d.stats.disconnects, 0),
      },
      loadProcessLoopDelayP99Ms: round3(loopDelay.percentile(99) / 1e6),
      loadProcessLoopDelayMaxMs: round3(loopDelay.max / 1e6),
    };
  } finally {
    sampler.stop();
    for (const s of sockets) s.close();
    await hub.stop();
  }
}

/** Unmeasured: gives every queue people waiting, so the first call-nexts have someone to call. */
async function issueBacklog(kiosk: Socket, queueIds: readonly string[], perQueue: number): Promise<void> {
  for (let i = 0; i < perQueue; i++) {
    for (const queueId of queueIds) {
      const o = await sendCommand(kiosk, 'ticket:issue', { commandId: freshCommandId(), queueId });
      if (o.kind !== 'ok') throw new Error(`backlog ticket for ${queueId} failed: ${o.kind === 'refused' ? o.code : 'timeout'}`);
    }
  }
}
