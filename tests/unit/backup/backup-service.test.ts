import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBackupFile } from '../../../server/backup/check-backup.js';
import { BackupService, BackupWriteError } from '../../../server/services/backup-service.js';
import { silentLogger } from '../../../server/services/logger.js';
import { openDatabase, type Db } from '../../../server/storage/db.js';
import { migrate } from '../../../server/storage/migrate.js';
import { auditLogRepository } from '../../../server/storage/repositories/audit-log.js';
import { eventsRepository } from '../../../server/storage/repositories/events.js';
import { ManualClock } from '../../helpers/manual-clock.js';

const vn = (y: number, mo: number, d: number, h: number, mi: number) => Date.UTC(y, mo - 1, d, h - 7, mi);
const DAY = 24 * 60 * 60 * 1000;

describe('BackupService on a real database with a manual clock', () => {
  let dir: string;
  let db: Db;
  let clock: ManualClock;
  let service: BackupService;

  const appendEvents = (n: number) => {
    const events = eventsRepository(db);
    for (let i = 0; i < n; i++)
      events.append({ type: 'test:event', at: clock.now(), day: '2026-07-01', actor: null, commandId: null, payload: { i } });
  };
  const backupFiles = () => readdirSync(join(dir, 'backups')).sort();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
    db = openDatabase(join(dir, 'hall.db'));
    migrate(db);
    clock = new ManualClock(vn(2026, 7, 1, 1, 0));
    service = new BackupService({
      db,
      clock,
      logger: silentLogger,
      audit: auditLogRepository(db),
      options: { dir: join(dir, 'backups'), hour: 2, minute: 30, keepDays: 3 },
    });
  });
  afterEach(async () => {
    await service.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes the nightly backup once per 02:30, catching up a missed one, and prunes by age', async () => {
    appendEvents(5);
    // No backup yet, and 02:30 of the day before has passed: due at once.
    expect((await service.runDue())?.name).toBe('hall-20260701-010000.db');
    expect(await service.runDue()).toBeNull();
    clock.set(vn(2026, 7, 1, 2, 29));
    expect(await service.runDue()).toBeNull();
    for (let day = 1; day <= 10; day++) {
      clock.set(vn(2026, 7, day, 2, 31));
      appendEvents(1);
      const made = await service.runDue();
      expect(made?.name).toBe(`hall-202607${String(day).padStart(2, '0')}-023100.db`);
      expect(made?.events).toBe(5 + day);
      expect(await service.runDue()).toBeNull();
    }
    // Kept 3 days: the ones taken at or after 02:31 on the 7th.
    expect(backupFiles()).toEqual([
      'hall-20260707-023100.db',
      'hall-20260708-023100.db',
      'hall-20260709-023100.db',
      'hall-20260710-023100.db',
    ]);
    const audit = auditLogRepository(db).list({ limit: 50, action: 'backup:made' });
    expect(audit).toHaveLength(11);
    expect(audit[0]).toMatchObject({ actor: 'system' });
    expect(audit[0]?.changes.map((c) => c.path)).toEqual([
      '/backups/hall-20260710-023100.db',
      '/backups/hall-20260706-023100.db',
    ]);
  });

  it('writes files only the hub user can read, each one checked and self-contained', async () => {
    appendEvents(3);
    const made = await service.backupNow({ actor: 'officer:giamsat', actorName: 'Giám sát' });
    const file = join(dir, 'backups', made.name);
    expect(statSync(join(dir, 'backups')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(checkBackupFile(file)).toEqual({ ok: true, problems: [], events: 3, lastSeq: 3 });
    // Checked read-only without a -wal or -shm appearing beside it: a rollback-journal file.
    expect(backupFiles()).toEqual([made.name]);
    expect((await service.list()).map((b) => [b.name, b.events])).toEqual([[made.name, 3]]);
  });

  it('gives two backups in the same second their own names, and one asked twice at once is one backup', async () => {
    const [a, b] = await Promise.all([
      service.backupNow({ actor: 'system', actorName: null }),
      service.backupNow({ actor: 'system', actorName: null }),
    ]);
    expect(a).toEqual(b);
    const c = await service.backupNow({ actor: 'system', actorName: null });
    expect(c.name).toBe(a.name.replace('.db', '-2.db'));
    expect(backupFiles()).toEqual([a.name, c.name].sort());
  });

  it('fails clearly when the folder cannot be written, leaves the database as it was, and waits before trying again', async () => {
    appendEvents(2);
    // A file where the folder should be: unwritable for root too.
    writeFileSync(join(dir, 'backups'), 'not a folder');
    await expect(service.backupNow({ actor: 'system', actorName: null })).rejects.toBeInstanceOf(BackupWriteError);
    expect(service.failure()?.message).toMatch(/could not be written/);
    expect(eventsRepository(db).count()).toBe(2);
    expect(auditLogRepository(db).list({ limit: 5 })).toEqual([]);
    rmSync(join(dir, 'backups'));
    clock.advance(14 * 60_000);
    expect(await service.runDue()).toBeNull();
    clock.advance(60_000);
    expect((await service.runDue())?.events).toBe(2);
    expect(service.failure()).toBeNull();
  });

  it('serves a backup file by name only', async () => {
    const made = await service.backupNow({ actor: 'system', actorName: null });
    expect(await service.fileOf(made.name)).toBe(join(dir, 'backups', made.name));
    expect(await service.fileOf('../hall.db')).toBeNull();
    expect(await service.fileOf('hall-20200101-000000.db')).toBeNull();
    clock.advance(DAY);
    expect(service.nextNightlyAt()).toBe(vn(2026, 7, 2, 2, 30));
  });
});
