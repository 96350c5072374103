-- Dossiers the hall knows of: received at its counters (a later issue), or last seen from the
-- province's system. The kiosk's status look-up reads only status and dates from here.
CREATE TABLE dossiers (
  code           TEXT PRIMARY KEY,
  procedure_code TEXT,
  status         INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
  received_at    INTEGER,
  appointment_at INTEGER,
  finished_at    INTEGER,
  updated_at     INTEGER NOT NULL
);
