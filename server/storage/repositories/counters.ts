import type { CounterDef } from '../../../common/domain/counter.js';
import type { CounterRuntime } from '../../core/hall-state.js';
import type { Db } from '../db.js';

interface CounterRow {
  id: string;
  status: CounterRuntime['status'];
  pause_reason: string | null;
  officer_id: string | null;
  current_ticket_id: string | null;
  normals_since_priority: number;
  since: number | null;
}

export interface CountersRepository {
  /** Writes the configured counters, keeping the runtime state of those that already exist. */
  syncDefinitions(defs: readonly CounterDef[]): void;
  saveRuntime(c: CounterRuntime): void;
  runtimes(): CounterRuntime[];
}

export function countersRepository(db: Db): CountersRepository {
  const upsertDef = db.prepare(`
    INSERT INTO counters (id, number, name, definition) VALUES (@id, @number, @name, @definition)
    ON CONFLICT (id) DO UPDATE SET number = excluded.number, name = excluded.name, definition = excluded.definition`);
  const save = db.prepare(`
    UPDATE counters SET status = @status, pause_reason = @pause_reason, officer_id = @officer_id,
      current_ticket_id = @current_ticket_id, normals_since_priority = @normals_since_priority, since = @since
    WHERE id = @id`);
  const all = db.prepare(
    'SELECT id, status, pause_reason, officer_id, current_ticket_id, normals_since_priority, since FROM counters',
  );
  return {
    syncDefinitions(defs) {
      for (const d of defs) upsertDef.run({ id: d.id, number: d.number, name: d.name, definition: JSON.stringify(d) });
    },
    saveRuntime(c) {
      save.run({
        id: c.id,
        status: c.status,
        pause_reason: c.pauseReason,
        officer_id: c.officerId,
        current_ticket_id: c.currentTicketId,
        normals_since_priority: c.normalsSincePriority,
        since: c.since,
      });
    },
    runtimes: () =>
      (all.all() as CounterRow[]).map((r) => ({
        id: r.id,
        status: r.status,
        pauseReason: r.pause_reason,
        officerId: r.officer_id,
        currentTicketId: r.current_ticket_id,
        normalsSincePriority: r.normals_since_priority,
        since: r.since,
      })),
  };
}
