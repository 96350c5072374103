import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/storage/db.js';
import { issueAtKiosk, startTestHub, type TestHub } from '../helpers/test-hub.js';

const modeOf = (path: string) => statSync(path).mode & 0o7777;

/**
 * The database holds citizens' phone numbers and officers' password hashes: the file, its -wal and
 * -shm, and the data folder are the hub's user's alone, whatever they were before the hub opened
 * them; a folder that is not plainly the hub's is left as it was.
 */
describe('file modes of the database and the data folder', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-modes-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const open = (file: string): Db => {
    const db = openDatabase(file);
    cleanups.push(() => void db.close());
    return db;
  };

  it('a running hub’s database, -wal and -shm are 0600 and its folder 0700', async () => {
    const parent = tempDir();
    const dir = join(parent, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    let t: TestHub | null = await startTestHub({ dir });
    cleanups.push(() => t?.dispose());
    await issueAtKiosk(t, t.site.queues[0]!.id);
    const db = join(dir, 'hall.db');
    expect([db, `${db}-wal`, `${db}-shm`].map((f) => [f, existsSync(f) && modeOf(f)])).toEqual(
      [db, `${db}-wal`, `${db}-shm`].map((f) => [f, 0o600]),
    );
    // An empty folder made beforehand (by an installer) is the hub's: tightened at once.
    expect(modeOf(dir)).toBe(0o700);
    await t.stop();
    t = null;
  });

  it('tightens a database, -wal, -shm and folder left loose by an earlier run or a copy', () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir);
    const file = join(dir, 'hall.db');
    const first = openDatabase(file);
    first.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    first.close();
    writeFileSync(`${file}-wal`, '');
    writeFileSync(`${file}-shm`, '');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodSync(f, 0o644);
    chmodSync(dir, 0o755);

    const db = open(file);
    expect((db.prepare('SELECT x FROM t').get() as { x: number }).x).toBe(1);
    expect([modeOf(dir), modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o700, 0o600, 0o600, 0o600]);
  });

  it('creates a missing data folder 0700', () => {
    const dir = join(tempDir(), 'a', 'b');
    open(join(dir, 'hall.db'));
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, 'hall.db'))).toBe(0o600);
  });

  it('leaves a shared folder alone: one other programs use, or a sticky one like /tmp', () => {
    const shared = join(tempDir(), 'shared');
    mkdirSync(shared);
    writeFileSync(join(shared, 'someone-elses.txt'), 'x');
    chmodSync(shared, 0o755);
    open(join(shared, 'hall.db'));
    expect(modeOf(shared)).toBe(0o755);
    expect(modeOf(join(shared, 'hall.db'))).toBe(0o600);

    const sticky = join(tempDir(), 'sticky');
    mkdirSync(sticky);
    chmodSync(sticky, 0o1777);
    open(join(sticky, 'hall.db'));
    expect(modeOf(sticky)).toBe(0o1777);
    expect(modeOf(join(sticky, 'hall.db'))).toBe(0o600);
  });
});
