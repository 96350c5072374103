/**
 * `npx tsx bench/realistic-hall.ts`: the realistic hall under load on its own (HALL_COUNTERS,
 * HALL_DAY_SECONDS, HALL_TICKETS_PER_COUNTER… in scenarios/realistic-hall-params.ts). Builds the hub
 * unless HALL_NO_BUILD=1 (a build from a moment ago), then runs each hall size on a fresh hub.
 */
import { fileURLToPath } from 'node:url';
import { buildHubOnce } from './lib/bench-hub.js';
import { hallParamsFromEnv } from './scenarios/realistic-hall-params.js';
import { runRealisticHallBench } from './scenarios/realistic-hall-summary.js';

// The hub and the reference province are started from dist/ by paths relative to the repo root.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const params = hallParamsFromEnv();
  if (process.env.HALL_NO_BUILD !== '1') buildHubOnce();
  const { report, path, table } = await runRealisticHallBench(params, log);
  process.stdout.write(`${table}\n\nreport: ${path}\n`);
  // Like run.ts: more than 1 % of commands failing makes the run a failure, so CI can use it too.
  const bad = report.rows.filter((r) => r.failed > 0.01 * r.commands);
  for (const r of bad) log(`FAIL: ${r.failed} of ${r.commands} commands failed at ${r.counters} counters`);
  return bad.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`realistic-hall bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
