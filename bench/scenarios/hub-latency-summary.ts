import { medianOf, round3, type LatencySummary } from '../lib/percentiles.js';
import { fmt, formatTable } from '../lib/table.js';
import type { HubLatencyRun } from './hub-latency.js';

/**
 * Across runs: the median of the runs' medians and of their p99s. One run on a shared, noisy
 * machine can be off by a lot; the middle of several is the figure worth comparing over time.
 */
export interface MetricAcrossRuns {
  readonly medianOfMedians: number | null;
  readonly medianOfP99s: number | null;
  readonly worstMax: number | null;
  readonly totalCount: number;
}

export interface HubLatencySummary {
  readonly issue: MetricAcrossRuns;
  readonly callNext: MetricAcrossRuns;
  readonly callToDisplay: MetricAcrossRuns;
  readonly rss: {
    readonly medianPeakMb: number | null;
    readonly maxPeakMb: number | null;
    readonly medianGrowthMb: number | null;
  };
  readonly worstFailedShare: number;
  readonly refused: Readonly<Record<string, number>>;
  readonly timeouts: number;
  readonly missedDeliveries: number;
}

const METRICS = ['issue', 'callNext', 'callToDisplay'] as const;
const LABELS: Record<(typeof METRICS)[number], string> = {
  issue: 'issue ack',
  callNext: 'call-next ack',
  callToDisplay: 'call -> display',
};

function across(runs: readonly HubLatencyRun[], pick: (r: HubLatencyRun) => LatencySummary): MetricAcrossRuns {
  const s = runs.map(pick);
  const maxes = s.map((x) => x.max).filter((x): x is number => x !== null);
  return {
    medianOfMedians: medianOf(s.map((x) => x.median)),
    medianOfP99s: medianOf(s.map((x) => x.p99)),
    worstMax: maxes.length > 0 ? Math.max(...maxes) : null,
    totalCount: s.reduce((a, x) => a + x.count, 0),
  };
}

export function summarizeRuns(runs: readonly HubLatencyRun[]): HubLatencySummary {
  const refused: Record<string, number> = {};
  for (const r of runs) for (const [code, n] of Object.entries(r.refused)) refused[code] = (refused[code] ?? 0) + n;
  const peaks = runs.map((r) => r.rss.peakMb).filter((x): x is number => x !== null);
  return {
    issue: across(runs, (r) => r.issue),
    callNext: across(runs, (r) => r.callNext),
    callToDisplay: across(runs, (r) => r.callToDisplay),
    rss: {
      medianPeakMb: medianOf(peaks),
      maxPeakMb: peaks.length > 0 ? Math.max(...peaks) : null,
      medianGrowthMb: medianOf(
        runs.map((r) => (r.rss.endMb !== null && r.rss.startMb !== null ? round3(r.rss.endMb - r.rss.startMb) : null)),
      ),
    },
    worstFailedShare: Math.max(0, ...runs.map((r) => r.failedShare)),
    refused,
    timeouts: runs.reduce((a, r) => a + r.timeouts, 0),
    missedDeliveries: runs.reduce((a, r) => a + r.delivery.missed, 0),
  };
}

/** The short table for the console; the JSON report has everything else. */
export function formatHubLatencyTable(runs: readonly HubLatencyRun[], summary: HubLatencySummary): string {
  const latencyRows = [
    ...runs.flatMap((r) =>
      METRICS.map((m) => [`run ${r.run}  ${LABELS[m]}`, fmt(r[m].median), fmt(r[m].p99), fmt(r[m].max), String(r[m].count)]),
    ),
    ...METRICS.map((m) => {
      const a = summary[m];
      return [`median of runs  ${LABELS[m]}`, fmt(a.medianOfMedians), fmt(a.medianOfP99s), fmt(a.worstMax), String(a.totalCount)];
    }),
  ];
  const latency = formatTable(['latency (ms)', 'median', 'p99', 'max', 'count'], latencyRows);

  const rssRows = runs.map((r) => [
    `run ${r.run}`,
    fmt(r.rss.startMb, 1),
    fmt(r.rss.peakMb, 1),
    fmt(r.rss.endMb, 1),
    `${r.load.sent}/${r.load.slots}`,
    fmt(r.load.achievedRatePerSec, 1),
    String(r.timeouts + Object.values(r.refused).reduce((a, b) => a + b, 0)),
    String(r.delivery.missed),
    fmt(r.loadProcessLoopDelayP99Ms, 1),
  ]);
  const rss = formatTable(
    ['hub RSS (MB) / load', 'start', 'peak', 'end', 'sent', 'cmd/s', 'failed', 'missed', 'client lag p99'],
    rssRows,
  );
  const refused = Object.entries(summary.refused)
    .map(([code, n]) => `${code}=${n}`)
    .join(', ');
  return `${latency}\n\n${rss}\n\nrefused acks: ${refused || 'none'}; ack timeouts: ${summary.timeouts}`;
}
