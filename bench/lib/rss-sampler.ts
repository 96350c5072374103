import { readFileSync } from 'node:fs';
import { round3 } from './percentiles.js';

/**
 * Samples a process's resident set size from /proc/<pid>/status. Read from outside the hub, so
 * measuring costs the hub nothing and reflects the whole process (V8 heap, SQLite page cache,
 * socket buffers), not only what process.memoryUsage() of one isolate would say. Linux only: on
 * other systems every sample is null and the report says so rather than inventing numbers.
 */
export interface RssSample {
  /** performance.now() of the load process, so samples line up with the load's phases. */
  readonly t: number;
  readonly mb: number;
}

export interface RssSampler {
  /** The latest sample's index: lets the caller mark "load started here". */
  mark(): number;
  stop(): RssSample[];
}

export function readRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? round3(Number(m[1]) / 1024) : null;
  } catch {
    return null; // no /proc (not Linux) or the process is gone
  }
}

export function startRssSampler(pid: number, everyMs = 500): RssSampler {
  const samples: RssSample[] = [];
  const take = () => {
    const mb = readRssMb(pid);
    if (mb !== null) samples.push({ t: performance.now(), mb });
  };
  take();
  const timer = setInterval(take, everyMs);
  // The sampler must never be the thing keeping the load process alive.
  timer.unref();
  return {
    mark() {
      take();
      return samples.length - 1;
    },
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

export interface RssSummary {
  readonly readyMb: number | null;
  readonly startMb: number | null;
  readonly peakMb: number | null;
  readonly endMb: number | null;
  /** Every sample as [seconds since load started, MB]: shows growth that start/peak/end hide. */
  readonly series: readonly (readonly [number, number])[];
}

/** Start is the sample taken as load began; peak covers load and drain; end is the last sample. */
export function summarizeRss(samples: readonly RssSample[], loadStartIndex: number): RssSummary {
  const during = samples.slice(Math.max(0, loadStartIndex));
  const t0 = samples[loadStartIndex]?.t ?? samples[0]?.t ?? 0;
  return {
    readyMb: samples[0]?.mb ?? null,
    startMb: samples[loadStartIndex]?.mb ?? null,
    peakMb: during.length > 0 ? Math.max(...during.map((s) => s.mb)) : null,
    endMb: samples[samples.length - 1]?.mb ?? null,
    series: samples.map((s) => [round3((s.t - t0) / 1000), s.mb] as const),
  };
}
