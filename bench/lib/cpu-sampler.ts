import { readFileSync } from 'node:fs';
import { round3 } from './percentiles.js';

/**
 * The CPU time a process has used, read from /proc/<pid>/stat (user + system, every thread: the
 * main loop, libuv's pool, SQLite's and the report worker's threads). Read from outside, like the
 * RSS sampler, so measuring costs the hub nothing. Linux only; elsewhere every reading is null.
 */
// USER_HZ: the unit of utime/stime. 100 on every Linux architecture Node runs on.
const TICKS_PER_SEC = 100;

export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / TICKS_PER_SEC : null;
  } catch {
    return null; // no /proc (not Linux) or the process is gone
  }
}

export interface CpuSummary {
  /** CPU seconds used over the window. */
  readonly cpuSeconds: number | null;
  readonly wallSeconds: number;
  /** Mean over the window; 100 % is one core busy. */
  readonly meanPercent: number | null;
  /** The busiest `windowSec` stretch (a sampler tick of its own), in the same unit. */
  readonly peakPercent: number | null;
  /** [seconds since start, % over the tick before]: where in the day the CPU went. */
  readonly series: readonly (readonly [number, number])[];
}

export interface CpuSampler {
  stop(): CpuSummary;
}

export function startCpuSampler(pid: number, everyMs = 5000): CpuSampler {
  const t0 = performance.now();
  const first = readCpuSeconds(pid);
  const series: [number, number][] = [];
  let last = { t: t0, cpu: first };
  const take = () => {
    const now = { t: performance.now(), cpu: readCpuSeconds(pid) };
    if (now.cpu !== null && last.cpu !== null && now.t > last.t) {
      series.push([round3((now.t - t0) / 1000), round3(((now.cpu - last.cpu) * 100_000) / (now.t - last.t))]);
    }
    last = now;
  };
  const timer = setInterval(take, everyMs);
  // Never the thing that keeps the load process alive.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const end = { t: performance.now(), cpu: readCpuSeconds(pid) };
      const wallSeconds = (end.t - t0) / 1000;
      const cpuSeconds = first !== null && end.cpu !== null ? end.cpu - first : null;
      return {
        cpuSeconds: cpuSeconds === null ? null : round3(cpuSeconds),
        wallSeconds: round3(wallSeconds),
        meanPercent: cpuSeconds === null || wallSeconds <= 0 ? null : round3((cpuSeconds * 100) / wallSeconds),
        peakPercent: series.length > 0 ? Math.max(...series.map((s) => s[1])) : null,
        series,
      };
    },
  };
}
