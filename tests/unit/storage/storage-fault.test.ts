import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStorageFault } from '../../../server/storage/storage-fault.js';

const dir = mkdtempSync(join(tmpdir(), 'storage-fault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error a real SQLite raised, not one made up to look like it. */
function raised(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('isStorageFault', () => {
  it('knows a write to a read-only database and a lock held past the busy timeout', () => {
    const file = join(dir, 'a.db');
    const w = new Database(file);
    w.exec('CREATE TABLE t (x)');
    w.close();
    const ro = new Database(file, { readonly: true });
    expect(isStorageFault(raised(() => ro.exec('INSERT INTO t VALUES (1)')))).toBe(true);
    ro.close();

    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    const other = new Database(file, { timeout: 10 });
    const locked = raised(() => other.exec('INSERT INTO t VALUES (2)'));
    expect((locked as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
    expect(isStorageFault(locked)).toBe(true);
    holder.exec('ROLLBACK');
    holder.close();
    other.close();
  });

  it('knows the disk full by its SQLite code, extended codes and the file system’s errno', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR', 'SQLITE_READONLY_DBMOVED', 'ENOSPC', 'EROFS']) {
      expect(isStorageFault(Object.assign(new Error(code), { code }))).toBe(true);
    }
  });

  it('leaves other failures to be internal errors: a bug must not pass for a full disk', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x UNIQUE)');
    db.exec('INSERT INTO t VALUES (1)');
    expect(isStorageFault(raised(() => db.exec('INSERT INTO t VALUES (1)')))).toBe(false); // SQLITE_CONSTRAINT_UNIQUE
    expect(isStorageFault(raised(() => db.exec('SELECT nope FROM t')))).toBe(false); // SQLITE_ERROR
    db.close();
    for (const err of [
      new Error('x'),
      new TypeError('y'),
      null,
      undefined,
      'SQLITE_FULL',
      { code: 42 },
      { code: 'SQLITE_FULLNESS' },
    ]) {
      expect(isStorageFault(err)).toBe(false);
    }
  });
});
