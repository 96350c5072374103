-- One row per chance to rate a service: opened when a ticket is finished at a counter with a survey
-- terminal or pad, then rated (once: the primary key) or lapsed when its window closed unanswered.
-- The reports count ratings per level, counter, officer and queue from here, each under the scale it
-- was given on; the events table keeps the same history as facts.
CREATE TABLE survey_ratings (
  ticket_id   TEXT PRIMARY KEY,
  day         TEXT NOT NULL,
  counter_id  TEXT NOT NULL,
  officer_id  TEXT,
  queue_id    TEXT NOT NULL,
  number      TEXT NOT NULL,
  scale_id    TEXT NOT NULL,
  finished_at INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'rated', 'lapsed')),
  -- The overall question's level, for reports; every answer is in `answers` (JSON).
  level_id    TEXT,
  answers     TEXT,
  reason_id   TEXT,
  device_id   TEXT,
  closed_at   INTEGER
);

CREATE INDEX survey_ratings_day ON survey_ratings (day, status);
CREATE INDEX survey_ratings_counter ON survey_ratings (counter_id, day);
