/**
 * `npm run bench`: the hub-latency benchmark. Starts a fresh hub in a child process per run, offers
 * it a steady command load with 100 hall displays listening, and writes bench/results/*.json.
 * Exits non-zero if a hub failed to start or more than 1 % of a run's commands failed, so CI can
 * use it as a smoke check as well as a measurement.
 */
import { fileURLToPath } from 'node:url';
import { buildHubOnce } from './lib/bench-hub.js';
import { machineInfo } from './lib/machine-info.js';
import { paramsFromEnv } from './lib/params.js';
import { writeReport } from './lib/report.js';
import { medianOf } from './lib/percentiles.js';
import { runHubLatency, type HubLatencyRun } from './scenarios/hub-latency.js';
import { formatHubLatencyTable, summarizeRuns } from './scenarios/hub-latency-summary.js';
import { formatProcedureSearchTable, runProcedureSearch } from './scenarios/procedure-search.js';
import { formatBundleTable, measureScreenBundles } from './scenarios/screen-bundles.js';
import { runTicketRenderBench } from './scenarios/ticket-render.js';
import { runNextToTvDom, type NextToTvRun } from './scenarios/next-to-tv-dom.js';
import { runSimulationBench } from './sim/simulation-report.js';
import { formatMonthReportTable, runMonthReportBench } from './scenarios/month-report.js';
import { hallParamsFromEnv } from './scenarios/realistic-hall-params.js';
import { runRealisticHallBench } from './scenarios/realistic-hall-summary.js';

const MAX_FAILED_SHARE = 0.01;

function formatNextToTv(runs: readonly NextToTvRun[]): string {
  const med = medianOf(runs.map((r) => r.nextToDom.median));
  const p99 = medianOf(runs.map((r) => r.nextToDom.p99));
  const first = runs[0];
  return (
    `Next pressed -> TV page DOM shows the call (${first?.counters ?? 0} counters, ${first?.displays ?? 0} displays, ` +
    `${first?.pages ?? 0} real pages; medians of ${runs.length} runs): median ${med} ms, p99 ${p99} ms, ` +
    `missed ${runs.reduce((n, r) => n + r.missed, 0)}`
  );
}

// startChildHub spawns tests/helpers/hub-process.ts by a path relative to the repo root.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

// Progress goes to stderr so stdout carries only the result table.
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const params = paramsFromEnv();
  const startedAt = new Date();
  const machine = machineInfo();
  log(
    `hub-latency: ${params.runs} run(s) x ${params.seconds} s at ${params.ratePerSec} cmd/s, ` +
      `${params.displays} displays; ${machine.cpuCount} x ${machine.cpuModel}, node ${machine.node}`,
  );
  buildHubOnce();
  const runs: HubLatencyRun[] = [];
  for (let i = 1; i <= params.runs; i++) {
    const result = await runHubLatency(params, i, log);
    log(
      `run ${i}: call->display median ${result.callToDisplay.median} ms, p99 ${result.callToDisplay.p99} ms; ` +
        `failed ${(result.failedShare * 100).toFixed(2)} %`,
    );
    runs.push(result);
  }
  const summary = summarizeRuns(runs);
  // Next pressed -> the TV page's DOM shows the number: 30 counters, 50 displays, 2 of them real pages.
  const nextToTv: NextToTvRun[] = [];
  for (let i = 1; i <= params.runs; i++) {
    const r = await runNextToTvDom({ counters: 30, displays: 50, pages: 2, calls: 60 }, log);
    log(`next-to-tv run ${i}: median ${r.nextToDom.median} ms, p99 ${r.nextToDom.p99} ms, missed ${r.missed}`);
    nextToTv.push(r);
  }
  // In process, no hub: the catalogue's import, load and search, over the real data beside the repo.
  const procedureSearch = runProcedureSearch(
    process.env.CATALOGUE_DIR ?? fileURLToPath(new URL('../../shared/data/procedures', import.meta.url)),
    20,
    log,
  );
  // The built screens (npm run build ran above) and one ticket rendered and encoded, in process.
  const bundles = measureScreenBundles();
  const ticketRender = [384, 576].map((width) => runTicketRenderBench({ width, iterations: 50 }));
  // The wait-time simulation: the real queue core on simulated days, in process (SIM_SEEDS).
  const simulation = runSimulationBench(log);
  // A month's report for a busy centre (60 counters, 1,500 tickets a day), on a generated event log.
  const monthReport = await runMonthReportBench({ runs: 5 }, log);
  // A busy day compressed into minutes at 10, 60 and 200 counters (HALL_*; about 17 minutes).
  const realisticHall = await runRealisticHallBench(hallParamsFromEnv(), log);
  const path = writeReport('hub-latency', startedAt, {
    benchmark: 'hub-latency',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    params,
    summary,
    runs,
    nextToTv,
    procedureSearch,
    bundles,
    ticketRender,
    simulation: simulation.result,
    monthReport,
    realisticHall: realisticHall.report,
  });
  process.stdout.write(
    `${formatHubLatencyTable(runs, summary)}\n\n${formatNextToTv(nextToTv)}\n\n${formatProcedureSearchTable(procedureSearch)}\n\n${formatBundleTable(bundles)}\n\n` +
      ticketRender
        .map(
          (r) =>
            `ticket render+encode ${r.width} dots: median ${r.renderAndEncode.median} ms, p99 ${r.renderAndEncode.p99} ms, ${r.bytes} bytes`,
        )
        .join('\n') +
      `\n\n${formatMonthReportTable(monthReport)}\n\n${simulation.table}\n\n${realisticHall.table}` +
      `\n\nreport: ${path} (simulation also in ${simulation.path}, realistic hall in ${realisticHall.path})\n`,
  );
  const bad = runs.filter((r) => r.failedShare > MAX_FAILED_SHARE);
  if (bad.length > 0) {
    log(`FAIL: more than ${MAX_FAILED_SHARE * 100} % of commands failed in run(s) ${bad.map((r) => r.run).join(', ')}`);
  }
  const badHalls = realisticHall.report.rows.filter((r) => r.failed > MAX_FAILED_SHARE * r.commands);
  for (const r of badHalls) log(`FAIL: ${r.failed} of ${r.commands} commands failed in the realistic hall at ${r.counters} counters`);
  return bad.length + badHalls.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
