import { describe, expect, it } from 'vitest';
import { hashOf, routeOf } from '../../../admin/state/admin-routes.js';
import {
  ADMIN_SESSION_KEY,
  clearAdminSession,
  loadAdminSession,
  saveAdminSession,
  type KeyValueStore,
} from '../../../admin/state/admin-session-store.js';
import type { AdminSession } from '../../../admin/state/admin-session.js';
import { newDeviceKey } from '../../../admin/screens/settings/form/random-key.js';
import { rowTitle } from '../../../admin/screens/settings/form/row-title.js';
import { vnDateTime } from '../../../admin/i18n/date-time.js';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const session: AdminSession = {
  token: 'tok',
  expiresAt: 10_000,
  officer: { id: 'quantri', name: 'Bùi Quốc Khánh', role: 'admin' },
};

describe('the admin page’s kept session', () => {
  it('comes back after a reload until it expires, then is dropped', () => {
    const store = memoryStore();
    saveAdminSession(store, session);
    expect(store.map.has('motcua.admin.session')).toBe(true);
    expect(loadAdminSession(store, 9_999)).toEqual(session);
    expect(loadAdminSession(store, 10_000)).toBeNull();
    expect(store.map.has(ADMIN_SESSION_KEY)).toBe(false);
  });

  it('never opens the page to an officer’s session, or to anything malformed', () => {
    for (const raw of [
      JSON.stringify({ ...session, officer: { ...session.officer, role: 'officer' } }),
      JSON.stringify({ ...session, token: '' }),
      '{"token":"t","expiresAt":"soon","officer":{"id":"a","name":"b","role":"admin"}}',
      'not json',
      'null',
    ]) {
      const store = memoryStore();
      store.setItem(ADMIN_SESSION_KEY, raw);
      expect(loadAdminSession(store, 0)).toBeNull();
      expect(store.map.size).toBe(0);
    }
  });

  it('is forgotten on sign-out', () => {
    const store = memoryStore();
    saveAdminSession(store, session);
    clearAdminSession(store);
    expect(loadAdminSession(store, 0)).toBeNull();
  });
});

describe('the admin page’s addresses', () => {
  it('opens the screen the hash names, with its section, and the dashboard for anything else', () => {
    expect(routeOf('#settings/queues')).toEqual({ screen: 'settings', sub: 'queues' });
    expect(routeOf('#audit')).toEqual({ screen: 'audit', sub: '' });
    expect(routeOf('')).toEqual({ screen: 'dashboard', sub: '' });
    expect(routeOf('#nowhere')).toEqual({ screen: 'dashboard', sub: '' });
    for (const hash of [
      '#dashboard',
      '#reports',
      '#settings',
      '#officers',
      '#devices',
      '#catalogue',
      '#backups',
      '#audit',
      '#settings/office',
    ])
      expect(hashOf(routeOf(hash))).toBe(hash);
  });
});

describe('a new device key', () => {
  it('is 32 url-safe characters taken from the random source', () => {
    const key = newDeviceKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newDeviceKey()).not.toBe(key);
    // Each byte picks one character by its low six bits: 0 -> A, 63 -> _, 64 -> A again.
    expect(newDeviceKey((b) => b.map((_, i) => [0, 63, 64, 255][i % 4] ?? 0))).toBe('A_A_'.repeat(8));
  });
});

describe('words on the admin screens', () => {
  it('names a row by its name, else its id, else its place', () => {
    expect(rowTitle({ id: 'quay-1', name: 'Quầy 1 – Hộ tịch' }, 0)).toBe('Quầy 1 – Hộ tịch');
    expect(rowTitle({ id: 'quay-1', name: '  ' }, 0)).toBe('quay-1');
    expect(rowTitle({ id: '', name: '' }, 3)).toBe('Dòng 4');
    expect(rowTitle({ id: 'x', text: 'Chờ lâu' }, 0)).toBe('Chờ lâu');
  });

  it('writes times in Vietnam’s zone whatever the PC’s', () => {
    expect(vnDateTime(Date.UTC(2026, 6, 2, 17, 5, 9))).toBe('00:05:09 ngày 03/07/2026');
  });
});
