import type { QueueDef } from '../../../common/domain/queue.js';
import type { Db } from '../db.js';

export interface DeviceRecord {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly model: string | null;
  readonly link: string | null;
  readonly counterId: string | null;
}

/**
 * Copies the configured queues and devices into tables, so reports and ad-hoc SQL can join on them.
 * The site config file stays the source; rows of things removed from it are kept for history.
 */
export interface ConfigMirror {
  syncQueues(queues: readonly QueueDef[]): void;
  syncDevices(devices: readonly DeviceRecord[]): void;
  /**
   * Notes when a screen connected. Never throws: answers false when the database cannot take it
   * (disk full, locked by another program), for that must not cost the screen its connection.
   */
  touchDevice(id: string, at: number): boolean;
  /** Every device, with when its screen last connected (null: never). */
  devices(): { id: string; kind: string; link: string | null; lastSeenAt: number | null }[];
}

export function configMirror(db: Db): ConfigMirror {
  const q = db.prepare(`INSERT INTO queues (id, name, prefix, definition) VALUES (@id, @name, @prefix, @definition)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, prefix = excluded.prefix, definition = excluded.definition`);
  const d =
    db.prepare(`INSERT INTO devices (id, kind, name, model, link, counter_id) VALUES (@id, @kind, @name, @model, @link, @counterId)
    ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, model = excluded.model, link = excluded.link,
      counter_id = excluded.counter_id`);
  const touch = db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?');
  const all = db.prepare('SELECT id, kind, link, last_seen_at FROM devices ORDER BY id');
  return {
    syncQueues: (queues) =>
      db.transaction(() => {
        for (const x of queues) q.run({ id: x.id, name: x.name, prefix: x.series.prefix, definition: JSON.stringify(x) });
      })(),
    syncDevices: (devices) =>
      db.transaction(() => {
        for (const x of devices) d.run(x);
      })(),
    touchDevice: (id, at) => {
      try {
        touch.run(at, id);
        return true;
      } catch {
        // Thrown inside socket.io's connection handler, this was an uncaught exception: the hub died.
        return false;
      }
    },
    devices: () =>
      (all.all() as { id: string; kind: string; link: string | null; last_seen_at: number | null }[]).map((d) => ({
        id: d.id,
        kind: d.kind,
        link: d.link,
        lastSeenAt: d.last_seen_at,
      })),
  };
}
