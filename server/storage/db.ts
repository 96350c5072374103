import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the hall's database. WAL lets readers (reports, health) run beside the writer;
 * synchronous=FULL makes every committed command survive a power cut, which matters more here than
 * the few milliseconds it costs: a citizen holding a printed number must find it after a crash.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  // It holds citizens' phone numbers: readable by the hub's user only. SQLite gives the -wal and
  // -shm files the same mode as the database file.
  if (file !== ':memory:') chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
