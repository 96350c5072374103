import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInLimits, SIGN_IN_RATES } from '../../server/http/sign-in-limits.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { startTestHub, TEST_PASSWORD, type TestHub } from '../helpers/test-hub.js';

const LOCK_SECONDS = SIGN_IN_RATES.lockoutMinutes * 60;

interface Answer {
  status: number;
  code: string | null;
  retryAfter: string | null;
}

/**
 * Password guessing is slow: a username is locked after five wrong passwords for fifteen minutes
 * (by the hub's clock, moved by hand here), a right password resets the count, a locked name or a
 * flooding address is answered RATE_LIMITED with Retry-After, and none of it tells which usernames
 * exist.
 */
describe('sign-in limits and lockout', () => {
  let t: TestHub;
  const clock = new ManualClock(Date.parse('2026-03-02T01:00:00Z'));

  beforeAll(async () => {
    t = await startTestHub({ clock, rateLimits: true });
  });
  afterAll(async () => t?.dispose());

  const officer = (i: number) => t.site.officers.filter((o) => o.role === 'officer')[i]!.username;

  async function login(username: string, password: string): Promise<Answer> {
    const res = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as { ok: boolean; error?: { code: string } };
    return { status: res.status, code: body.ok ? null : (body.error?.code ?? null), retryAfter: res.headers.get('retry-after') };
  }
  const wrong = (username: string) => login(username, 'sai-mat-khau');

  it('locks a username after five wrong passwords, refuses even the right one, and lets it in after fifteen minutes', async () => {
    const name = officer(0);
    for (let i = 0; i < 5; i++) expect(await wrong(name)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS', retryAfter: null });
    const locked = await login(name, TEST_PASSWORD);
    expect(locked).toEqual({ status: 429, code: 'RATE_LIMITED', retryAfter: String(LOCK_SECONDS) });
    // Other officers are not affected.
    expect((await login(officer(1), TEST_PASSWORD)).status).toBe(200);
    clock.advance(10 * 60_000);
    expect(await login(name, TEST_PASSWORD)).toEqual({ status: 429, code: 'RATE_LIMITED', retryAfter: String(5 * 60) });
    clock.advance(5 * 60_000);
    expect((await login(name, TEST_PASSWORD)).status).toBe(200);
    // The lockout served, the count starts from nothing: one wrong password is just wrong.
    expect((await wrong(name)).code).toBe('INVALID_CREDENTIALS');
    expect((await login(name, TEST_PASSWORD)).status).toBe(200);
  });

  it('resets the count on a right password', async () => {
    const name = officer(2);
    for (let i = 0; i < 4; i++) expect((await wrong(name)).code).toBe('INVALID_CREDENTIALS');
    expect((await login(name, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await wrong(name)).code).toBe('INVALID_CREDENTIALS');
    expect((await login(name, TEST_PASSWORD)).status).toBe(200);
    clock.advance(60_000); // the per-username bucket refills: this test is about the lockout
  });

  it('answers an unknown username exactly as a real one, locked after five tries alike', async () => {
    const real = officer(3);
    const invented = 'khong-co-ai-ten-nay';
    const a: Answer[] = [];
    const b: Answer[] = [];
    for (let i = 0; i < 7; i++) {
      a.push(await wrong(real));
      b.push(await wrong(invented));
    }
    expect(b).toEqual(a);
    expect(a.map((x) => x.code)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED', 'RATE_LIMITED']);
    // Typed with capitals and spaces it is the same username, and just as locked.
    expect((await login(`  ${real.toUpperCase()} `, TEST_PASSWORD)).code).toBe('RATE_LIMITED');
    clock.advance(LOCK_SECONDS * 1000);
  });

  it('slows one address trying many usernames, and one username signed in over and over', async () => {
    const perIp = SIGN_IN_RATES.perIp.burst;
    const answers: Answer[] = [];
    for (let i = 0; i < perIp + 1; i++) answers.push(await wrong(`ten-thu-${i}`));
    expect(answers.slice(0, perIp).every((x) => x.code === 'INVALID_CREDENTIALS')).toBe(true);
    expect(answers[perIp]!.code).toBe('RATE_LIMITED');
    expect(Number(answers[perIp]!.retryAfter)).toBeGreaterThan(0);
    // A right password from the same address waits its turn as well.
    expect((await login(officer(4), TEST_PASSWORD)).code).toBe('RATE_LIMITED');
    clock.advance(60_000);
    expect((await login(officer(4), TEST_PASSWORD)).status).toBe(200);
    // Right passwords too: a script signing one account in over and over is slowed (each makes a session).
    const perName = SIGN_IN_RATES.perUsername.burst;
    const supervisor = t.site.officers.find((o) => o.role === 'supervisor')!.username;
    const again: Answer[] = [];
    for (let i = 0; i < perName + 1; i++) again.push(await login(supervisor, TEST_PASSWORD));
    expect(again.map((x) => x.status)).toEqual([...Array(perName).fill(200), 429]);
  });
});

describe('sign-in limits: the lockout is logged once, in English', () => {
  it('logs the lockout when it starts and not for each refused try', () => {
    const clock = new ManualClock(0);
    const warnings: { obj: object; msg?: string }[] = [];
    const logger = { info() {}, error() {}, warn: (obj: object, msg?: string) => void warnings.push({ obj, msg }) };
    const limits = new SignInLimits({ clock, logger });
    for (let i = 0; i < 5; i++) {
      expect(limits.admit('canbo1', '10.0.0.5').ok).toBe(true);
      limits.failed('canbo1', '10.0.0.5');
    }
    for (let i = 0; i < 5; i++) expect(limits.admit('canbo1', '10.0.0.5')).toEqual({ ok: false, retryAfterSec: LOCK_SECONDS });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toBe('sign-in locked after repeated wrong passwords');
    expect(warnings[0]!.obj).toMatchObject({ username: 'canbo1', ip: '10.0.0.5', failures: 5 });
  });

  it('forgets wrong passwords spread far apart, and keeps a lockout through a flood of invented names', () => {
    const clock = new ManualClock(0);
    const logger = { info() {}, warn() {}, error() {} };
    const limits = new SignInLimits({ clock, logger, maxNames: 50 });
    for (let i = 0; i < 8; i++) {
      limits.failed('canbo2', '10.0.0.6');
      clock.advance(SIGN_IN_RATES.lockoutMinutes * 60_000);
    }
    expect(limits.admit('canbo2', '10.0.0.6').ok).toBe(true);
    for (let i = 0; i < 5; i++) limits.failed('canbo3', '10.0.0.7');
    for (let i = 0; i < 500; i++) limits.failed(`invented-${i}`, `10.1.${i >> 8}.${i & 255}`);
    expect(limits.admit('canbo3', '10.0.0.8').ok).toBe(false);
  });
});
