import { performance } from 'node:perf_hooks';
import { median } from '../lib/percentiles.js';
import { formatTable } from '../lib/table.js';
import { weekdayCurve, type ArrivalCurve } from './arrival-curve.js';
import { DEFAULT_BEHAVIOUR, type Behaviour } from './citizen-behaviour.js';
import { planDay } from './day-plan.js';
import { FCFS, OURS, type CallPolicy } from './policies.js';
import { DEFAULT_SERVICE_MODEL, type ServiceModel } from './service-time.js';
import { bigHall, demoHall, type SimHall } from './sim-halls.js';
import { dayMetrics, type DayMetrics, type MetricKey } from './sim-metrics.js';
import { simulateDay } from './simulate-day.js';

/**
 * The wait-time simulation (issue 8): each hall, each seed, one planned day replayed under our call
 * order and under plain FCFS; figures per seed, then the median across seeds with min and max.
 */
export interface SimulationOptions {
  readonly seeds: readonly number[];
  readonly halls: readonly SimHall[];
  readonly behaviour: Behaviour;
  readonly service: ServiceModel;
}

export interface Spread {
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export interface PolicyResult {
  readonly policy: CallPolicy['name'];
  readonly perSeed: readonly DayMetrics[];
  readonly summary: Readonly<Record<MetricKey, Spread>>;
}

export interface HallResult {
  readonly hall: string;
  readonly label: string;
  readonly counters: number;
  readonly expectedPerDay: number;
  readonly priority: string;
  readonly ageCapMinutes: number;
  readonly queueMix: SimHall['queueMix'];
  readonly arrivalCurve: ArrivalCurve;
  readonly policies: readonly PolicyResult[];
}

export interface SimulationResult {
  readonly seeds: readonly number[];
  readonly behaviour: Behaviour;
  readonly service: ServiceModel;
  readonly halls: readonly HallResult[];
  readonly elapsedMs: number;
}

export function defaultSimulationOptions(seedCount = 10, firstSeed = 1): SimulationOptions {
  return {
    seeds: Array.from({ length: seedCount }, (_, i) => firstSeed + i),
    halls: [demoHall(), bigHall(20)],
    behaviour: DEFAULT_BEHAVIOUR,
    service: DEFAULT_SERVICE_MODEL,
  };
}

/** The seed count and first seed from SIM_SEEDS and SIM_FIRST_SEED; a bad value is refused, not guessed. */
export function simulationOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SimulationOptions {
  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name}=${raw} is not an integer >= ${min}`);
    return n;
  };
  return defaultSimulationOptions(int('SIM_SEEDS', 10, 1), int('SIM_FIRST_SEED', 1, 0));
}

export function runSimulation(options: SimulationOptions, log: (line: string) => void): SimulationResult {
  const started = performance.now();
  const halls = options.halls.map((hall): HallResult => {
    const perPolicy = new Map<CallPolicy['name'], DayMetrics[]>([
      ['ours', []],
      ['fcfs', []],
    ]);
    for (const seed of options.seeds) {
      const plan = planDay(hall, options.behaviour, options.service, seed);
      for (const policy of [OURS, FCFS]) {
        const metrics = dayMetrics(simulateDay(hall.config, plan, policy, options.behaviour).outcomes);
        if (metrics.servedTwice > 0 || metrics.unresolved > 0) {
          throw new Error(
            `${hall.name} seed ${seed} ${policy.name}: ${metrics.servedTwice} served twice, ${metrics.unresolved} unresolved`,
          );
        }
        perPolicy.get(policy.name)?.push(metrics);
      }
    }
    log(`simulation: ${hall.name} done, ${options.seeds.length} seed(s), ${(performance.now() - started).toFixed(0)} ms so far`);
    const mode = hall.config.priority.mode;
    return {
      hall: hall.name,
      label: hall.label,
      counters: hall.config.counters.length,
      expectedPerDay: hall.expectedPerDay,
      priority: mode.kind === 'strict' ? 'strict' : `interleave 1 per ${mode.every}`,
      ageCapMinutes: hall.config.priority.ageCapMinutes,
      queueMix: hall.queueMix,
      arrivalCurve: weekdayCurve(hall.expectedPerDay),
      policies: [...perPolicy].map(([policy, perSeed]) => ({ policy, perSeed, summary: summarize(perSeed) })),
    };
  });
  return {
    seeds: options.seeds,
    behaviour: options.behaviour,
    service: options.service,
    halls,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function summarize(perSeed: readonly DayMetrics[]): Record<MetricKey, Spread> {
  const first = perSeed[0];
  if (!first) throw new Error('no seed to summarize');
  const out = {} as Record<MetricKey, Spread>;
  for (const key of Object.keys(first) as MetricKey[]) {
    const values = perSeed
      .map((m) => m[key])
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    out[key] =
      values.length === 0
        ? { median: null, min: null, max: null }
        : { median: median(values), min: values[0] ?? null, max: values[values.length - 1] ?? null };
  }
  return out;
}

/** Rows of the table: the metric, its label, and how to show it (minutes, a share as %, a count). */
const ROWS: readonly (readonly [MetricKey, string, 'min' | '%' | 'n'])[] = [
  ['citizens', 'citizens', 'n'],
  ['waitMeanMin', 'wait mean, all (min)', 'min'],
  ['waitP90Min', 'wait p90, all (min)', 'min'],
  ['waitMaxMin', 'wait max, all (min)', 'min'],
  ['priorityWaitMeanMin', 'wait mean, priority (min)', 'min'],
  ['priorityWaitP90Min', 'wait p90, priority (min)', 'min'],
  ['priorityWaitMaxMin', 'wait max, priority (min)', 'min'],
  ['normalWaitMeanMin', 'wait mean, normal (min)', 'min'],
  ['normalWaitP90Min', 'wait p90, normal (min)', 'min'],
  ['normalWaitMaxMin', 'wait max, normal = longest normal wait (min)', 'min'],
  ['over30Share', 'waiting over 30 min, all (%)', '%'],
  ['normalOver30Share', 'waiting over 30 min, normal (%)', '%'],
  ['normalsPassedPastCap', 'normal past age cap, called after a later priority', 'n'],
  ['normalsPassedByUnderCap', '  ... that priority ticket under the cap', 'n'],
  ['estimateMaeMin', 'estimate mean abs. error (min)', 'min'],
  ['estimateBiasMin', 'estimate bias, actual - told (min)', 'min'],
  ['served', 'served', 'n'],
  ['noShows', 'no-shows', 'n'],
  ['transfers', 'transfers', 'n'],
  ['expired', 'expired at day end', 'n'],
];

function show(x: number | null, unit: 'min' | '%' | 'n'): string {
  if (x === null) return '-';
  if (unit === '%') return (x * 100).toFixed(1);
  if (unit === 'n') return Number.isInteger(x) ? String(x) : x.toFixed(1);
  return x.toFixed(1);
}

function cell(s: Spread, unit: 'min' | '%' | 'n'): string {
  return `${show(s.median, unit)} [${show(s.min, unit)}–${show(s.max, unit)}]`;
}

/** One table per hall, both policies side by side: median across seeds [min–max]. */
export function formatSimulationTables(result: SimulationResult): string {
  return result.halls
    .map((h) => {
      const ours = h.policies.find((p) => p.policy === 'ours');
      const fcfs = h.policies.find((p) => p.policy === 'fcfs');
      if (!ours || !fcfs) return '';
      const title =
        `Wait-time simulation: ${h.label}, ~${h.expectedPerDay} citizens/day, priority ${h.priority}, ` +
        `age cap ${h.ageCapMinutes} min; ${result.seeds.length} seeds, median [min–max]`;
      const rows = ROWS.map(([key, label, unit]) => [label, cell(ours.summary[key], unit), cell(fcfs.summary[key], unit)]);
      return `${title}\n${formatTable(['figure', 'ours', 'fcfs'], rows)}`;
    })
    .join('\n\n');
}
