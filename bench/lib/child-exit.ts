import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * A benchmark's child server (the hub, the reference province): its exit as a promise, and the
 * one way to stop it: SIGTERM, SIGKILL if it has not gone within `graceMs`, then its data dir
 * removed. A CPU profile is written as a child exits, so the grace is the caller's to set.
 */
export interface ChildExit {
  readonly exit: Promise<void>;
  stop(graceMs?: number): Promise<void>;
  /** At once, for a child that failed to start; its dir goes too. */
  kill(): void;
}

export function watchChildExit(child: ChildProcess, dir: string): ChildExit {
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  return {
    exit,
    async stop(graceMs = 5000) {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
    kill() {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
