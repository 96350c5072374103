import type { Db } from '../db.js';

export type OfficerRole = 'officer' | 'supervisor' | 'admin';

export interface OfficerAccount {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: OfficerRole;
  readonly disabled: boolean;
  readonly passwordHash: string | null;
}

export interface OfficersRepository {
  /** Writes the configured accounts; passwords already set are kept. Returns the ids that had none. */
  sync(accounts: readonly { id: string; username: string; name: string; role: OfficerRole; disabled: boolean }[]): string[];
  byUsername(username: string): OfficerAccount | undefined;
  byId(id: string): OfficerAccount | undefined;
  setPasswordHash(id: string, hash: string, at: number): void;
  names(): Record<string, string>;
}

interface Row {
  id: string;
  username: string;
  name: string;
  role: OfficerRole;
  disabled: number;
  password_hash: string | null;
}

export function officersRepository(db: Db): OfficersRepository {
  const upsert = db.prepare(`
    INSERT INTO officers (id, username, name, role, disabled) VALUES (@id, @username, @name, @role, @disabled)
    ON CONFLICT (id) DO UPDATE SET username = excluded.username, name = excluded.name, role = excluded.role, disabled = excluded.disabled`);
  const byUsername = db.prepare('SELECT * FROM officers WHERE username = ?');
  const byId = db.prepare('SELECT * FROM officers WHERE id = ?');
  const setHash = db.prepare('UPDATE officers SET password_hash = ?, password_set_at = ? WHERE id = ?');
  const all = db.prepare('SELECT id, name FROM officers');
  const ids = db.prepare('SELECT id, username FROM officers');
  // An officer taken out of the settings keeps the row (events and reports name them) but can no
  // longer sign in, and gives up the username so a new colleague may take it.
  const retire = db.prepare(
    "UPDATE officers SET disabled = 1, username = id || '~' || username WHERE id = ? AND instr(username, '~') = 0",
  );
  const toAccount = (r: Row | undefined): OfficerAccount | undefined =>
    r && {
      id: r.id,
      username: r.username,
      name: r.name,
      role: r.role,
      disabled: r.disabled === 1,
      passwordHash: r.password_hash,
    };
  return {
    sync(accounts) {
      return db.transaction(() => {
        const without: string[] = [];
        const kept = new Set(accounts.map((a) => a.id));
        for (const r of ids.all() as { id: string; username: string }[]) if (!kept.has(r.id)) retire.run(r.id);
        for (const a of accounts) {
          upsert.run({ ...a, disabled: a.disabled ? 1 : 0 });
          if (!toAccount(byId.get(a.id) as Row | undefined)?.passwordHash) without.push(a.id);
        }
        return without;
      })();
    },
    byUsername: (username) => toAccount(byUsername.get(username) as Row | undefined),
    byId: (id) => toAccount(byId.get(id) as Row | undefined),
    setPasswordHash: (id, hash, at) => void setHash.run(hash, at, id),
    names: () => Object.fromEntries((all.all() as { id: string; name: string }[]).map((r) => [r.id, r.name])),
  };
}
