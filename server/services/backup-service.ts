import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { backupName, backupTimeOf, isBackupName } from '../backup/backup-names.js';
import { backupsToPrune } from '../backup/backups-to-prune.js';
import { countBackupEvents } from '../backup/check-backup.js';
import { listBackupFiles } from '../backup/list-backups.js';
import { lastSlotAtOrBefore, nextSlotAfter } from '../backup/nightly-slot.js';
import { BackupWriteError, writeBackup } from '../backup/write-backup.js';
import type { Clock } from '../core/ports.js';
import type { Db } from '../storage/db.js';
import type { AuditLogRepository } from '../storage/repositories/audit-log.js';
import type { Logger } from './logger.js';

export { BackupWriteError } from '../backup/write-backup.js';

export interface BackupOptions {
  /** Where backups go: DATA_DIR/backups. */
  readonly dir: string;
  /** The nightly backup's local time (Asia/Ho_Chi_Minh). */
  readonly hour: number;
  readonly minute: number;
  /** Backups older than this many days are deleted after each new one (never the newest). */
  readonly keepDays: number;
  /** How often the timer looks whether the nightly backup is due; a minute by default. */
  readonly checkEveryMs?: number;
}

export const DEFAULT_BACKUP_SCHEDULE = { hour: 2, minute: 30, keepDays: 14 } as const;

/** After a failed nightly backup, the next try waits this long rather than filling the log every minute. */
const RETRY_AFTER_MS = 15 * 60_000;

export interface BackupInfo {
  readonly name: string;
  readonly size: number;
  readonly at: number;
  /** Rows in its event log; null when the file cannot be read. */
  readonly events: number | null;
}

export interface BackupActor {
  readonly actor: string;
  readonly actorName: string | null;
}

const SYSTEM: BackupActor = { actor: 'system', actorName: null };

export interface BackupServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly audit: AuditLogRepository | null;
  readonly options: BackupOptions;
}

/**
 * Backups of the hall's database: on demand and nightly, each checked before it counts, old ones
 * pruned. The nightly one is "due" when no backup exists since the last 02:30: a hub that was off
 * at that hour makes it at its next check, so an office PC switched off at night still gets one a
 * day. One backup runs at a time; asking while one runs gets that one.
 */
export class BackupService {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<BackupInfo> | null = null;
  private lastFailure: { at: number; message: string } | null = null;
  /** Event counts of listed files, by name, so a listing opens each file once. */
  private readonly counts = new Map<string, { mtimeMs: number; events: number | null }>();

  constructor(private readonly deps: BackupServiceDeps) {}

  get options(): BackupOptions {
    return this.deps.options;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runDue().catch(() => undefined), this.deps.options.checkEveryMs ?? 60_000);
    this.timer.unref();
  }

  /** Stops the timer and waits for a backup under way, so the hub closes its database after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  nextNightlyAt(): number {
    return nextSlotAfter(this.deps.clock.now(), this.deps.options.hour, this.deps.options.minute);
  }

  failure(): { at: number; message: string } | null {
    return this.lastFailure;
  }

  /** Makes the nightly backup when it is due; answers it, or null when none was due. */
  async runDue(): Promise<BackupInfo | null> {
    const now = this.deps.clock.now();
    const { hour, minute } = this.deps.options;
    if (this.running) return null;
    if (this.lastFailure && now - this.lastFailure.at < RETRY_AFTER_MS) return null;
    const newest = (await listBackupFiles(this.deps.options.dir))[0];
    if (newest && newest.at >= lastSlotAtOrBefore(now, hour, minute)) return null;
    try {
      return await this.backupNow(SYSTEM);
    } catch {
      return null; // logged and kept in lastFailure by backupNow
    }
  }

  /** Makes a backup now. Throws BackupWriteError when it cannot be written; the database is untouched. */
  backupNow(by: BackupActor): Promise<BackupInfo> {
    if (!this.running) {
      this.running = this.make(by).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  async list(): Promise<BackupInfo[]> {
    const files = await listBackupFiles(this.deps.options.dir);
    return files.map((f) => {
      let cached = this.counts.get(f.name);
      if (!cached || cached.mtimeMs !== f.mtimeMs) {
        cached = { mtimeMs: f.mtimeMs, events: countBackupEvents(join(this.deps.options.dir, f.name)) };
        this.counts.set(f.name, cached);
      }
      return { name: f.name, size: f.size, at: f.at, events: cached.events };
    });
  }

  /** The file of a backup by its name, or null: only backup names are served, never a path. */
  async fileOf(name: string): Promise<string | null> {
    if (!isBackupName(name)) return null;
    const found = (await listBackupFiles(this.deps.options.dir)).some((f) => f.name === name);
    return found ? join(this.deps.options.dir, name) : null;
  }

  private async make(by: BackupActor): Promise<BackupInfo> {
    const { dir, keepDays } = this.deps.options;
    const now = this.deps.clock.now();
    const existing = new Set((await listBackupFiles(dir).catch(() => [])).map((f) => f.name));
    let copy = 1;
    while (existing.has(backupName(now, copy))) copy++;
    const name = backupName(now, copy);
    const started = performance.now();
    let written;
    try {
      written = await writeBackup(this.deps.db, dir, name);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.lastFailure = { at: now, message };
      this.deps.logger.error(
        { err, dir, name, problems: err instanceof BackupWriteError ? err.problems : [] },
        'backup failed: the database is unchanged',
      );
      throw err instanceof BackupWriteError ? err : new BackupWriteError(message);
    }
    this.lastFailure = null;
    const info: BackupInfo = { name, size: written.size, at: backupTimeOf(name) ?? now, events: written.check.events };
    const pruned = await this.prune(now, keepDays);
    this.deps.logger.info(
      { name, bytes: info.size, events: info.events, ms: Math.round(performance.now() - started), pruned, by: by.actor },
      'backup made',
    );
    this.deps.audit?.append({
      at: now,
      actor: by.actor,
      actorName: by.actorName,
      action: 'backup:made',
      summary:
        `Backup ${name} made (${info.events ?? 0} events, ${info.size} bytes)` +
        (pruned.length > 0 ? `; ${pruned.length} older than ${keepDays} days deleted` : ''),
      changes: [
        { path: `/backups/${name}`, before: null, after: { size: info.size, events: info.events } },
        ...pruned.map((p) => ({ path: `/backups/${p}`, before: 'kept', after: null })),
      ],
    });
    return info;
  }

  private async prune(now: number, keepDays: number): Promise<string[]> {
    const { dir } = this.deps.options;
    const names = (await listBackupFiles(dir)).map((f) => f.name);
    const gone: string[] = [];
    for (const name of backupsToPrune(names, now, keepDays)) {
      try {
        await unlink(join(dir, name));
        this.counts.delete(name);
        gone.push(name);
      } catch (err) {
        this.deps.logger.warn({ err, name }, 'old backup could not be deleted');
      }
    }
    return gone;
  }
}
