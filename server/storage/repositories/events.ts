import type { Db } from '../db.js';

export interface StoredEvent {
  readonly seq: number;
  readonly type: string;
  readonly at: number;
  readonly day: string;
  readonly actor: string | null;
  readonly commandId: string | null;
  readonly payload: unknown;
}

export interface EventsRepository {
  /** Appends one event and returns its seq. Call inside the command's transaction. */
  append(e: { type: string; at: number; day: string; actor: string | null; commandId: string | null; payload: unknown }): number;
  lastSeq(): number;
  count(): number;
  /** Events after `seq`, oldest first (for tests, audits and rebuilding read models). */
  since(seq: number, limit?: number): StoredEvent[];
}

export function eventsRepository(db: Db): EventsRepository {
  const insert = db.prepare(
    'INSERT INTO events (type, at, day, actor, command_id, payload) VALUES (@type, @at, @day, @actor, @commandId, @payload)',
  );
  // sqlite_sequence keeps the highest seq ever given, even if that row is gone.
  const last = db.prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS seq");
  const count = db.prepare('SELECT COUNT(*) AS n FROM events');
  const since = db.prepare(
    'SELECT seq, type, at, day, actor, command_id, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  return {
    append: (e) => Number(insert.run({ ...e, payload: JSON.stringify(e.payload) }).lastInsertRowid),
    lastSeq: () => (last.get() as { seq: number }).seq,
    count: () => (count.get() as { n: number }).n,
    since: (seq, limit = 10_000) =>
      (
        since.all(seq, limit) as {
          seq: number;
          type: string;
          at: number;
          day: string;
          actor: string | null;
          command_id: string | null;
          payload: string;
        }[]
      ).map((r) => ({
        seq: r.seq,
        type: r.type,
        at: r.at,
        day: r.day,
        actor: r.actor,
        commandId: r.command_id,
        payload: JSON.parse(r.payload) as unknown,
      })),
  };
}
