import type { Db } from '../db.js';

export interface CommandRecord {
  readonly name: string;
  readonly actor: string | null;
  readonly result: unknown;
}

/** Results of commands by their client-made id: a retried command returns its first result. */
export interface CommandsRepository {
  find(commandId: string): CommandRecord | undefined;
  record(commandId: string, name: string, actor: string | null, at: number, result: unknown): void;
}

export function commandsRepository(db: Db): CommandsRepository {
  const find = db.prepare('SELECT name, actor, result FROM commands WHERE command_id = ?');
  const insert = db.prepare('INSERT INTO commands (command_id, name, actor, at, result) VALUES (?, ?, ?, ?, ?)');
  return {
    find(commandId) {
      const row = find.get(commandId) as { name: string; actor: string | null; result: string } | undefined;
      return row ? { name: row.name, actor: row.actor, result: JSON.parse(row.result) as unknown } : undefined;
    },
    record(commandId, name, actor, at, result) {
      insert.run(commandId, name, actor, at, JSON.stringify(result));
    },
  };
}
