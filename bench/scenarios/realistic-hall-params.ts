import { ISSUE_RATES } from '../../server/services/issue-limits.js';
import { numberFromEnv, positive, positiveInt } from '../lib/params.js';

/**
 * The realistic hall's knobs, from the environment like the other benchmarks'. The defaults are a
 * busy day compressed about 100-fold: 25 citizens per counter (a real counter serves 20-30 a day) in
 * 5 minutes, so 250, 1,500 and 5,000 tickets at 10, 60 and 200 counters, the same load per counter
 * at every size. Three sizes take about 17 minutes on 2 cores; HALL_RUNS=3 three times that.
 * Compressed 150-fold (HALL_DAY_SECONDS=180), 200 counters is past what one core can fan out
 * (BENCHMARKS.md).
 */
export interface HallLoadParams {
  /** Hall sizes to run, one row each (HALL_COUNTERS="10,60,200"). */
  readonly counterSizes: readonly number[];
  /** Days per size, each on a fresh hub; the table gives their medians (HALL_RUNS). */
  readonly runs: number;
  /** Citizens arrive at the kiosks during this many seconds. */
  readonly daySeconds: number;
  /** Tickets per counter over the day: the per-counter load is the same at every size. */
  readonly ticketsPerCounter: number;
  readonly displays: number;
  /** Kiosk screens connected over socket.io. Issuing may be spread over more kiosk keys: see kioskKeys. */
  readonly kiosks: number;
  readonly supervisors: number;
  /** Share of served citizens who answer the survey at the counter's pad. */
  readonly ratedShare: number;
  readonly priorityShare: number;
  /** Each kiosk gets a network ticket printer (a sink on loopback), as in a hall. */
  readonly printers: boolean;
  /** After the last arrival, how long officers may go on serving those still waiting. */
  readonly drainSeconds: number;
  readonly seed: number;
  /** Most tickets one kiosk key issues a minute: under the hub's per-kiosk limit, with room for jitter. */
  readonly kioskPerMinute: number;
  /** The hub's sign-in and issuing limits, on as in an office (HALL_RATE_LIMITS=0 lifts them). */
  readonly rateLimits: boolean;
  /**
   * Let the fresh hub make its catch-up backup within its first minute (HALL_CATCH_UP_BACKUP=1), as
   * after a restart in the day; by default it finds the night's backup made, as a hub running 24/7.
   */
  readonly catchUpBackup: boolean;
  /** Write a V8 CPU profile of the hub (--cpu-prof) per size into bench/results/. */
  readonly cpuProfile: boolean;
  readonly ackTimeoutMs: number;
}

const share = (n: number) => n >= 0 && n <= 1;

function sizesFromEnv(): number[] {
  const raw = process.env.HALL_COUNTERS ?? '10,60,200';
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  // 999 is the highest counter number the site config accepts.
  if (sizes.length === 0 || !sizes.every((n) => Number.isInteger(n) && n > 0 && n <= 999)) {
    throw new Error(`HALL_COUNTERS=${raw} is not a list of counter counts like 10,60,200`);
  }
  return sizes;
}

export function hallParamsFromEnv(): HallLoadParams {
  return {
    counterSizes: sizesFromEnv(),
    runs: numberFromEnv('HALL_RUNS', 1, positiveInt),
    daySeconds: numberFromEnv('HALL_DAY_SECONDS', 300, positive),
    ticketsPerCounter: numberFromEnv('HALL_TICKETS_PER_COUNTER', 25, positive),
    displays: numberFromEnv('HALL_DISPLAYS', 20, positiveInt),
    kiosks: numberFromEnv('HALL_KIOSKS', 8, positiveInt),
    supervisors: numberFromEnv('HALL_DASHBOARDS', 5, (n) => Number.isInteger(n) && n >= 0),
    ratedShare: numberFromEnv('HALL_RATED_SHARE', 0.5, share),
    priorityShare: numberFromEnv('HALL_PRIORITY_SHARE', 0.15, share),
    printers: (process.env.HALL_PRINTERS ?? '1') !== '0',
    drainSeconds: numberFromEnv('HALL_DRAIN_SECONDS', 45, positive),
    seed: numberFromEnv('HALL_SEED', 1, Number.isInteger),
    kioskPerMinute: numberFromEnv('HALL_KIOSK_PER_MINUTE', Math.floor(ISSUE_RATES.perActor.perMinute * 0.8), positive),
    rateLimits: (process.env.HALL_RATE_LIMITS ?? '1') !== '0',
    catchUpBackup: process.env.HALL_CATCH_UP_BACKUP === '1',
    cpuProfile: process.env.HALL_CPU_PROF === '1',
    ackTimeoutMs: 10_000,
  };
}

/** Kiosk keys needed so none issues faster than `kioskPerMinute`; at least the hall's kiosks. */
export function kioskKeys(p: HallLoadParams, counters: number): number {
  const perMinute = (counters * p.ticketsPerCounter * 60) / p.daySeconds;
  return Math.max(p.kiosks, Math.ceil(perMinute / p.kioskPerMinute));
}
