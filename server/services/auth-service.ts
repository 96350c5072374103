import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../../common/contract/errors.js';
import type { Clock } from '../core/ports.js';
import type { OfficersRepository } from '../storage/repositories/officers.js';
import type { SessionsRepository } from '../storage/repositories/sessions.js';
import { hashPassword, newReadablePassword, verifyPassword } from './passwords.js';
import type { Principal, ScreenKind } from './principal.js';

export interface ScreenDeviceKey {
  readonly id: string;
  readonly kind: ScreenKind;
  readonly key: string;
  readonly counterId: string | null;
}

export interface AuthServiceDeps {
  readonly officers: OfficersRepository;
  readonly sessions: SessionsRepository;
  readonly clock: Clock;
  /** Screens' device keys from the site config; replaced when the config changes. */
  readonly deviceKeys: () => readonly ScreenDeviceKey[];
  readonly sessionHours: number;
}

export type SignIn = { ok: true; token: string; principal: Principal } | { ok: false; code: ErrorCode };

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

// A hash to compare against when the username does not exist, so a wrong username takes as long as
// a wrong password and does not reveal which accounts exist.
const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'));

/**
 * Officers sign in with a password and get a bearer token that expires and can be revoked; the hub
 * stores only the token's hash. Screens present a device key from the site config instead.
 */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async signIn(username: string, password: string): Promise<SignIn> {
    const account = this.deps.officers.byUsername(username);
    const hash = account?.passwordHash ?? (await DUMMY_HASH);
    const good = await verifyPassword(password, hash);
    if (!account || !account.passwordHash || !good) return { ok: false, code: 'INVALID_CREDENTIALS' };
    if (account.disabled) return { ok: false, code: 'ACCOUNT_DISABLED' };
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.clock.now();
    const expiresAt = now + this.deps.sessionHours * 3_600_000;
    this.deps.sessions.create(sha256(token), account.id, now, expiresAt);
    return {
      ok: true,
      token,
      principal: { kind: 'officer', officerId: account.id, role: account.role, name: account.name, sessionExpiresAt: expiresAt },
    };
  }

  /** The officer behind a bearer token, if the session is live and the account still enabled. */
  fromToken(token: string): Principal | null {
    const session = this.deps.sessions.find(sha256(token));
    if (!session || session.revokedAt !== null || session.expiresAt <= this.deps.clock.now()) return null;
    const account = this.deps.officers.byId(session.officerId);
    if (!account || account.disabled) return null;
    return {
      kind: 'officer',
      officerId: account.id,
      role: account.role,
      name: account.name,
      sessionExpiresAt: session.expiresAt,
    };
  }

  fromDeviceKey(key: string): Principal | null {
    const given = Buffer.from(sha256(key));
    for (const d of this.deps.deviceKeys()) {
      // Compare digests of equal length in constant time, so timing does not reveal a key's prefix.
      if (timingSafeEqual(given, Buffer.from(sha256(d.key)))) {
        return { kind: 'device', deviceId: d.id, deviceKind: d.kind, counterId: d.counterId };
      }
    }
    return null;
  }

  signOut(token: string): void {
    this.deps.sessions.revoke(sha256(token), this.deps.clock.now());
  }

  officerExists(officerId: string): boolean {
    return this.deps.officers.byId(officerId) !== undefined;
  }

  revokeAllOf(officerId: string): number {
    return this.deps.sessions.revokeAllOf(officerId, this.deps.clock.now());
  }

  async setPassword(officerId: string, password: string): Promise<void> {
    this.deps.officers.setPasswordHash(officerId, await hashPassword(password), this.deps.clock.now());
  }

  /** Gives each account without a password a readable first one; returns them to show once. */
  async issueFirstPasswords(officerIds: readonly string[]): Promise<{ username: string; password: string }[]> {
    const out: { username: string; password: string }[] = [];
    for (const id of officerIds) {
      const account = this.deps.officers.byId(id);
      if (!account || account.passwordHash) continue;
      const password = newReadablePassword();
      await this.setPassword(id, password);
      out.push({ username: account.username, password });
    }
    return out;
  }
}
