import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/storage/db.js';
import { migrate } from '../../../server/storage/migrate.js';

const tables = (db: ReturnType<typeof openDatabase>) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('applies a migration that landed after a higher-numbered one was already applied', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-mig-'));
    writeFileSync(join(dir, '001-one.sql'), 'CREATE TABLE t1 (x);');
    writeFileSync(join(dir, '003-three.sql'), 'CREATE TABLE t3 (x);');
    const db = openDatabase(join(dir, 'hall.db'));
    expect(migrate(db, dir)).toEqual([1, 3]);
    writeFileSync(join(dir, '002-two.sql'), 'CREATE TABLE t2 (x);');
    expect(migrate(db, dir)).toEqual([2]);
    expect(migrate(db, dir)).toEqual([]);
    expect(tables(db)).toEqual(['t1', 't2', 't3']);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('takes a database from before the record table as migrated up to its user_version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-mig-'));
    writeFileSync(join(dir, '001-one.sql'), 'CREATE TABLE t1 (x);');
    writeFileSync(join(dir, '002-two.sql'), 'CREATE TABLE t2 (x);');
    const db = openDatabase(join(dir, 'hall.db'));
    db.exec('CREATE TABLE t1 (x);');
    db.pragma('user_version = 1');
    expect(migrate(db, dir)).toEqual([2]);
    expect(tables(db)).toEqual(['t1', 't2']);
    db.close();
  });

  it('applies a failing migration not at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-mig-'));
    writeFileSync(join(dir, '001-one.sql'), 'CREATE TABLE t1 (x); CREATE TABLE t1 (y);');
    const db = openDatabase(join(dir, 'hall.db'));
    expect(() => migrate(db, dir)).toThrow();
    expect(tables(db)).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
