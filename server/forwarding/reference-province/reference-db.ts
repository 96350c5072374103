import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type ReferenceDb = Database.Database;

/**
 * The reference province system's own database: a separate system, so it shares no file and no
 * code with the hub's storage. The same pragmas as the hub (WAL, synchronous=FULL): a test that
 * stops it and starts it again must find exactly what it acknowledged.
 */
export function openReferenceDb(file: string): ReferenceDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS dossiers (
  ma_ho_so          TEXT PRIMARY KEY,
  payload           TEXT NOT NULL,
  status            INTEGER NOT NULL,
  ngay_tiep_nhan    TEXT NOT NULL,
  ngay_hen_tra      TEXT NOT NULL,
  ngay_co_ket_qua   TEXT,
  ngay_tra_ket_qua  TEXT,
  idempotency_key   TEXT NOT NULL,
  stored_at         INTEGER NOT NULL,
  status_changed_at INTEGER NOT NULL
);
-- Every step of every dossier, in the order it was stored: what the hub pushed (source 'hub') and
-- what the province did on its own schedule (source 'province').
CREATE TABLE IF NOT EXISTS progress (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  ma_ho_so        TEXT NOT NULL REFERENCES dossiers (ma_ho_so),
  source          TEXT NOT NULL CHECK (source IN ('hub', 'province')),
  status          INTEGER NOT NULL,
  payload         TEXT NOT NULL,
  idempotency_key TEXT,
  stored_at       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS progress_dossier ON progress (ma_ho_so, id);
CREATE TABLE IF NOT EXISTS ratings (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  ma_ho_so        TEXT,
  so_thu_tu       TEXT,
  payload         TEXT NOT NULL,
  stored_at       INTEGER NOT NULL
);
-- One row per day and agency: a later push with a new key replaces the figures (revision + 1).
CREATE TABLE IF NOT EXISTS figures (
  ngay            TEXT NOT NULL,
  ma_don_vi       TEXT NOT NULL,
  payload         TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL,
  stored_at       INTEGER NOT NULL,
  PRIMARY KEY (ngay, ma_don_vi)
);
-- The first answer given for each key, per operation: a repeat gets "đã tồn tại" with it.
CREATE TABLE IF NOT EXISTS idempotency (
  operation TEXT NOT NULL,
  key       TEXT NOT NULL,
  result    TEXT NOT NULL,
  stored_at INTEGER NOT NULL,
  PRIMARY KEY (operation, key)
);
-- Every request that reached a handler, with the answer it got (or the fault injected): tests
-- count repeats and faults here.
CREATE TABLE IF NOT EXISTS deliveries (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        INTEGER NOT NULL,
  operation TEXT NOT NULL,
  key       TEXT,
  status    INTEGER NOT NULL,
  code      TEXT,
  fault     TEXT
);
`;
