import Database from 'better-sqlite3';

export interface BackupCheck {
  readonly ok: boolean;
  /** What PRAGMA integrity_check said ("ok" when all is well), or why the file could not be opened. */
  readonly problems: readonly string[];
  /** Rows in the event log, or null when the file could not be read. */
  readonly events: number | null;
  readonly lastSeq: number | null;
}

/**
 * Opens a backup read-only and checks it: SQLite's own integrity check over every page and index,
 * then the event log, which every hall database has. A file that is not a hall database (no events
 * table) fails the check like a damaged one. The file must be in rollback-journal mode (the backup
 * writer leaves it so): a read-only open of a WAL file would create -wal and -shm beside it.
 */
export function checkBackupFile(file: string): BackupCheck {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) return { ok: false, problems, events: null, lastSeq: null };
    const row = db.prepare('SELECT count(*) AS n, COALESCE(max(seq), 0) AS last FROM events').get() as {
      n: number;
      last: number;
    };
    return { ok: true, problems: [], events: row.n, lastSeq: row.last };
  } catch (err) {
    return { ok: false, problems: [(err as Error).message], events: null, lastSeq: null };
  } finally {
    db?.close();
  }
}

/** Rows in a backup's event log, without the full integrity check: for listing the folder. */
export function countBackupEvents(file: string): number | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
