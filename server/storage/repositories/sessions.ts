import type { Db } from '../db.js';

export interface SessionRow {
  readonly officerId: string;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
}

export interface SessionsRepository {
  create(tokenHash: string, officerId: string, createdAt: number, expiresAt: number): void;
  find(tokenHash: string): SessionRow | undefined;
  revoke(tokenHash: string, at: number): void;
  revokeAllOf(officerId: string, at: number): number;
}

export function sessionsRepository(db: Db): SessionsRepository {
  const insert = db.prepare('INSERT INTO sessions (token_hash, officer_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const find = db.prepare('SELECT officer_id, expires_at, revoked_at FROM sessions WHERE token_hash = ?');
  const revoke = db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const revokeAll = db.prepare('UPDATE sessions SET revoked_at = ? WHERE officer_id = ? AND revoked_at IS NULL');
  return {
    create: (tokenHash, officerId, createdAt, expiresAt) => void insert.run(tokenHash, officerId, createdAt, expiresAt),
    find(tokenHash) {
      const r = find.get(tokenHash) as { officer_id: string; expires_at: number; revoked_at: number | null } | undefined;
      return r && { officerId: r.officer_id, expiresAt: r.expires_at, revokedAt: r.revoked_at };
    },
    revoke: (tokenHash, at) => void revoke.run(at, tokenHash),
    revokeAllOf: (officerId, at) => revokeAll.run(at, officerId).changes,
  };
}
