import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** Enough about the machine to tell whether two reports are comparable at all. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly totalMemoryMb: number;
  readonly node: string;
  readonly platform: string;
  readonly release: string;
  /** 1, 5 and 15 minute load averages when the bench started: a busy machine explains noisy runs. */
  readonly loadAverage: readonly number[];
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    totalMemoryMb: Math.round(totalmem() / (1024 * 1024)),
    node: process.version,
    platform: platform(),
    release: release(),
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
