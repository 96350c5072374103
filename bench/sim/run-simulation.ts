/**
 * The wait-time simulation alone: `npx tsx bench/sim/run-simulation.ts` (SIM_SEEDS, SIM_FIRST_SEED).
 * No hub and no I/O but the report: the real queue core on simulated time, in this process.
 */
import { runSimulationBench } from './simulation-report.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

try {
  const { result, path, table } = runSimulationBench(log);
  process.stdout.write(`${table}\n\nsimulated in ${result.elapsedMs} ms\nreport: ${path}\n`);
} catch (err: unknown) {
  log(`simulation failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
}
