import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { backupTimeOf, compareBackupNames } from './backup-names.js';

export interface BackupFile {
  readonly name: string;
  readonly size: number;
  /** When it was taken, from its name. */
  readonly at: number;
  readonly mtimeMs: number;
}

/** The backups in `dir`, newest first; none when the folder does not exist (yet). */
export async function listBackupFiles(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    // No folder yet, or a file in its place (the next backup reports that): nothing to list.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
  const out: BackupFile[] = [];
  for (const name of names
    .filter((n) => backupTimeOf(n) !== null)
    .sort(compareBackupNames)
    .reverse()) {
    try {
      const s = await stat(join(dir, name));
      if (s.isFile()) out.push({ name, size: s.size, at: backupTimeOf(name) as number, mtimeMs: s.mtimeMs });
    } catch {
      // Pruned between readdir and stat: no longer a backup to list.
    }
  }
  return out;
}
