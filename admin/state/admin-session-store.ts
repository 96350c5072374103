import type { AdminRole, AdminSession } from './admin-session.js';

/** The part of localStorage the session uses, so tests pass a plain map. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const ADMIN_SESSION_KEY = 'motcua.admin.session';

export function isAdminRole(role: string): role is AdminRole {
  return role === 'supervisor' || role === 'admin';
}

/**
 * The admin session, kept until it expires so a reload stays signed in. Anything unreadable, expired
 * or of a role without admin rights counts as signed out and is removed, so a hand-edited entry never
 * opens the page to an officer (the hub would refuse every call anyway).
 */
export function loadAdminSession(store: KeyValueStore, now: number): AdminSession | null {
  const raw = store.getItem(ADMIN_SESSION_KEY);
  if (raw === null) return null;
  const session = parse(raw);
  if (!session || session.expiresAt <= now) {
    store.removeItem(ADMIN_SESSION_KEY);
    return null;
  }
  return session;
}

export function saveAdminSession(store: KeyValueStore, session: AdminSession): void {
  store.setItem(ADMIN_SESSION_KEY, JSON.stringify(session));
}

export function clearAdminSession(store: KeyValueStore): void {
  store.removeItem(ADMIN_SESSION_KEY);
}

function parse(raw: string): AdminSession | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const officer = v.officer as Record<string, unknown> | null | undefined;
  if (typeof v.token !== 'string' || v.token.length === 0 || typeof v.expiresAt !== 'number') return null;
  if (typeof officer !== 'object' || officer === null) return null;
  if (typeof officer.id !== 'string' || typeof officer.name !== 'string' || typeof officer.role !== 'string') return null;
  if (!isAdminRole(officer.role)) return null;
  return { token: v.token, expiresAt: v.expiresAt, officer: { id: officer.id, name: officer.name, role: officer.role } };
}
