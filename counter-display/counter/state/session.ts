/** The part of localStorage the session uses, so tests pass a plain map. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type OfficerRole = 'officer' | 'supervisor' | 'admin';

export interface OfficerSession {
  readonly token: string;
  /** Epoch ms, as the hub answered at sign-in. */
  readonly expiresAt: number;
  readonly officer: { readonly id: string; readonly name: string; readonly role: OfficerRole };
}

export const SESSION_KEY = 'motcua.officerSession';
/** The counter the console is on, per browser tab (sessionStorage): a reload comes back to it. */
export const CONSOLE_COUNTER_KEY = 'motcua.consoleCounter';

const ROLES: readonly string[] = ['officer', 'supervisor', 'admin'];

/**
 * The officer's session, kept in localStorage so a reload or a hub restart keeps them signed in
 * until it expires. Anything unreadable or expired counts as signed out (and is removed), so a
 * half-written or hand-edited entry never leaves the console stuck.
 */
export function loadSession(store: KeyValueStore, now: number): OfficerSession | null {
  const raw = store.getItem(SESSION_KEY);
  if (raw === null) return null;
  const session = parseSession(raw);
  if (!session || session.expiresAt <= now) {
    store.removeItem(SESSION_KEY);
    return null;
  }
  return session;
}

export function saveSession(store: KeyValueStore, session: OfficerSession): void {
  store.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(store: KeyValueStore): void {
  store.removeItem(SESSION_KEY);
}

export function mayActOnAnyCounter(role: OfficerRole): boolean {
  return role === 'supervisor' || role === 'admin';
}

function parseSession(raw: string): OfficerSession | null {
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
  if (!ROLES.includes(officer.role)) return null;
  return {
    token: v.token,
    expiresAt: v.expiresAt,
    officer: { id: officer.id, name: officer.name, role: officer.role as OfficerRole },
  };
}
