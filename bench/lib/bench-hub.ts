import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildHub } from '../../tests/helpers/child-hub.js';

/**
 * A hub in its own process on a fresh temp data dir. A separate process so the load generator and
 * its 100 display sockets do not share the hub's event loop (which would put the client's work into
 * the hub's latency), and so the hub's RSS can be read on its own.
 */
export interface BenchHub {
  readonly url: string;
  readonly pid: number;
  readonly dir: string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; removes the data dir. */
  stop(graceMs?: number): Promise<void>;
}

export async function startBenchHub(): Promise<BenchHub> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  let hub;
  try {
    hub = await startChildHub(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const { child } = hub;
  if (child.pid === undefined) throw new Error('hub child has no pid');
  let exited = child.exitCode !== null || child.signalCode !== null;
  const exit = new Promise<void>((resolve) => {
    if (exited) return resolve();
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  return {
    url: hub.url,
    pid: child.pid,
    dir,
    async stop(graceMs = 5000) {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
