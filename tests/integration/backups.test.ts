import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import { checkBackupFile } from '../../server/backup/check-backup.js';
import { auditLogRepository } from '../../server/storage/repositories/audit-log.js';
import { eventsRepository } from '../../server/storage/repositories/events.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { api, eventually, issueAtKiosk, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

interface Backup {
  name: string;
  size: number;
  at: number;
  events: number | null;
}

function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code} ${JSON.stringify(ack.error.details ?? [])}`);
  return ack.data;
}

/** Events as stored, for comparing a backup with the live database row by row. */
function eventRows(db: Database.Database, upTo: number): unknown[] {
  return db.prepare('SELECT seq, type, at, day, actor, command_id, payload FROM events WHERE seq <= ? ORDER BY seq').all(upTo);
}

describe('backups of a working hall', () => {
  let t: TestHub;
  let admin: string;
  let supervisor: string;
  let queueId: string;

  beforeAll(async () => {
    // The catalogue makes the database some 27 MB, so the copy takes long enough to overlap the tickets.
    t = await startTestHub({ catalogueDir: sharedDataPath('procedures') });
    admin = await signIn(t.url, 'quantri');
    supervisor = await signIn(t.url, 'giamsat');
    queueId = t.site.queues[0]?.id ?? '';
  });
  afterAll(() => t.dispose());

  it('is consistent while tickets are being issued, and holds every event committed before it started', async () => {
    for (let i = 0; i < 5; i++) await issueAtKiosk(t, queueId);
    const events = eventsRepository(t.hub.db);
    // Three kiosks taking numbers the whole time the backup runs (each at most 200, so the test is bounded).
    let issuing = true;
    let issuedDuring = 0;
    const issuers = [1, 2, 3].map(async () => {
      for (let i = 0; issuing && i < 200; i++) {
        await issueAtKiosk(t, queueId);
        issuedDuring++;
      }
    });
    await eventually(() => issuedDuring >= 3, 10_000, 'tickets being issued');
    const seqBefore = events.lastSeq();
    const res = await api<Backup>(t.url, 'POST', '/api/admin/backups', { token: supervisor });
    issuing = false;
    await Promise.all(issuers);
    const seqAfter = events.lastSeq();
    expect(res.status).toBe(200);
    const made = ok(res.body);
    expect(made.name).toMatch(/^hall-\d{8}-\d{6}\.db$/);

    const file = join(t.dir, 'backups', made.name);
    const check = checkBackupFile(file);
    expect(check.ok).toBe(true);
    expect(check.lastSeq).toBeGreaterThanOrEqual(seqBefore);
    expect(check.lastSeq).toBeLessThanOrEqual(seqAfter);
    expect(made.events).toBe(check.events);
    // The same events, byte for byte, as the live database up to where the backup ends.
    const copy = new Database(file, { readonly: true });
    try {
      expect(eventRows(copy, check.lastSeq ?? 0)).toEqual(eventRows(t.hub.db, check.lastSeq ?? 0));
      expect((copy.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n).toBeGreaterThan(5000);
    } finally {
      copy.close();
    }
    expect(statSync(join(t.dir, 'backups')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([made.name]);
    expect(auditLogRepository(t.hub.db).list({ limit: 5, action: 'backup:made' })[0]).toMatchObject({
      actor: 'officer:giamsat',
      summary: expect.stringContaining(made.name),
    });
  }, 60_000);

  it('lists backups for supervisors, and lets only admins download one', async () => {
    const list = ok(
      (
        await api<{ backups: Backup[]; keepDays: number; nextNightlyAt: number; dir: string }>(
          t.url,
          'GET',
          '/api/admin/backups',
          { token: supervisor },
        )
      ).body,
    );
    expect(list.keepDays).toBe(14);
    expect(list.dir).toBe(join(t.dir, 'backups'));
    const newest = list.backups[0];
    if (!newest) throw new Error('no backup listed');
    expect(newest.events).toBeGreaterThan(5);

    const path = `/api/admin/backups/${newest.name}`;
    const bySupervisor = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(bySupervisor.status).toBe(403);
    const byAdmin = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.headers.get('content-disposition')).toContain(`filename*=UTF-8''${newest.name}`);
    const bytes = Buffer.from(await byAdmin.arrayBuffer());
    expect(bytes.equals(readFileSync(join(t.dir, 'backups', newest.name)))).toBe(true);

    const officer = await signIn(t.url, t.site.officers.find((o) => o.role === 'officer')?.username ?? '');
    expect((await api(t.url, 'POST', '/api/admin/backups', { token: officer })).status).toBe(403);
    expect((await api(t.url, 'GET', '/api/admin/backups', {})).status).toBe(401);
    expect(
      (await fetch(`${t.url}/api/admin/backups/hall-20000101-000000.db`, { headers: { authorization: `Bearer ${admin}` } }))
        .status,
    ).toBe(404);
    expect(
      (await fetch(`${t.url}/api/admin/backups/..%2Fhall.db`, { headers: { authorization: `Bearer ${admin}` } })).status,
    ).toBe(400);
  });
});

/**
 * Makes `dir` unwritable for this process: permission bits for a user, the immutable flag for root
 * (whom permission bits do not stop). Answers how to undo it.
 */
function makeReadOnly(dir: string): () => void {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o500);
    return () => chmodSync(dir, 0o700);
  }
  const set = spawnSync('chattr', ['+i', dir]);
  if (set.status === 0) return () => void spawnSync('chattr', ['-i', dir]);
  // No chattr (or no right to use it): a file where the folder should be is as unwritable.
  rmdirSync(dir);
  writeFileSync(dir, '');
  return () => undefined;
}

describe('a backup that cannot be written', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.dispose());

  it('is BACKUP_FAILED, leaves no file behind, and the hall works on unchanged', async () => {
    const queueId = t.site.queues[0]?.id ?? '';
    await issueAtKiosk(t, queueId);
    const admin = await signIn(t.url, 'quantri');
    const folder = join(t.dir, 'backups');
    mkdirSync(folder, { mode: 0o700 });
    const undo = makeReadOnly(folder);
    const seqBefore = eventsRepository(t.hub.db).lastSeq();
    try {
      const res = await api(t.url, 'POST', '/api/admin/backups', { token: admin });
      expect(res.status).toBe(503);
      if (res.body.ok) throw new Error('a backup into a read-only folder succeeded');
      expect(res.body.error.code).toBe('BACKUP_FAILED');
      expect(res.body.error.details?.[0]?.message).toMatch(/could not be written/);
      expect(eventsRepository(t.hub.db).lastSeq()).toBe(seqBefore);
      expect(auditLogRepository(t.hub.db).list({ limit: 5, action: 'backup:made' })).toEqual([]);
      const list = ok(
        (
          await api<{ backups: Backup[]; lastFailure: { message: string } | null }>(t.url, 'GET', '/api/admin/backups', {
            token: admin,
          })
        ).body,
      );
      expect(list.backups).toEqual([]);
      expect(list.lastFailure?.message).toMatch(/could not be written/);
    } finally {
      undo();
    }
    if (statSync(folder).isDirectory()) expect(readdirSync(folder)).toEqual([]);
    const after = await issueAtKiosk(t, queueId);
    expect(after.ticket.number).toBeTruthy();
  });
});
