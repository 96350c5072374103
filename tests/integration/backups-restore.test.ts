import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Ack } from '../../common/contract/errors.js';
import { auditLogRepository } from '../../server/storage/repositories/audit-log.js';
import { eventsRepository } from '../../server/storage/repositories/events.js';
import { api, issueAtKiosk, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/restore-backup.mjs', import.meta.url));

/** `npm run restore -- <file>` as the README says, minus npm: the script itself, in its own process. */
function restore(file: string, dataDir: string) {
  const run = spawnSync(process.execPath, [SCRIPT, file], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const eventCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('restoring a backup with scripts/restore-backup.mjs', () => {
  let t: TestHub | null = null;
  afterAll(async () => {
    await t?.dispose();
  });

  it('refuses while a hub runs, refuses a damaged backup, then restores into a stopped hub folder', async () => {
    const hub = await startTestHub();
    t = hub;
    const queueId = hub.site.queues[0]?.id ?? '';
    for (let i = 0; i < 3; i++) await issueAtKiosk(hub, queueId);
    const admin = await signIn(hub.url, 'quantri');
    const made = (await api<{ name: string; events: number }>(hub.url, 'POST', '/api/admin/backups', { token: admin }))
      .body as Ack<{
      name: string;
      events: number;
    }>;
    if (!made.ok) throw new Error(`backup refused: ${made.error.code}`);
    const backup = join(hub.dir, 'backups', made.data.name);
    for (let i = 0; i < 2; i++) await issueAtKiosk(hub, queueId);
    const live = join(hub.dir, 'hall.db');

    // 1. The hub is running: refused, nothing touched.
    const running = restore(backup, hub.dir);
    expect(running.code).toBe(3);
    expect(running.out).toContain('Hub đang chạy');
    expect(running.out).toContain('A hub is running');
    expect(readdirSync(hub.dir).filter((n) => n.includes('restore'))).toEqual([]);
    await issueAtKiosk(hub, queueId);
    const liveEvents = eventsRepository(hub.hub.db).count();
    await hub.stop();
    expect(liveEvents).toBeGreaterThan(made.data.events);

    // 2. A damaged backup: refused before anything is touched.
    const damaged = join(hub.dir, 'damaged.db');
    copyFileSync(backup, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 3);
    closeSync(fd);
    const before = sha(live);
    const refused = restore(damaged, hub.dir);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('Bản sao lưu damaged.db bị hỏng');
    expect(refused.out).toContain('is damaged or not a hub database; nothing was restored');
    expect(sha(live)).toBe(before);
    expect(readdirSync(hub.dir).filter((n) => n.includes('restore'))).toEqual([]);

    // 3. The real thing, with a stale -shm left beside the database.
    writeFileSync(`${live}-shm`, Buffer.alloc(32768, 7));
    const done = restore(backup, hub.dir);
    expect(done.code, done.out).toBe(0);
    expect(done.out).toContain('Đã khôi phục');
    expect(done.out).toContain(`Restored ${live}`);
    const kept = readdirSync(hub.dir).filter((n) => n.startsWith('hall.db.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(eventCount(join(hub.dir, kept[0] as string))).toBe(liveEvents);
    expect(existsSync(`${live}-shm`)).toBe(false);
    expect(existsSync(`${live}-wal`)).toBe(false);
    expect(readdirSync(hub.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    rmSync(damaged);

    // The hub starts on the restored database: the state of the backup, and it works on from there.
    const again = await startTestHub({ dir: hub.dir, site: hub.site });
    t = again;
    expect(eventsRepository(again.hub.db).count()).toBe(made.data.events);
    expect(auditLogRepository(again.hub.db).list({ limit: 5, action: 'backup:restored' })[0]?.summary).toContain(made.data.name);
    const next = await issueAtKiosk(again, queueId);
    expect(next.ticket.number).toBeTruthy();
  });
});
