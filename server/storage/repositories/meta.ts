import type { Db } from '../db.js';

export interface MetaRepository {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export function metaRepository(db: Db): MetaRepository {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get: (key) => (get.get(key) as { value: string } | undefined)?.value,
    set: (key, value) => void set.run(key, value),
  };
}
