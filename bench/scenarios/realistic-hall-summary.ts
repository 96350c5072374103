import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo, type MachineInfo } from '../lib/machine-info.js';
import { medianOf } from '../lib/percentiles.js';
import { RESULTS_DIR } from '../lib/report.js';
import { fmt, formatTable } from '../lib/table.js';
import type { HallLoadParams } from './realistic-hall-params.js';
import { runRealisticHall, type RealisticHallRow } from './realistic-hall.js';

/**
 * Every hall size in turn, `runs` days each on a fresh hub, then the table of medians and the JSON
 * file (bench/results/realistic-hall-<time>.json, every run whole; `npm run bench` also puts it in
 * latest.json). Medians of whole runs, not pooled samples: one noisy run moves a pooled p99.
 */
export interface RealisticHallReport {
  readonly benchmark: 'realistic-hall';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineInfo;
  readonly params: HallLoadParams;
  readonly sizes: readonly HallSizeSummary[];
  readonly rows: readonly RealisticHallRow[];
}

type Pair = { readonly median: number | null; readonly p99: number | null };

/** One hall size over its runs: medians of each run's figure; failures and misses summed. */
export interface HallSizeSummary {
  readonly counters: number;
  readonly runs: number;
  readonly sockets: number;
  readonly kioskKeys: number;
  readonly planned: number;
  readonly issued: number | null;
  readonly served: number | null;
  readonly rated: number | null;
  readonly commands: number | null;
  readonly issue: Pair;
  readonly callNext: Pair;
  readonly callToDisplay: Pair;
  readonly rate: Pair;
  readonly hubCpuMeanPercent: number | null;
  readonly hubCpuPeakPercent: number | null;
  readonly hubCpuMsPerCommand: number | null;
  readonly peakRssMb: number | null;
  readonly rssGrowthMb: number | null;
  readonly loadProcessCpuPercent: number | null;
  readonly failed: number;
  readonly missed: number;
  readonly disconnects: number;
  readonly loadAverageAtEndMax: number;
}

const pairOf = (rows: readonly RealisticHallRow[], pick: (r: RealisticHallRow) => Pair): Pair => ({
  median: medianOf(rows.map((r) => pick(r).median)),
  p99: medianOf(rows.map((r) => pick(r).p99)),
});

export function summarizeSize(rows: readonly RealisticHallRow[]): HallSizeSummary {
  const first = rows[0];
  if (!first) throw new Error('a hall size with no runs');
  const m = (pick: (r: RealisticHallRow) => number | null) => medianOf(rows.map(pick));
  return {
    counters: first.counters,
    runs: rows.length,
    sockets: first.sockets,
    kioskKeys: first.kioskKeys,
    planned: first.tickets.planned,
    issued: m((r) => r.tickets.issued),
    served: m((r) => r.tickets.served),
    rated: m((r) => r.tickets.rated),
    commands: m((r) => r.commands),
    issue: pairOf(rows, (r) => r.issue),
    callNext: pairOf(rows, (r) => r.callNext),
    callToDisplay: pairOf(rows, (r) => r.callToDisplay),
    rate: pairOf(rows, (r) => r.rate),
    hubCpuMeanPercent: m((r) => r.hubCpu.meanPercent),
    hubCpuPeakPercent: m((r) => r.hubCpu.peakPercent),
    // CPU per command answered: flat across sizes means the hub's cost grows with the work, not the hall.
    hubCpuMsPerCommand: m((r) =>
      r.hubCpu.cpuSeconds === null || r.commands === 0 ? null : (r.hubCpu.cpuSeconds * 1000) / r.commands,
    ),
    peakRssMb: m((r) => r.rss.peakMb),
    rssGrowthMb: m((r) => (r.rss.endMb === null || r.rss.startMb === null ? null : r.rss.endMb - r.rss.startMb)),
    loadProcessCpuPercent: m((r) => r.loadProcess.cpuPercent),
    failed: rows.reduce((n, r) => n + r.failed, 0),
    missed: rows.reduce((n, r) => n + r.delivery.missed, 0),
    disconnects: rows.reduce((n, r) => n + Object.values(r.delivery.disconnects).reduce((a, b) => a + b, 0), 0),
    loadAverageAtEndMax: Math.max(...rows.map((r) => r.loadAverageAtEnd)),
  };
}

export async function runRealisticHallBench(
  params: HallLoadParams,
  log: (line: string) => void,
): Promise<{ report: RealisticHallReport; path: string; table: string }> {
  const startedAt = new Date();
  const machine = machineInfo();
  const rows: RealisticHallRow[] = [];
  const sizes: HallSizeSummary[] = [];
  for (const counters of params.counterSizes) {
    const runs: RealisticHallRow[] = [];
    for (let i = 1; i <= params.runs; i++) {
      const row = await runRealisticHall(params, counters, log);
      log(
        `realistic-hall ${counters} run ${i}: ${row.tickets.issued} issued, ${row.tickets.served} served, ${row.tickets.rated} rated; ` +
          `hub CPU ${fmt(row.hubCpu.meanPercent, 0)} %, peak RSS ${fmt(row.rss.peakMb, 0)} MB, failed ${row.failed}, ` +
          `missed ${row.delivery.missed}; bench process CPU ${fmt(row.loadProcess.cpuPercent, 0)} %, load ${row.loadAverageAtEnd}`,
      );
      runs.push(row);
    }
    rows.push(...runs);
    sizes.push(summarizeSize(runs));
  }
  const report: RealisticHallReport = {
    benchmark: 'realistic-hall',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    params,
    sizes,
    rows,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `realistic-hall-${startedAt.toISOString().replace(/:/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return { report, path, table: formatRealisticHallTable(sizes) };
}

const pair = (s: Pair) => `${fmt(s.median, 1)} / ${fmt(s.p99, 1)}`;

/** One row per hall size; latencies "median / p99" in ms; CPU 100 % = one core. */
export function formatRealisticHallTable(sizes: readonly HallSizeSummary[]): string {
  const table = formatTable(
    [
      'counters',
      'sockets',
      'tickets',
      'issue ms',
      'call-next ms',
      'call->TV ms',
      'rating ms',
      'hub CPU %',
      'CPU ms/cmd',
      'peak RSS MB',
      'failed',
      'missed',
    ],
    sizes.map((s) => [
      String(s.counters),
      String(s.sockets),
      `${fmt(s.issued, 0)}/${s.planned}`,
      pair(s.issue),
      pair(s.callNext),
      pair(s.callToDisplay),
      pair(s.rate),
      `${fmt(s.hubCpuMeanPercent, 0)} (${fmt(s.hubCpuPeakPercent, 0)})`,
      fmt(s.hubCpuMsPerCommand, 2),
      fmt(s.peakRssMb, 0),
      String(s.failed),
      String(s.missed),
    ]),
  );
  const runs = sizes[0]?.runs ?? 0;
  const notes = sizes.map(
    (s) =>
      `${s.counters} counters: ${fmt(s.commands, 0)} commands, ${s.kioskKeys} kiosk keys, served ${fmt(s.served, 0)}, rated ${fmt(s.rated, 0)}; ` +
      `RSS grew ${fmt(s.rssGrowthMb, 0)} MB over the day; bench process CPU ${fmt(s.loadProcessCpuPercent, 0)} %; ` +
      `${s.disconnects} disconnects; load average at end ≤ ${fmt(s.loadAverageAtEndMax, 2)}`,
  );
  return (
    `Realistic hall, medians of ${runs} run(s) per size (latency median / p99; hub CPU mean (busiest 5 s), 100 % = one core)\n` +
    `${table}\n${notes.join('\n')}`
  );
}
