-- The hall's durable record. `events` is the append-only log every command writes to; the other
-- tables are read models rewritten in the same transaction, so they never disagree with the log.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE events (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: a seq is never reused, even after the last row is lost to a crash
  type       TEXT    NOT NULL,
  at         INTEGER NOT NULL,
  day        TEXT    NOT NULL,
  actor      TEXT,
  command_id TEXT,
  payload    TEXT    NOT NULL
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_type_at ON events (type, at);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The first result of every command, by the id its client made, so a retry gets the same answer.
CREATE TABLE commands (
  command_id TEXT PRIMARY KEY,
  name       TEXT    NOT NULL,
  actor      TEXT,
  at         INTEGER NOT NULL,
  result     TEXT    NOT NULL
);

CREATE TABLE tickets (
  id                 TEXT PRIMARY KEY,
  day                TEXT    NOT NULL,
  issued_queue_id    TEXT    NOT NULL,
  queue_id           TEXT    NOT NULL,
  seq_no             INTEGER NOT NULL,
  number             TEXT    NOT NULL,
  priority_class     TEXT,
  state              TEXT    NOT NULL,
  issued_at          INTEGER NOT NULL,
  counter_id         TEXT,
  officer_id         TEXT,
  target_counter_id  TEXT,
  targeted_at        INTEGER,
  first_called_at    INTEGER,
  called_at          INTEGER,
  calls              INTEGER NOT NULL,
  started_at         INTEGER,
  finished_at        INTEGER,
  transfers          INTEGER NOT NULL,
  procedure_code     TEXT,
  phone              TEXT,
  predicted_wait_sec INTEGER NOT NULL,
  people_ahead       INTEGER NOT NULL,
  note               TEXT,
  -- A number is never given twice in one service day, whatever a bug upstream might try.
  UNIQUE (day, issued_queue_id, seq_no),
  UNIQUE (day, number)
);
CREATE INDEX tickets_state ON tickets (state);
CREATE INDEX tickets_queue_finished ON tickets (queue_id, finished_at);

CREATE TABLE queues (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  prefix     TEXT NOT NULL,
  definition TEXT NOT NULL
);

CREATE TABLE counters (
  id                     TEXT PRIMARY KEY,
  number                 INTEGER NOT NULL,
  name                   TEXT    NOT NULL,
  definition             TEXT    NOT NULL,
  status                 TEXT    NOT NULL DEFAULT 'closed',
  pause_reason           TEXT,
  officer_id             TEXT,
  current_ticket_id      TEXT,
  normals_since_priority INTEGER NOT NULL DEFAULT 0,
  since                  INTEGER
);

CREATE TABLE officers (
  id              TEXT PRIMARY KEY,
  username        TEXT    NOT NULL UNIQUE,
  name            TEXT    NOT NULL,
  role            TEXT    NOT NULL,
  disabled        INTEGER NOT NULL DEFAULT 0,
  password_hash   TEXT,
  password_set_at INTEGER
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY, -- sha256 of the token: a copied database file does not hand out live sessions
  officer_id  TEXT    NOT NULL REFERENCES officers (id),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);
CREATE INDEX sessions_officer ON sessions (officer_id);

CREATE TABLE devices (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  name       TEXT NOT NULL,
  model      TEXT,
  link       TEXT,
  counter_id TEXT,
  last_seen_at INTEGER
);
