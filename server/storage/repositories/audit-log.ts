import type { Db } from '../db.js';

export interface AuditChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly summary: string;
  readonly changes: readonly AuditChange[];
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditLogRepository {
  append(entry: NewAuditEntry): number;
  /** Newest first; `beforeId` pages back through older entries. */
  list(opts: { limit: number; beforeId?: number; action?: string }): AuditEntry[];
}

interface Row {
  id: number;
  at: number;
  actor: string;
  actor_name: string | null;
  action: string;
  summary: string;
  changes: string;
}

export function auditLogRepository(db: Db): AuditLogRepository {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, actor_name, action, summary, changes) VALUES (@at, @actor, @actorName, @action, @summary, @changes)',
  );
  const select = db.prepare(
    `SELECT * FROM audit_log
      WHERE (@beforeId IS NULL OR id < @beforeId) AND (@action IS NULL OR action = @action)
      ORDER BY id DESC LIMIT @limit`,
  );
  return {
    append: (e) => Number(insert.run({ ...e, changes: JSON.stringify(e.changes) }).lastInsertRowid),
    list: ({ limit, beforeId, action }) =>
      (select.all({ limit, beforeId: beforeId ?? null, action: action ?? null }) as Row[]).map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        actorName: r.actor_name,
        action: r.action,
        summary: r.summary,
        changes: JSON.parse(r.changes) as AuditChange[],
      })),
  };
}
