import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpProvinceClient } from '../../server/forwarding/http-province-client.js';
import type { ProvinceSystem, PushOutcome } from '../../server/forwarding/province-system.js';
import {
  startReferenceProvince,
  type ReferenceProvince,
  type ReferenceProvinceOptions,
} from '../../server/forwarding/reference-province/start-reference-province.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { dossier, figures, progress, rating } from '../unit/forwarding/province-fixtures.js';

const TOKEN = 'ma-truy-cap-tinh';
const T0 = Date.UTC(2025, 6, 2, 2, 15, 0);
const CODE = '000.00.00.H38-250702-0001';
const codeOf = (n: number) => `000.00.00.H38-250702-${String(n).padStart(4, '0')}`;

let dir: string;
let clock: ManualClock;
let ref: ReferenceProvince;
let client: ProvinceSystem;
/** For the calls meant to time out; the others wait long enough for a loaded test machine. */
let impatient: ProvinceSystem;

async function start(over: Partial<ReferenceProvinceOptions> = {}): Promise<void> {
  ref = await startReferenceProvince({ dbFile: join(dir, 'province.db'), token: TOKEN, clock, ...over });
  client = createHttpProvinceClient({ baseUrl: ref.url, token: TOKEN, timeoutMs: 3000 });
  impatient = createHttpProvinceClient({ baseUrl: ref.url, token: TOKEN, timeoutMs: 300 });
}

/** Polls until `predicate` holds (the hub's `eventually`, without loading the whole hub for it). */
async function until(predicate: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${ref.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-province-'));
  clock = new ManualClock(T0);
  await start();
});

afterEach(async () => {
  await ref.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('reference province system with the HTTP client', () => {
  it('takes a dossier, its progress, a rating and figures, and answers repeats "đã tồn tại"', async () => {
    expect(await client.pushDossier(dossier(), { idempotencyKey: `dossier:${CODE}` })).toEqual({ kind: 'done' });
    expect(
      await client.pushProgress(progress(CODE, 4, { NgayHenTra: '20250705100000' }), { idempotencyKey: 'progress:1' }),
    ).toEqual({ kind: 'done' });
    expect(await client.pushRating(rating({ MaHoSo: CODE }), { idempotencyKey: 'rating:t-1' })).toEqual({ kind: 'done' });
    expect(await client.pushFigures(figures(), { idempotencyKey: 'figures:2025-07-02' })).toEqual({ kind: 'done' });

    // The hub sends each again, as after a lost answer: the same key, "đã tồn tại".
    expect(await client.pushDossier(dossier(), { idempotencyKey: `dossier:${CODE}` })).toEqual({ kind: 'duplicate' });
    expect(await client.pushProgress(progress(CODE, 4), { idempotencyKey: 'progress:1' })).toEqual({ kind: 'duplicate' });
    expect(await client.pushRating(rating({ MaHoSo: CODE }), { idempotencyKey: 'rating:t-1' })).toEqual({ kind: 'duplicate' });
    expect(await client.pushFigures(figures(), { idempotencyKey: 'figures:2025-07-02' })).toEqual({ kind: 'duplicate' });
    // A dossier code already held is "đã tồn tại" whatever the key.
    expect(await client.pushDossier(dossier(), { idempotencyKey: 'another-key' })).toEqual({ kind: 'duplicate' });

    const s = ref.store;
    expect(s.dossiers().map((d) => [d.maHoSo, d.status])).toEqual([[CODE, 4]]);
    expect(s.dossiers()[0]!.payload).toEqual(dossier());
    expect(s.progress(CODE).map((p) => [p.source, p.status, p.key])).toEqual([['hub', 4, 'progress:1']]);
    expect(s.ratings()).toEqual([{ key: 'rating:t-1', payload: { ...rating({ MaHoSo: CODE }), MaDongBo: 'rating:t-1' } }]);
    expect(s.figures()).toHaveLength(1);
    expect(await client.lookUp(CODE)).toEqual({
      kind: 'found',
      record: {
        MaHoSo: CODE,
        TrangThaiHoSo: 4,
        NgayTiepNhan: '20250702091500',
        NgayHenTra: '20250705100000',
        NgayCoKetQua: null,
        NgayTraKetQua: null,
      },
    });
    expect(await client.lookUp(codeOf(2))).toEqual({ kind: 'not-found' });
  });

  it('replaces a day’s figures sent again under a new key, and keeps one row', async () => {
    await client.pushFigures(figures(), { idempotencyKey: 'figures:2025-07-02' });
    const corrected = figures('20250702', { HangDoi: [{ ...figures().HangDoi[0]!, SoPhieuCap: 41 }] });
    expect(await client.pushFigures(corrected, { idempotencyKey: 'figures:2025-07-02:r2' })).toEqual({ kind: 'done' });
    expect(ref.store.figures().map((f) => [f.revision, f.payload.HangDoi[0]!.SoPhieuCap])).toEqual([[2, 41]]);
  });

  it('refuses progress for a dossier it does not hold, and stores nothing', async () => {
    const outcome = await client.pushProgress(progress(CODE, 4), { idempotencyKey: 'progress:early' });
    expect(outcome).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/HO_SO_CHUA_TON_TAI: unknown dossier: push the dossier before its progress/),
    });
    expect(ref.store.progress()).toEqual([]);
    // Refused is not remembered: once the dossier is there, the same item under the same key is taken.
    await client.pushDossier(dossier(), { idempotencyKey: `dossier:${CODE}` });
    expect(await client.pushProgress(progress(CODE, 4), { idempotencyKey: 'progress:early' })).toEqual({ kind: 'done' });
  });

  it('refuses bad input clearly, in Vietnamese and English, and changes nothing', async () => {
    const wrong = await post(
      '/DongBoHoSoMC',
      { ...dossier(), KenhThucHien: 9, NgayHenTra: '20250230090000' },
      { 'idempotency-key': 'k' },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      ok: false,
      code: 'DU_LIEU_KHONG_HOP_LE',
      message: 'Dữ liệu DongBoHoSoMC không hợp lệ',
      messageEn: 'invalid DongBoHoSoMC',
    });
    expect((wrong.body['details'] as { path: string }[]).map((d) => d.path)).toContain('/KenhThucHien');
    expect(
      (await post('/DongBoHoSoMC', dossier(undefined, { NgayHenTra: '20250230090000' }), { 'idempotency-key': 'k' })).body[
        'details'
      ],
    ).toEqual([{ path: '/NgayHenTra', message: 'not a real date and time' }]);
    expect(await post('/DongBoHoSoMC', '{"MaHoSo": ', { 'idempotency-key': 'k' })).toMatchObject({
      status: 400,
      body: { code: 'DU_LIEU_KHONG_HOP_LE' },
    });
    expect(await post('/DongBoHoSoMC', dossier())).toMatchObject({ status: 400, body: { code: 'THIEU_KHOA' } });
    expect(await post('/DanhGia', { ...rating(), MaDongBo: 'a' }, { 'idempotency-key': 'b' })).toMatchObject({
      status: 400,
      body: { code: 'KHOA_KHONG_HOP_LE' },
    });
    expect(await post('/DongBoHoSoMC', dossier(), { 'idempotency-key': 'k', authorization: 'Bearer sai' })).toMatchObject({
      status: 401,
      body: { code: 'CHUA_XAC_THUC' },
    });
    const unknownCode = await fetch(`${ref.url}/TraCuuHoSo?MaHoSo=abc`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(unknownCode.status).toBe(400);
    expect(ref.store.dossiers()).toEqual([]);
    expect(ref.store.ratings()).toEqual([]);
    // The client reads a wrong token as a setting to fix, not an item to give up on.
    const wrongToken = createHttpProvinceClient({ baseUrl: ref.url, token: 'sai', timeoutMs: 3000 });
    expect(await wrongToken.pushDossier(dossier(), { idempotencyKey: 'k' })).toMatchObject({
      kind: 'retry',
      reason: expect.stringMatching(/HTTP 401/),
    });
  });
});

describe('reference province system: faults', () => {
  const key = `dossier:${CODE}`;

  it('a 500 or a timeout stores nothing; the retry is taken once', async () => {
    ref.setFaults({ failRate: 1 });
    expect(await client.pushDossier(dossier(), { idempotencyKey: key })).toEqual({
      kind: 'retry',
      reason: expect.stringMatching(/HTTP 500/) as unknown as string,
    });
    ref.setFaults({ timeoutRate: 1 });
    expect(await impatient.pushDossier(dossier(), { idempotencyKey: key })).toEqual({
      kind: 'retry',
      reason: 'no answer within 300 ms',
    });
    expect(ref.store.dossiers()).toEqual([]);
    ref.setFaults({});
    expect(await client.pushDossier(dossier(), { idempotencyKey: key })).toEqual({ kind: 'done' });
    expect(ref.store.dossiers()).toHaveLength(1);
  });

  it('a connection dropped after the commit, or garbage after it: retried, answered "đã tồn tại", stored once', async () => {
    ref.setFaults({ dropAfterCommitRate: 1 });
    expect(await client.pushDossier(dossier(), { idempotencyKey: key })).toMatchObject({
      kind: 'retry',
      reason: expect.stringMatching(/connection failed/),
    });
    ref.setFaults({ garbageRate: 1 });
    expect(await client.pushRating(rating(), { idempotencyKey: 'rating:t-1' })).toMatchObject({
      kind: 'retry',
      reason: expect.stringMatching(/not JSON/),
    });
    expect(ref.store.dossiers()).toHaveLength(1);
    expect(ref.store.ratings()).toHaveLength(1);
    ref.setFaults({});
    expect(await client.pushDossier(dossier(), { idempotencyKey: key })).toEqual({ kind: 'duplicate' });
    expect(await client.pushRating(rating(), { idempotencyKey: 'rating:t-1' })).toEqual({ kind: 'duplicate' });
    expect(ref.store.dossiers()).toHaveLength(1);
    expect(ref.store.ratings()).toHaveLength(1);
  });

  it('a delivery duplicated on the way in: stored once, and the hub hears "đã tồn tại" for an item it sent once', async () => {
    ref.setFaults({ duplicateRate: 1 });
    expect(await client.pushDossier(dossier(), { idempotencyKey: key })).toEqual({ kind: 'duplicate' });
    expect(ref.store.dossiers()).toHaveLength(1);
    expect(ref.store.deliveries().map((d) => [d.status, d.code, d.fault])).toEqual([
      [200, null, 'duplicate'],
      [409, 'DA_TON_TAI', 'duplicate'],
    ]);
  });

  it('a reply slower than the client waits: the client retries, the slow first delivery still lands, the retry is "đã tồn tại"', async () => {
    ref.setFaults({ slowMs: 700 });
    expect(await impatient.pushDossier(dossier(), { idempotencyKey: key })).toEqual({
      kind: 'retry',
      reason: 'no answer within 300 ms',
    });
    ref.setFaults({});
    await until(() => ref.store.dossiers().length === 1, 5000, 'the slow delivery to be stored');
    expect(await client.pushDossier(dossier(), { idempotencyKey: key })).toEqual({ kind: 'duplicate' });
    expect(ref.store.dossiers()).toHaveLength(1);
  });

  it('under mixed faults, items sent until done are held exactly once, progress in order', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    await ref.stop();
    await start({
      random,
      faults: { failRate: 0.2, timeoutRate: 0.1, dropAfterCommitRate: 0.15, garbageRate: 0.1, duplicateRate: 0.1 },
    });
    client = createHttpProvinceClient({ baseUrl: ref.url, token: TOKEN, timeoutMs: 150 });
    const sendUntilDone = async (send: () => Promise<PushOutcome>) => {
      for (let i = 0; i < 40; i++) {
        const o = await send();
        if (o.kind === 'done' || o.kind === 'duplicate') return o.kind;
        if (o.kind === 'rejected') throw new Error(o.reason);
      }
      throw new Error('never done');
    };
    const outcomes: string[] = [];
    for (let n = 1; n <= 12; n++) {
      const code = codeOf(n);
      outcomes.push(await sendUntilDone(() => client.pushDossier(dossier(code), { idempotencyKey: `dossier:${code}` })));
      for (const status of [4, 5, 4, 9]) {
        outcomes.push(
          await sendUntilDone(() =>
            client.pushProgress(progress(code, status), { idempotencyKey: `progress:${code}:${status}:${outcomes.length}` }),
          ),
        );
      }
      outcomes.push(await sendUntilDone(() => client.pushRating(rating({ MaHoSo: code }), { idempotencyKey: `rating:${code}` })));
    }
    const s = ref.store;
    expect(
      s
        .dossiers()
        .map((d) => d.maHoSo)
        .sort(),
    ).toEqual(Array.from({ length: 12 }, (_, i) => codeOf(i + 1)));
    for (let n = 1; n <= 12; n++) expect(s.progress(codeOf(n)).map((p) => p.status)).toEqual([4, 5, 4, 9]);
    expect(s.ratings().map((r) => r.key)).toEqual(Array.from({ length: 12 }, (_, i) => `rating:${codeOf(i + 1)}`));
    // The faults did happen: some items were only known done through "đã tồn tại".
    expect(outcomes.filter((o) => o === 'duplicate').length).toBeGreaterThan(0);
    expect(new Set(s.deliveries().map((d) => d.fault))).toEqual(
      new Set([null, 'fail', 'timeout', 'drop', 'garbage', 'duplicate']),
    );
  });

  it('sets faults over HTTP, refusing a setting that makes no sense', async () => {
    expect(await post('/_test/faults', { failRate: 2 })).toMatchObject({ status: 400, body: { code: 'DU_LIEU_KHONG_HOP_LE' } });
    expect(ref.faults().failRate).toBe(0);
    expect(await post('/_test/faults', { failRate: 1 })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await client.pushDossier(dossier(), { idempotencyKey: key })).toMatchObject({ kind: 'retry' });
    expect(() => ref.setFaults({ timeoutRate: 0.7, failRate: 0.7 })).toThrow(/at most 1/);
  });
});

describe('reference province system: statuses and restarts', () => {
  it('moves dossiers 2 -> 4 -> 9 on request, and look-ups show it', async () => {
    await client.pushDossier(dossier(), { idempotencyKey: 'd1' });
    await client.pushDossier(dossier(codeOf(2)), { idempotencyKey: 'd2' });
    expect(ref.advanceStatuses({ code: CODE })).toBe(1);
    expect(await client.lookUp(CODE)).toMatchObject({ kind: 'found', record: { TrangThaiHoSo: 4, NgayCoKetQua: null } });
    clock.advance(3_600_000);
    expect(await post('/_test/advance', { MaHoSo: CODE })).toMatchObject({ status: 200, body: { data: { moved: 1 } } });
    expect(await client.lookUp(CODE)).toMatchObject({
      kind: 'found',
      record: { TrangThaiHoSo: 9, NgayCoKetQua: '20250702101500' },
    });
    expect(ref.advanceStatuses({ code: CODE })).toBe(0); // 9 waits for the hub's "returned" (10)
    expect(ref.store.progress(CODE).map((p) => [p.source, p.status])).toEqual([
      ['province', 4],
      ['province', 9],
    ]);
    expect(await client.lookUp(codeOf(2))).toMatchObject({ record: { TrangThaiHoSo: 2 } });
    expect(await client.pushProgress(progress(CODE, 10, { NgayXuLy: '20250703080000' }), { idempotencyKey: 'p10' })).toEqual({
      kind: 'done',
    });
    expect(await client.lookUp(CODE)).toMatchObject({ record: { TrangThaiHoSo: 10, NgayTraKetQua: '20250703080000' } });
  });

  it('moves them on its schedule as its clock runs', async () => {
    await ref.stop();
    await start({ statusSchedule: { processingAfterMs: 60_000, doneAfterMs: 120_000, tickMs: 20 } });
    await client.pushDossier(dossier(), { idempotencyKey: 'd1' });
    expect(ref.advanceStatuses({ onlyDue: true })).toBe(0);
    clock.advance(60_000);
    await until(() => ref.store.dossiers()[0]?.status === 4, 5000, 'status 4 on the schedule');
    clock.advance(119_000);
    expect(ref.advanceStatuses({ onlyDue: true })).toBe(0);
    clock.advance(1_000);
    await until(() => ref.store.dossiers()[0]?.status === 9, 5000, 'status 9 on the schedule');
  });

  it('stops, refuses connections while stopped, and starts again on the same port with the same data', async () => {
    await client.pushDossier(dossier(), { idempotencyKey: 'd1' });
    const url = ref.url;
    await ref.stop();
    expect(await client.pushRating(rating(), { idempotencyKey: 'r1' })).toEqual({
      kind: 'retry',
      reason: 'connection failed: ECONNREFUSED',
    });
    expect(await client.lookUp(CODE)).toMatchObject({ kind: 'unavailable' });
    await ref.start();
    expect(ref.url).toBe(url);
    expect(await client.lookUp(CODE)).toMatchObject({ kind: 'found', record: { TrangThaiHoSo: 2 } });
    expect(await client.pushDossier(dossier(), { idempotencyKey: 'd1' })).toEqual({ kind: 'duplicate' });
  });

  it('stops promptly while a request is held open by an injected timeout', async () => {
    const held = createHttpProvinceClient({ baseUrl: ref.url, token: TOKEN, timeoutMs: 30_000 });
    ref.setFaults({ timeoutRate: 1 });
    const pending = held.pushDossier(dossier(), { idempotencyKey: 'd1' });
    await until(() => ref.store.deliveries().length === 1, 5000, 'the request to arrive');
    await ref.stop();
    expect(await pending).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/connection failed/) });
    await ref.start();
    expect(ref.store.dossiers()).toEqual([]);
  });
});
