import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `path` with `data` so that a crash or power cut at any moment leaves either the old file
 * or the new one, never half of either: write a temp file in the same directory (rename is atomic
 * only within one file system), fsync it, rename it over the target, then fsync the directory so the
 * rename itself survives a power cut.
 *
 * The temp name is fixed per process (`.<name>.<pid>.tmp`): two processes never share one, and a
 * temp left by a crash is simply overwritten by the next save. Saves of one file from one process
 * must not overlap; the hub has one writer of its config.
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  const temp = atomicTempPath(path);
  // A first start with DATA_DIR pointing at a folder that does not exist yet (the default ./data on
  // a fresh clone) creates it, readable by the hub's user only: it will hold the database and keys.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    const file = await open(temp, 'w', mode);
    try {
      await file.writeFile(data, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDir(dir);
}

export function atomicTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
