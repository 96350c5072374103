import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the hall's database. WAL lets readers (reports, health) run beside the writer;
 * synchronous=FULL makes every committed command survive a power cut, which matters more here than
 * the few milliseconds it costs: a citizen holding a printed number must find it after a crash.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    keepFolderPrivate(dirname(file), file);
  }
  const db = new Database(file);
  // It holds citizens' phone numbers and officers' password hashes: readable by the hub's user only.
  if (file !== ':memory:') chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite gives new -wal and -shm files the database file's mode, but ones left by an earlier run
  // (or copied in with a backup) keep whatever mode they had.
  if (file !== ':memory:') for (const extra of ['-wal', '-shm']) if (existsSync(file + extra)) chmodSync(file + extra, 0o600);
  return db;
}

/**
 * The data folder (database, site.yaml with the device keys, backups) loses any access by group and
 * others, when it is plainly the hub's: owned by the hub's user, not a shared sticky folder like
 * /tmp, and either empty or already holding this database. So a DATA_DIR pointed by mistake at a
 * folder other programs use (/var/lib, a home) is never changed for them, even by a hub run as root.
 */
function keepFolderPrivate(dir: string, file: string): void {
  const st = statSync(dir);
  if ((st.mode & 0o077) === 0) return;
  const owned = typeof process.getuid === 'function' && st.uid === process.getuid() && (st.mode & 0o1000) === 0;
  if (owned && (existsSync(file) || readdirSync(dir).length === 0)) chmodSync(dir, st.mode & 0o700);
}
