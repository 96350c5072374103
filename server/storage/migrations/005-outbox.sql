-- What the hub owes the province's one-stop system (DESIGN.md section 7). A row is written in the
-- same transaction as the event that owes it, so nothing owed is ever lost; the outbox worker sends
-- them and marks each done (or dead after too many tries, for an admin to see, retry and export).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  -- dossier | progress | rating | figures
  kind            TEXT NOT NULL,
  -- Sent with the item; the province system answers "đã tồn tại" for one it already has.
  idempotency_key TEXT NOT NULL UNIQUE,
  -- Items of one stream are sent in id order, one at a time (a dossier's progress never overtakes
  -- the dossier itself); different streams do not wait for each other.
  stream          TEXT NOT NULL,
  payload         TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  done_at         INTEGER
);

CREATE INDEX outbox_pending ON outbox (status, stream, id);

-- The full dossier as received at a counter (the dossiers table keeps the status the kiosk reads).
-- Personal data: kept for the receipt and the province system, never sent to the hall's screens.
CREATE TABLE dossier_records (
  code           TEXT PRIMARY KEY REFERENCES dossiers (code),
  day            TEXT NOT NULL,
  sequence       INTEGER NOT NULL,
  ticket_id      TEXT,
  counter_id     TEXT NOT NULL,
  officer_id     TEXT NOT NULL,
  record         TEXT NOT NULL,
  -- The receipt's secret: asked at the kiosk before any detail beyond status and dates is shown.
  secret         TEXT NOT NULL,
  UNIQUE (day, sequence)
);
