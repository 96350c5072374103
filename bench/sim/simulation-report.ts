import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo } from '../lib/machine-info.js';
import { RESULTS_DIR } from '../lib/report.js';
import { formatSimulationTables, runSimulation, simulationOptionsFromEnv, type SimulationResult } from './simulation.js';

/**
 * Runs the simulation with the environment's options and writes bench/results/simulation-<time>.json
 * (not latest.json: that is the whole `npm run bench` report, which carries this result as a field).
 */
export function runSimulationBench(log: (line: string) => void): { result: SimulationResult; path: string; table: string } {
  const startedAt = new Date();
  const options = simulationOptionsFromEnv();
  log(`simulation: ${options.halls.length} hall(s) x ${options.seeds.length} seed(s) x 2 policies, through the real queue core`);
  const result = runSimulation(options, log);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `simulation-${startedAt.toISOString().replace(/:/g, '-')}.json`);
  const report = { benchmark: 'simulation', startedAt: startedAt.toISOString(), machine: machineInfo(), ...result };
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return { result, path, table: formatSimulationTables(result) };
}
