-- Who changed what in the hall's set-up, and when: settings saves, officers' password resets,
-- catalogue imports, backups and restores, device tests. Append-only like the event log, so a
-- supervisor can trust it; `changes` is JSON [{path, before, after}] with secrets (device keys,
-- passwords) written as "***".
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  actor      TEXT    NOT NULL, -- officer:<id>, or system for what the hub does by itself
  actor_name TEXT,
  action     TEXT    NOT NULL, -- settings:saved, officer:password-reset, catalogue:imported, backup:made, device:tested
  summary    TEXT    NOT NULL, -- one English line for the list
  changes    TEXT    NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
