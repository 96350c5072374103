import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { THREE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import { tableToCsv } from '../../server/reports/csv-export.js';
import { createReportEngine } from '../../server/reports/report-engine.js';
import { addDays } from '../../server/reports/report-range.js';
import { ReportRunner } from '../../server/reports/report-runner.js';
import { reportTable } from '../../server/reports/report-tables.js';
import { reportWorkbook } from '../../server/reports/xlsx-export.js';
import { openDatabase } from '../../server/storage/db.js';
import { migrate } from '../../server/storage/migrate.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { fmt, formatTable } from '../lib/table.js';
import { writeBusyMonth, type MonthShape } from './month-report-events.js';

/**
 * A month's report for a busy centre (60 counters, 1,500 tickets a day, every day of a 30-day
 * month: more than a real month of 22 working days). The event log is written straight into a
 * fresh SQLite file, then the report is computed several times (the figures are the median; the
 * first run is kept apart, as it meets a cold page cache) and exported. Computed on this thread,
 * the time is how long a hub would stall; the hub computes on its report thread instead, measured
 * too, with this thread's event-loop delay meanwhile.
 */
export interface MonthReportResult {
  readonly shape: MonthShape;
  readonly events: number;
  readonly tickets: number;
  readonly dossiers: number;
  readonly dbMb: number;
  readonly buildMs: number;
  readonly firstComputeMs: number;
  /** Milliseconds per month report, warm. */
  readonly compute: LatencySummary;
  /** Milliseconds per one-day report in the same file (the admin screen's "Hôm nay"). */
  readonly computeDay: LatencySummary;
  /** Milliseconds per month report on the report thread, as the hub makes it (warm thread). */
  readonly threaded: LatencySummary;
  /** The hub thread's worst event-loop delay while those reports were made, in milliseconds. */
  readonly loopDelayMaxMs: number;
  readonly xlsx: LatencySummary;
  readonly xlsxBytes: number;
  readonly csvMs: number;
  /** Checks that the figures are the month's, not an empty report that was fast. */
  readonly issued: number;
  readonly served: number;
}

export async function runMonthReportBench(
  opts: { runs?: number; shape?: Partial<MonthShape> } = {},
  log: (line: string) => void = () => {},
): Promise<MonthReportResult> {
  const shape: MonthShape = {
    firstDay: '2026-11-01',
    days: 30,
    ticketsPerDay: 1500,
    counters: 60,
    queues: 12,
    seed: 20261101,
    ...opts.shape,
  };
  const runs = opts.runs ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-report-'));
  try {
    const file = join(dir, 'hall.db');
    const db = openDatabase(file);
    migrate(db);
    let t = performance.now();
    const log_ = writeBusyMonth(db, shape);
    const buildMs = performance.now() - t;
    db.pragma('wal_checkpoint(TRUNCATE)');
    log(`month-report: wrote ${log_.events} events (${log_.tickets} tickets) in ${(buildMs / 1000).toFixed(1)} s`);

    const engine = createReportEngine({
      db,
      clock: { now: () => Date.now() },
      names: () => ({
        queues: Array.from({ length: shape.queues }, (_, i) => ({ id: `hang-doi-${i + 1}`, name: `Hàng đợi ${i + 1}` })),
        counters: Array.from({ length: shape.counters }, (_, i) => ({
          id: `quay-${i + 1}`,
          number: i + 1,
          name: `Quầy ${i + 1}`,
        })),
        officers: Array.from({ length: shape.counters }, (_, i) => ({
          id: `canbo${i + 1}`,
          name: `Cán bộ ${i + 1}`,
          role: 'officer',
        })),
      }),
      scales: () => [THREE_LEVEL_SCALE],
    });
    const from = shape.firstDay;
    const to = addDays(from, shape.days - 1);
    t = performance.now();
    let report = engine.compute(from, to);
    const firstComputeMs = performance.now() - t;
    const computeMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      report = engine.compute(from, to);
      computeMs.push(performance.now() - t);
      log(`month-report: compute run ${i + 1}: ${computeMs.at(-1)?.toFixed(0)} ms`);
    }
    const dayMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      engine.compute(addDays(from, 10), addDays(from, 10));
      dayMs.push(performance.now() - t);
    }
    // The hub's way: on the report thread, while this thread's event loop is watched.
    const runner = new ReportRunner({
      dbFile: file,
      clock: { now: () => Date.now() },
      names: () => ({ queues: [], counters: [], officers: [] }),
      scales: () => [THREE_LEVEL_SCALE],
      logger: { info() {}, warn() {}, error() {} },
    });
    await runner.compute(from, to);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const threadedMs: number[] = [];
    delay.enable();
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      t = performance.now();
      await runner.compute(from, to);
      threadedMs.push(performance.now() - t);
    }
    delay.disable();
    await runner.close();
    const xlsxMs: number[] = [];
    let xlsxBytes = 0;
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      t = performance.now();
      xlsxBytes = (await reportWorkbook(report)).length;
      xlsxMs.push(performance.now() - t);
    }
    t = performance.now();
    for (const key of ['summary', 'queues', 'counters', 'officers', 'days'] as const) tableToCsv(reportTable(report, key));
    const csvMs = performance.now() - t;
    db.close();
    return {
      shape,
      ...log_,
      dbMb: Math.round((statSync(file).size / 1024 / 1024) * 10) / 10,
      buildMs: Math.round(buildMs),
      firstComputeMs: Math.round(firstComputeMs),
      compute: summarize(computeMs),
      computeDay: summarize(dayMs),
      threaded: summarize(threadedMs),
      loopDelayMaxMs: Math.round(delay.max / 1e6),
      xlsx: summarize(xlsxMs),
      xlsxBytes,
      csvMs: Math.round(csvMs * 10) / 10,
      issued: report.summary.issued,
      served: report.summary.served,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatMonthReportTable(r: MonthReportResult): string {
  const s = r.shape;
  const rows = [
    ['month report, first (cold)', fmt(r.firstComputeMs, 0), ''],
    [`month report, median of ${r.compute.count}`, fmt(r.compute.median, 0), `max ${fmt(r.compute.max, 0)}`],
    [`one day's report, median of ${r.computeDay.count}`, fmt(r.computeDay.median, 1), `max ${fmt(r.computeDay.max, 1)}`],
    [
      `month report on the report thread, median of ${r.threaded.count}`,
      fmt(r.threaded.median, 0),
      `hub thread's event loop delayed at most ${r.loopDelayMaxMs} ms`,
    ],
    [`XLSX export, median of ${r.xlsx.count}`, fmt(r.xlsx.median, 0), `${(r.xlsxBytes / 1024).toFixed(0)} KB`],
    ['CSV export, all five tables', fmt(r.csvMs, 1), ''],
  ];
  return (
    `${formatTable(['month report', 'ms', ''], rows)}\n` +
    `(${s.days} days x ${s.ticketsPerDay} tickets, ${s.counters} counters, ${s.queues} queues: ${r.events} events, ` +
    `${r.tickets} tickets (${r.served} served), ${r.dossiers} dossiers, database ${r.dbMb} MB)`
  );
}
