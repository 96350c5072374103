import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small RAM disk for the disk-full fault: mounting needs root (CI containers here run as root).
 * Answers null when this machine cannot mount one, so the test says it was skipped and why.
 */
export function mountTmpfs(sizeMb: number): { readonly dir: string; unmount(): void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-fault-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    rmdirSync(dir);
    return null;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmdirSync(dir);
    },
  };
}

/** Writes a file until the disk refuses another byte; answers its path (delete it to free the disk). */
export function fillDisk(dir: string): string {
  const file = join(dir, 'filler.bin');
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(64 * 1024, 0x5a);
  try {
    for (const size of [page.length, 4096, 1]) {
      try {
        for (;;) writeSync(fd, page, 0, size);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

/** Whether this machine can mount a tmpfs (checked once, by mounting a tiny one). */
export function canMountTmpfs(): boolean {
  const probe = mountTmpfs(1);
  probe?.unmount();
  return probe !== null;
}
