import { describe, expect, it } from 'vitest';
import {
  clearSession,
  loadSession,
  saveSession,
  SESSION_KEY,
  type KeyValueStore,
  type OfficerSession,
} from '../../../counter-display/counter/state/session.js';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const session: OfficerSession = {
  token: 'tok-abc',
  expiresAt: 10_000,
  officer: { id: 'canbo1', name: 'Nguyễn Thị Lan', role: 'officer' },
};

describe('the officer’s kept session', () => {
  it('comes back after a reload until it expires, then is dropped', () => {
    const store = memoryStore();
    saveSession(store, session);
    expect(loadSession(store, 9_999)).toEqual(session);
    expect(loadSession(store, 10_000)).toBeNull();
    expect(store.map.has(SESSION_KEY)).toBe(false);
  });

  it('reads anything malformed as signed out, and removes it', () => {
    for (const raw of [
      'not json',
      'null',
      '{"token":"","expiresAt":10,"officer":{"id":"a","name":"b","role":"officer"}}',
      '{"token":"t","expiresAt":"soon","officer":{"id":"a","name":"b","role":"officer"}}',
      '{"token":"t","expiresAt":99999,"officer":{"id":"a","name":"b","role":"kiosk"}}',
      '{"token":"t","expiresAt":99999}',
    ]) {
      const store = memoryStore();
      store.setItem(SESSION_KEY, raw);
      expect(loadSession(store, 0), raw).toBeNull();
      expect(store.map.has(SESSION_KEY), raw).toBe(false);
    }
  });

  it('is gone after sign-out', () => {
    const store = memoryStore();
    saveSession(store, session);
    clearSession(store);
    expect(loadSession(store, 0)).toBeNull();
  });
});
