/**
 * `npx tsx bench/month-report.ts`: the month's report for a busy centre on its own (BENCH_RUNS runs,
 * 5 by default), without starting hubs. `npm run bench` runs the same scenario among the others.
 */
import { formatMonthReportTable, runMonthReportBench } from './scenarios/month-report.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
const runs = Number(process.env.BENCH_RUNS ?? 5);

runMonthReportBench({ runs: Number.isInteger(runs) && runs > 0 ? runs : 5 }, log).then(
  (r) => process.stdout.write(`${formatMonthReportTable(r)}\n`),
  (err: unknown) => {
    log(`month-report bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
