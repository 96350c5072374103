import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupName } from '../../server/backup/backup-names.js';
import { lastSlotAtOrBefore } from '../../server/backup/nightly-slot.js';
import { DEFAULT_BACKUP_SCHEDULE } from '../../server/services/backup-service.js';

/**
 * A fresh hub has no backup, so it makes the "missed" nightly one within its first minute, in the
 * middle of the measured day. A hall's hub runs through the night and made it at 02:30. This puts
 * an (empty) file under that night's name in the hub's backup folder before its first check, so
 * the day is measured as an ordinary day. Only the name is read to decide; the file is never opened
 * unless someone lists backups on the admin page.
 */
export function markNightlyBackupDone(dataDir: string, now = Date.now()): string {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = backupName(lastSlotAtOrBefore(now, DEFAULT_BACKUP_SCHEDULE.hour, DEFAULT_BACKUP_SCHEDULE.minute));
  writeFileSync(join(dir, name), '', { mode: 0o600 });
  return name;
}

/** Backups the hub made itself (non-empty files), e.g. its catch-up backup when none was marked. */
export function backupsMade(dataDir: string): number {
  try {
    const dir = join(dataDir, 'backups');
    return readdirSync(dir).filter((f) => f.endsWith('.db') && statSync(join(dir, f)).size > 0).length;
  } catch {
    return 0; // no folder: none made
  }
}
