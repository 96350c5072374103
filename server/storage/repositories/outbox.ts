import type { Db } from '../db.js';

export type OutboxKind = 'dossier' | 'progress' | 'rating' | 'figures';

export interface OutboxItem {
  readonly id: number;
  readonly kind: OutboxKind;
  readonly idempotencyKey: string;
  readonly stream: string;
  readonly payload: unknown;
  readonly createdAt: number;
  readonly status: 'pending' | 'done' | 'dead';
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly doneAt: number | null;
}

interface Row {
  id: number;
  kind: OutboxKind;
  idempotency_key: string;
  stream: string;
  payload: string;
  created_at: number;
  status: OutboxItem['status'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  done_at: number | null;
}

const item = (r: Row): OutboxItem => ({
  id: r.id,
  kind: r.kind,
  idempotencyKey: r.idempotency_key,
  stream: r.stream,
  payload: JSON.parse(r.payload) as unknown,
  createdAt: r.created_at,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  doneAt: r.done_at,
});

export interface OutboxRepository {
  /** Inside the caller's transaction: the item is owed exactly when the event that owes it is stored. */
  add(entry: { kind: OutboxKind; idempotencyKey: string; stream: string; payload: unknown; at: number }): void;
  /**
   * The items to send now: for each stream, its oldest pending item if that one is due (a stream
   * whose head is waiting for a retry holds everything behind it, and a dead head holds its stream
   * until an admin retries it: a dossier's progress is never sent before the dossier). At most `limit`.
   */
  due(now: number, limit: number): OutboxItem[];
  markDone(id: number, at: number): void;
  /** A failed try: when to try again, or dead when the tries are used up. */
  markFailed(id: number, error: string, next: { retryAt: number } | { dead: true }): void;
  /** An admin's retry of dead items (all of them, or the ids given): pending again, tries reset. */
  revive(ids: readonly number[] | 'all', now: number): number;
  list(status: OutboxItem['status'], limit: number): OutboxItem[];
  counts(): Record<OutboxItem['status'], number>;
}

export function outboxRepository(db: Db): OutboxRepository {
  const add = db.prepare(`INSERT INTO outbox (kind, idempotency_key, stream, payload, created_at, next_attempt_at)
    VALUES (@kind, @idempotencyKey, @stream, @payload, @at, @at)`);
  const due = db.prepare(`
    SELECT o.* FROM outbox o
    JOIN (SELECT stream, MIN(id) AS head FROM outbox WHERE status IN ('pending', 'dead') GROUP BY stream) h ON o.id = h.head
    WHERE o.status = 'pending' AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?`);
  const done = db.prepare(
    `UPDATE outbox SET status = 'done', done_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'`,
  );
  const retry = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`);
  const dead = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = 'dead' WHERE id = ?`);
  const reviveAll = db.prepare(`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE status = 'dead'`);
  const reviveOne = db.prepare(
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE status = 'dead' AND id = ?`,
  );
  const list = db.prepare(`SELECT * FROM outbox WHERE status = ? ORDER BY id LIMIT ?`);
  const counts = db.prepare(`SELECT status, COUNT(*) AS n FROM outbox GROUP BY status`);
  return {
    add: (e) => void add.run({ ...e, payload: JSON.stringify(e.payload) }),
    due: (now, limit) => (due.all(now, limit) as Row[]).map(item),
    markDone: (id, at) => void done.run(at, id),
    markFailed(id, error, next) {
      if ('dead' in next) dead.run(error, id);
      else retry.run(error, next.retryAt, id);
    },
    revive(ids, now) {
      if (ids === 'all') return reviveAll.run(now).changes;
      return db.transaction(() => ids.reduce((n, id) => n + reviveOne.run(now, id).changes, 0))();
    },
    list: (status, limit) => (list.all(status, limit) as Row[]).map(item),
    counts() {
      const out = { pending: 0, done: 0, dead: 0 };
      for (const r of counts.all() as { status: OutboxItem['status']; n: number }[]) out[r.status] = r.n;
      return out;
    },
  };
}
