import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallView } from '../../common/contract/hall-view.js';
import type { CallResultView, IssueResult } from '../../common/contract/view-schemas.js';
import { errorText } from '../../ui/i18n/error-text.js';
import { logProblems, readHallRecord } from '../helpers/fault-db-audit.js';
import { canMountTmpfs, fillDisk, mountTmpfs } from '../helpers/fault-tmpfs.js';
import {
  api,
  connectClient,
  eventually,
  newCommandId,
  signIn,
  startTestHub,
  TEST_PASSWORD,
  type TestHub,
} from '../helpers/test-hub.js';
import { deviceKey } from '../helpers/test-site.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A kiosk's REST issue with a given command id (a kiosk sends the same id again when it retries). */
const issue = (t: TestHub, commandId: string, queueId: string) =>
  api<IssueResult>(t.url, 'POST', '/api/tickets', { deviceKey: deviceKey(t.site, 'kiosk') }, { commandId, queueId });

/** The hub refuses, in the envelope every client reads, and the kiosk page has Vietnamese words for it. */
function expectStorageRefusal(res: { status: number; body: unknown }): void {
  expect(res.status).toBe(503);
  expect(res.body).toEqual({
    ok: false,
    error: {
      code: 'STORAGE_UNAVAILABLE',
      message: 'The hub cannot write to its database; nothing was changed',
      messageKey: 'error.STORAGE_UNAVAILABLE',
    },
  });
  // What the kiosk shows for it (kiosk/app.tsx renders errorText of the refusal).
  expect(errorText({ code: 'STORAGE_UNAVAILABLE' }, 'vi')).toBe(
    'Hệ thống tạm thời không lưu được dữ liệu; chưa có gì thay đổi. Vui lòng báo cán bộ kỹ thuật.',
  );
}

/** The day's numbers of one queue in the order issued, e.g. ['A001', 'A002', …]. */
function numbersOf(dbFile: string, queueId: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (
      db.prepare('SELECT number FROM tickets WHERE issued_queue_id = ? ORDER BY seq_no').all(queueId) as { number: string }[]
    ).map((r) => r.number);
  } finally {
    db.close();
  }
}

const series = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

// Filling a real small disk needs mounting a tmpfs (root with CAP_SYS_ADMIN, as on CI and the dev
// machine). Where that is impossible the block is reported as skipped under this title, and the
// locked-database case below still proves the refusal path.
const TMPFS = canMountTmpfs();
describe.skipIf(!TMPFS)(
  `the disk full under a running hub (a 16 MB tmpfs filled to the last byte)${TMPFS ? '' : ' — SKIPPED: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)'}`,
  () => {
    it('refuses tickets and calls clearly, changes nothing, and carries on when space is back, without a restart', async () => {
      const disk = mountTmpfs(16)!;
      cleanups.push(() => disk.unmount());
      const t = await startTestHub({ dir: disk.dir });
      cleanups.push(() => t.stop());
      const counter = t.site.counters[0]!;
      const queueId = counter.queues[0]!.queueId;
      const token = await signIn(t.url, 'canbo1');
      const officer = await connectClient(t.url, { token });
      const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
      const kiosk = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'kiosk') });
      cleanups.push(() => [officer, display, kiosk].forEach((c) => c.close()));
      expect((await officer.send('counter:open', { commandId: newCommandId(), counterId: counter.id })).ok).toBe(true);
      for (let i = 0; i < 3; i++) expect((await issue(t, newCommandId(), queueId)).body.ok).toBe(true);

      const filler = fillDisk(disk.dir);
      const before: HallView = t.hub.hall.snapshot();
      const commandId = newCommandId();
      expectStorageRefusal(await issue(t, commandId, queueId));
      const overSocket = await kiosk.send('ticket:issue', { commandId: newCommandId(), queueId });
      expect(overSocket.ok ? 'issued' : overSocket.error.code).toBe('STORAGE_UNAVAILABLE');
      const call = await officer.send('ticket:call-next', { commandId: newCommandId(), counterId: counter.id });
      expect(call.ok ? 'called' : call.error.code).toBe('STORAGE_UNAVAILABLE');
      // A screen that (re)connects meanwhile still gets the hall as it is.
      const late = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'counter-screen', counter.id) });
      cleanups.push(() => late.close());
      expect(late.mirror.view).toEqual(before);
      // Signing in needs a session row: refused with the same clear answer, not an internal error.
      const refusedSignIn = await api(t.url, 'POST', '/api/auth/login', {}, { username: 'canbo2', password: TEST_PASSWORD });
      expect([refusedSignIn.status, refusedSignIn.body.ok ? 'signed in' : refusedSignIn.body.error.code]).toEqual([
        503,
        'STORAGE_UNAVAILABLE',
      ]);
      expect(t.hub.hall.snapshot()).toEqual(before);
      expect(display.mirror.view).toEqual(before);

      unlinkSync(filler);
      // The kiosk's retry of the refused intent, same id: the next number, none skipped.
      const retried = await issue(t, commandId, queueId);
      if (!retried.body.ok) throw new Error(`retry refused: ${retried.body.error.code}`);
      const called = await officer.send<CallResultView>('ticket:call-next', { commandId: newCommandId(), counterId: counter.id });
      expect(called.ok && called.data.ticket?.number).toBe('A001');
      await eventually(() => display.mirror.view?.seq === t.hub.hall.snapshot().seq, 3000, 'the display current');
      expect(display.mirror.view).toEqual(t.hub.hall.snapshot());
      expect(String(t.hub.db.pragma('integrity_check', { simple: true }))).toBe('ok');
      expect(await signIn(t.url, 'canbo2')).toMatch(/.{20}/);

      await t.stop();
      const file = join(disk.dir, 'hall.db');
      expect(numbersOf(file, queueId)).toEqual(series('A', 4));
      expect(retried.body.data.ticket.number).toBe('A004');
      expect(logProblems(readHallRecord(file))).toEqual([]);
    });
  },
);

describe('the database locked by another program (a backup tool, sqlite3 left open on it)', () => {
  it('refuses after the busy timeout with the same clear answer, and carries on once the lock is gone', async () => {
    const t = await startTestHub();
    cleanups.push(() => t.dispose());
    const queueId = t.site.queues[1]!.id;
    expect((await issue(t, newCommandId(), queueId)).body.ok).toBe(true);
    const file = join(t.dir, 'hall.db');
    const other = new Database(file);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE'); // holds the write lock, as a writer in another process would
    const seq = t.hub.hall.snapshot().seq;
    const commandId = newCommandId();
    const started = performance.now();
    const refusing = issue(t, commandId, queueId);
    // The hub runs in this process: a 200 ms timer set now shows how long its event loop was held.
    const timerFiredMs = await new Promise<number>((r) => setTimeout(() => r(performance.now() - started), 200));
    const refused = await refusing;
    const blockedMs = performance.now() - started;
    expectStorageRefusal(refused);
    expect(t.hub.hall.snapshot().seq).toBe(seq);
    other.exec('ROLLBACK');
    const retried = await issue(t, commandId, queueId);
    expect(retried.body.ok && retried.body.data.ticket.number).toBe('B002');
    expect(numbersOf(file, queueId)).toEqual(series('B', 2));
    expect(String(t.hub.db.pragma('integrity_check', { simple: true }))).toBe('ok');
    console.log(
      `[fault-disk] a write lock held elsewhere: the refusal came after ${blockedMs.toFixed(0)} ms (busy_timeout); ` +
        `a 200 ms timer in the hub's process fired after ${timerFiredMs.toFixed(0)} ms (the event loop held all along)`,
    );
  });
});
