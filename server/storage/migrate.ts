import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Applies the numbered migrations (NNN-name.sql) not yet applied, each in its own transaction, and
 * records each one by number. Recording them one by one, not as a single high-water mark, matters
 * when work lands out of order: a migration 002 merged after 003 was already applied somewhere is
 * still applied there. user_version is kept equal to the highest applied, for tools that read it.
 * Returns the versions it applied.
 */
export function migrate(db: Db, dir: string = MIGRATIONS_DIR): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const recorded = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort();
  if (recorded.size === 0) {
    // A database from before this table: everything up to its user_version was applied then.
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const f of files) {
      if (Number(f.slice(0, 3)) > current) continue;
      record(db, f);
      recorded.add(Number(f.slice(0, 3)));
    }
  }
  const applied: number[] = [];
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (recorded.has(version)) continue;
    const sql = readFileSync(join(dir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record(db, file);
      const top = db.pragma('user_version', { simple: true }) as number;
      if (version > top) db.pragma(`user_version = ${version}`);
    })();
    applied.push(version);
  }
  return applied;
}

function record(db: Db, file: string): void {
  db.prepare('INSERT OR IGNORE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
    Number(file.slice(0, 3)),
    file,
    Date.now(),
  );
}
