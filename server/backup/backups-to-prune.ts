import { backupTimeOf, compareBackupNames } from './backup-names.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which backups are past keeping: taken more than `keepDays` days before `now`. The newest is never
 * among them, however old (a hub switched off for a month still has its last good copy), and a file
 * whose name is not a backup's is never touched: an admin may keep their own copies in the folder.
 */
export function backupsToPrune(names: readonly string[], now: number, keepDays: number): string[] {
  const ours = names.filter((n) => backupTimeOf(n) !== null).sort(compareBackupNames);
  const newest = ours.at(-1);
  const cutoff = now - keepDays * DAY_MS;
  return ours.filter((n) => n !== newest && (backupTimeOf(n) as number) < cutoff);
}
