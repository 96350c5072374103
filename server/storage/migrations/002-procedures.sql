-- The procedure catalogue (thủ tục hành chính): imported from ../shared/data/procedures on a hub's
-- first start, replaced as a whole by a later import. `document` is the full model as JSON (what
-- GET /api/procedures/:code answers); the other columns are what the search index and the field
-- list need at start-up without parsing every document.
CREATE TABLE procedures (
  code          TEXT PRIMARY KEY,
  name          TEXT    NOT NULL,
  field         TEXT,
  commune_level INTEGER NOT NULL,
  keywords      TEXT    NOT NULL, -- JSON array of strings
  document      TEXT    NOT NULL  -- JSON: common/catalogue/procedure-schema.ts Procedure
);
CREATE INDEX procedures_field ON procedures (field);

-- Every import, kept: when, from where, what it read, and what it could not read.
CREATE TABLE procedure_imports (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  at            INTEGER NOT NULL,
  source        TEXT    NOT NULL,
  duration_ms   INTEGER NOT NULL,
  stats         TEXT    NOT NULL, -- JSON: server/catalogue/import-catalogue.ts ImportStats
  problem_count INTEGER NOT NULL,
  problems      TEXT    NOT NULL  -- JSON array of {kind, code, file, section, problem}
);
