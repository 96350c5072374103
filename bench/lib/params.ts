/**
 * The benchmark's knobs, from the environment so CI and a developer can change them without
 * editing code. Defaults keep three runs well under 2.5 minutes on a small machine.
 */
export interface BenchParams {
  /** Commands per second offered to the hub, issue and call-next together. */
  readonly ratePerSec: number;
  readonly seconds: number;
  readonly runs: number;
  readonly displays: number;
  /** Share of the slots that are call-next; the rest issue tickets, so the queues keep growing. */
  readonly callShare: number;
  /** Tickets issued to each queue before measuring, so the first calls find someone waiting. */
  readonly backlogPerQueue: number;
  readonly ackTimeoutMs: number;
  /** How long after the last send to wait for acks and display facts still on their way. */
  readonly drainTimeoutMs: number;
}

/** A number from the environment, `fallback` when unset; a value that fails `check` stops the bench. */
export function numberFromEnv(name: string, fallback: number, check: (n: number) => boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new Error(`${name}=${raw} is not a valid value`);
  return n;
}

export const positive = (n: number) => n > 0;
export const positiveInt = (n: number) => Number.isInteger(n) && n > 0;

export function paramsFromEnv(): BenchParams {
  return {
    ratePerSec: numberFromEnv('BENCH_RATE', 50, positive),
    seconds: numberFromEnv('BENCH_SECONDS', 20, positive),
    runs: numberFromEnv('BENCH_RUNS', 3, positiveInt),
    displays: numberFromEnv('BENCH_DISPLAYS', 100, positiveInt),
    callShare: numberFromEnv('BENCH_CALL_SHARE', 0.4, (n) => n >= 0 && n < 1),
    backlogPerQueue: numberFromEnv('BENCH_BACKLOG', 10, (n) => Number.isInteger(n) && n >= 0),
    ackTimeoutMs: 10_000,
    drainTimeoutMs: 10_000,
  };
}
