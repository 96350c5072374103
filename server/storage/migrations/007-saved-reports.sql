-- Reports (issue 7). The kept weekly reports: each row names its files in DATA_DIR/reports/, and
-- the unique key makes "never twice for the same week" a fact of the database, not of a timer.
CREATE TABLE saved_reports (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT    NOT NULL CHECK (kind IN ('weekly')),
  from_day   TEXT    NOT NULL,
  to_day     TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  xlsx_file  TEXT    NOT NULL,
  csv_file   TEXT    NOT NULL,
  UNIQUE (kind, from_day)
);

-- Reports read the log by event type over a range of service days: without this they would walk a
-- type's whole history (events_type_at) or every event of the range (events_day) for each figure.
CREATE INDEX events_type_day ON events (type, day);
