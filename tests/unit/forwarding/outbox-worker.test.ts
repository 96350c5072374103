import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, OutboxWorker, type OutboxWorkerOptions } from '../../../server/forwarding/outbox-worker.js';
import type { ProvincePushes, PushOutcome } from '../../../server/forwarding/province-system.js';
import { silentLogger } from '../../../server/services/logger.js';
import { openDatabase, type Db } from '../../../server/storage/db.js';
import { migrate } from '../../../server/storage/migrate.js';
import { outboxRepository, type OutboxKind, type OutboxRepository } from '../../../server/storage/repositories/outbox.js';
import { ManualClock } from '../../helpers/manual-clock.js';

type Answer = PushOutcome | Error | Promise<PushOutcome>;

interface Call {
  readonly kind: OutboxKind;
  readonly key: string;
  readonly payload: unknown;
}

/**
 * The province system stands in here: the worker's rules (order, backoff, dead letters) are tested
 * against scripted answers; tests/integration/forwarding-outbox.test.ts runs it over real HTTP.
 */
class FakeProvince implements ProvincePushes {
  readonly calls: Call[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Answers per idempotency key, in order; `done` once a key's script is used up. */
  readonly script = new Map<string, Answer[]>();

  pushDossier = (payload: unknown, m: { idempotencyKey: string }) => this.answer('dossier', payload, m.idempotencyKey);
  pushProgress = (payload: unknown, m: { idempotencyKey: string }) => this.answer('progress', payload, m.idempotencyKey);
  pushRating = (payload: unknown, m: { idempotencyKey: string }) => this.answer('rating', payload, m.idempotencyKey);
  pushFigures = (payload: unknown, m: { idempotencyKey: string }) => this.answer('figures', payload, m.idempotencyKey);

  private async answer(kind: OutboxKind, payload: unknown, key: string): Promise<PushOutcome> {
    this.calls.push({ kind, key, payload });
    const next = this.script.get(key)?.shift() ?? { kind: 'done' };
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (next instanceof Error) throw next;
      return await next;
    } finally {
      this.inFlight--;
    }
  }

  keys(): string[] {
    return this.calls.map((c) => c.key);
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const retry = (reason = 'HTTP 503'): PushOutcome => ({ kind: 'retry', reason });
const T0 = Date.UTC(2025, 6, 2, 1, 0, 0);
const MAX_DELAY = 60_000;

let dir: string;
let db: Db;
let outbox: OutboxRepository;
let clock: ManualClock;
let province: FakeProvince;
const workers: OutboxWorker[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-outbox-'));
  db = openDatabase(join(dir, 'hall.db'));
  migrate(db);
  outbox = outboxRepository(db);
  clock = new ManualClock(T0);
  province = new FakeProvince();
});

afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The poll never fires within a test: only start(), kick() and finished sends move the worker. */
function worker(options: OutboxWorkerOptions = {}): OutboxWorker {
  const w = new OutboxWorker({
    outbox,
    province,
    clock,
    logger: silentLogger,
    options: { baseDelayMs: 1_000, maxDelayMs: MAX_DELAY, pollMs: 3_600_000, random: () => 0.5, ...options },
  });
  workers.push(w);
  return w;
}

function add(kind: OutboxKind, key: string, stream: string, payload: unknown = { key }): void {
  outbox.add({ kind, idempotencyKey: key, stream, payload, at: clock.now() });
}

/** A dossier and its progress items, written in one transaction as the reception core does. */
function addDossier(code: string, progress = 0): void {
  db.transaction(() => {
    add('dossier', `dossier:${code}`, `dossier:${code}`, { MaHoSo: code });
    for (let i = 1; i <= progress; i++) add('progress', `progress:${code}:${i}`, `dossier:${code}`, { MaHoSo: code, step: i });
  })();
}

/** Moves time past every retry and lets the worker send until nothing is in flight, `rounds` times. */
async function drain(w: OutboxWorker, rounds = 1): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    clock.advance(MAX_DELAY);
    w.kick();
    await w.idle();
  }
}

const row = (key: string) =>
  db
    .prepare(
      'SELECT status, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError FROM outbox WHERE idempotency_key = ?',
    )
    .get(key) as {
    status: string;
    attempts: number;
    nextAttemptAt: number;
    lastError: string | null;
  };

describe('OutboxWorker', () => {
  it('sends a stream in order: progress waits while its dossier needs five tries, other streams do not wait', async () => {
    addDossier('000.00.00.H38-250702-0001', 2);
    addDossier('000.00.00.H38-250702-0002', 1);
    province.script.set('dossier:000.00.00.H38-250702-0001', [retry(), retry(), new Error('socket hang up'), retry()]);
    const w = worker();
    w.start();
    await w.idle();
    // The second dossier and its progress are through while the first is still on its first retry.
    expect(row('progress:000.00.00.H38-250702-0002:1').status).toBe('done');
    expect(row('dossier:000.00.00.H38-250702-0001')).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row('progress:000.00.00.H38-250702-0001:1')).toMatchObject({ status: 'pending', attempts: 0 });
    await drain(w, 4);
    const first = province.keys().filter((k) => k.includes('-0001'));
    expect(first).toEqual([
      ...Array(5).fill('dossier:000.00.00.H38-250702-0001'),
      'progress:000.00.00.H38-250702-0001:1',
      'progress:000.00.00.H38-250702-0001:2',
    ]);
    expect(outbox.counts()).toEqual({ pending: 0, done: 5, dead: 0 });
    expect(w.status()).toMatchObject({ pending: 0, done: 5, dead: 0, lastSuccessAt: clock.now() });
  });

  it('waits longer after each failure, within the jittered bound, up to the maximum', async () => {
    const draws = [0.999, 0.25, 0.999, 0.001, 0.999, 0.999, 0.999, 0.999, 0.999];
    let n = 0;
    const w = worker({ random: () => draws[n++ % draws.length] ?? 0, maxAttempts: 20 });
    add('rating', 'rating:1', 'rating:1');
    province.script.set(
      'rating:1',
      Array.from({ length: 9 }, () => retry()),
    );
    w.start();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 9; attempt++) {
      await w.idle();
      const r = row('rating:1');
      expect(r.attempts).toBe(attempt + 1);
      delays.push(r.nextAttemptAt - clock.now());
      // Not yet due: nothing is sent before the retry time.
      clock.set(r.nextAttemptAt - 1);
      w.kick();
      await w.idle();
      expect(province.calls).toHaveLength(attempt + 1);
      clock.set(r.nextAttemptAt);
      w.kick();
    }
    await w.idle();
    // Cap for the k-th failure: min(60 s, 1 s * 2^k); each delay is the draw times that cap.
    expect(delays).toEqual([999, 500, 3996, 8, 15984, 31968, 59940, 59940, 59940]);
    for (const [k, d] of delays.entries()) expect(d).toBeLessThan(Math.min(MAX_DELAY, 1_000 * 2 ** k));
    expect(row('rating:1').status).toBe('done');
  });

  it('computes full-jitter delays that never reach the cap and never go negative', () => {
    const o = { baseDelayMs: 2_000, maxDelayMs: 600_000 };
    expect(backoffDelay(0, o, () => 0)).toBe(0);
    expect(backoffDelay(0, o, () => 0.999999)).toBe(1_999);
    expect(backoffDelay(5, o, () => 0.5)).toBe(32_000);
    expect(backoffDelay(1_000, o, () => 0.999999)).toBe(599_999);
  });

  it('makes a rejected item dead at once with the reason, holds its stream, and sends it after a revive', async () => {
    addDossier('000.00.00.H38-250702-0003', 1);
    add('rating', 'rating:9', 'rating:9');
    province.script.set('dossier:000.00.00.H38-250702-0003', [{ kind: 'rejected', reason: 'MaTTHC không tồn tại' }]);
    const w = worker();
    w.start();
    await drain(w, 3);
    expect(row('dossier:000.00.00.H38-250702-0003')).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'rejected: MaTTHC không tồn tại',
    });
    expect(row('progress:000.00.00.H38-250702-0003:1').status).toBe('pending');
    expect(row('rating:9').status).toBe('done');
    expect(province.keys().filter((k) => k.startsWith('progress'))).toEqual([]);
    expect(w.status()).toMatchObject({ dead: 1, pending: 1, lastError: { message: 'MaTTHC không tồn tại' } });

    expect(outbox.revive('all', clock.now())).toBe(1);
    w.kick();
    await w.idle();
    expect(province.keys().slice(-2)).toEqual(['dossier:000.00.00.H38-250702-0003', 'progress:000.00.00.H38-250702-0003:1']);
    expect(outbox.counts()).toEqual({ pending: 0, done: 3, dead: 0 });
  });

  it('goes dead after maxAttempts failed tries', async () => {
    add('figures', 'figures:2025-07-02', 'figures');
    province.script.set(
      'figures:2025-07-02',
      Array.from({ length: 10 }, () => retry('timeout')),
    );
    const w = worker({ maxAttempts: 3 });
    w.start();
    await drain(w, 5);
    expect(province.calls).toHaveLength(3);
    expect(row('figures:2025-07-02')).toMatchObject({ status: 'dead', attempts: 3, lastError: 'timeout' });
  });

  it('counts "already exists" as done, and a thrown client error as a retry that does not stop the worker', async () => {
    add('dossier', 'dossier:A', 'dossier:A');
    add('dossier', 'dossier:B', 'dossier:B');
    province.script.set('dossier:A', [{ kind: 'duplicate' }]);
    province.script.set('dossier:B', [new TypeError('fetch failed')]);
    const w = worker();
    w.start();
    await w.idle();
    expect(row('dossier:A').status).toBe('done');
    expect(row('dossier:B')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'province client failed: fetch failed' });
    await drain(w);
    expect(row('dossier:B').status).toBe('done');
    expect(w.status().running).toBe(true);
  });

  it('keeps at most `concurrency` streams in flight, and one item per stream', async () => {
    const gates = new Map<string, ReturnType<typeof deferred<PushOutcome>>>();
    for (let s = 0; s < 8; s++) {
      for (let i = 0; i < 3; i++) {
        const key = `s${s}:${i}`;
        const gate = deferred<PushOutcome>();
        gates.set(key, gate);
        province.script.set(key, [gate.promise]);
        add('progress', key, `dossier:S${s}`);
      }
    }
    const w = worker({ concurrency: 3 });
    w.start();
    w.kick();
    expect(province.keys()).toEqual(['s0:0', 's1:0', 's2:0']);
    // Release in an order unlike the sends, one at a time.
    const released = new Set<string>();
    while (released.size < gates.size) {
      const open = province.keys().filter((k) => !released.has(k));
      expect(open.length).toBeLessThanOrEqual(3);
      expect(new Set(open.map((k) => k.split(':')[0])).size).toBe(open.length);
      const key = open[open.length - 1];
      if (!key) throw new Error('nothing in flight while items remain');
      released.add(key);
      gates.get(key)?.resolve({ kind: 'done' });
      await new Promise((r) => setImmediate(r));
    }
    await w.idle();
    expect(province.maxInFlight).toBe(3);
    for (let s = 0; s < 8; s++)
      expect(province.keys().filter((k) => k.startsWith(`s${s}:`))).toEqual([`s${s}:0`, `s${s}:1`, `s${s}:2`]);
    expect(outbox.counts()).toEqual({ pending: 0, done: 24, dead: 0 });
  });

  it('stop() mid-send leaves the item pending; the next start sends it again with its key', async () => {
    add('dossier', 'dossier:C', 'dossier:C');
    const hung = deferred<PushOutcome>();
    province.script.set('dossier:C', [hung.promise, { kind: 'duplicate' }]);
    const w = worker({ stopGraceMs: 20 });
    w.start();
    expect(province.inFlight).toBe(1);
    await w.stop();
    expect(w.status()).toMatchObject({ running: false, inFlight: 0 });
    // The province finishes the abandoned send after the stop: nothing is written for it.
    hung.resolve({ kind: 'done' });
    await new Promise((r) => setImmediate(r));
    expect(row('dossier:C')).toMatchObject({ status: 'pending', attempts: 0 });

    const again = worker();
    again.start();
    await again.idle();
    expect(province.keys()).toEqual(['dossier:C', 'dossier:C']);
    expect(row('dossier:C').status).toBe('done');
  });

  it('lets a send that finishes within the stop grace record its outcome', async () => {
    add('rating', 'rating:5', 'rating:5');
    const slow = deferred<PushOutcome>();
    province.script.set('rating:5', [slow.promise]);
    const w = worker({ stopGraceMs: 5_000 });
    w.start();
    const stopped = w.stop();
    slow.resolve({ kind: 'done' });
    await stopped;
    expect(row('rating:5').status).toBe('done');
    expect(province.calls).toHaveLength(1);
  });
});
