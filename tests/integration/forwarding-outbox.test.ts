import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpProvinceClient } from '../../server/forwarding/http-province-client.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../../server/forwarding/outbox-worker.js';
import { toVnStamp } from '../../server/forwarding/province-shapes.js';
import {
  startReferenceProvince,
  type ReferenceProvince,
} from '../../server/forwarding/reference-province/start-reference-province.js';
import { ErrorEnvelope } from '../../server/http/envelope-schemas.js';
import { registerErrorEnvelope } from '../../server/http/error-envelope.js';
import { registerOutboxRoutes } from '../../server/http/routes/outbox.js';
import { AuthService } from '../../server/services/auth-service.js';
import { silentLogger } from '../../server/services/logger.js';
import { systemClock } from '../../server/services/system-ports.js';
import { openDatabase, type Db } from '../../server/storage/db.js';
import { migrate } from '../../server/storage/migrate.js';
import { officersRepository } from '../../server/storage/repositories/officers.js';
import { outboxRepository, type OutboxRepository } from '../../server/storage/repositories/outbox.js';
import { sessionsRepository } from '../../server/storage/repositories/sessions.js';
import { eventually } from '../helpers/test-hub.js';
import { seededRandom } from '../helpers/seeded-random.js';

const T0 = Date.UTC(2025, 6, 2, 2, 0, 0);
const code = (n: number) => `000.00.00.H38-250702-${String(n).padStart(4, '0')}`;


const dossierPayload = (c: string) => ({
  MaHoSo: c,
  MaTTHC: '1.001193',
  TenTTHC: 'Đăng ký khai sinh',
  MaLinhVuc: null,
  TenLinhVuc: 'Hộ tịch',
  KenhThucHien: 1,
  ChuHoSo: 'Nguyễn Thị Lan',
  SoDinhDanh: '001190012345',
  NgayTiepNhan: toVnStamp(T0),
  NgayHenTra: toVnStamp(T0 + 3 * 86_400_000),
  TrangThaiHoSo: 2,
  HinhThucTraKetQua: 0,
  MaDonVi: '000.00.00.H38',
  DanhSachGiayTo: [{ TenGiayTo: 'Tờ khai đăng ký khai sinh', SoBanChinh: 1, SoBanSao: 0 }],
  CanBoTiepNhan: 'Trần Văn Bình',
});
const STEPS = [
  [4, 'Chuyển phòng chuyên môn xử lý'],
  [5, 'Yêu cầu bổ sung giấy tờ'],
  [9, 'Đã xử lý xong'],
] as const;
const progressPayload = (c: string, step: number) => ({
  MaHoSo: c,
  TrangThaiHoSo: STEPS[step - 1]?.[0] ?? 4,
  NgayXuLy: toVnStamp(T0 + step * 60_000),
  NoiDungXuLy: STEPS[step - 1]?.[1] ?? 'Xử lý',
  NguoiXuLy: 'Lê Thị Hoa',
});
const ratingPayload = (n: number) => ({
  SoThuTu: `A${String(n).padStart(3, '0')}`,
  MaQuay: 'quay-1',
  MaCanBo: 'canbo1',
  MaHangDoi: 'ho-tich-chung-thuc',
  ThangDanhGia: 'ba-muc',
  MucDo: 'rat-hai-long',
  CacTieuChi: {},
  NgayDanhGia: toVnStamp(T0),
});

/** What the reception core writes: a dossier with its progress in one transaction, or a rating. */
type Group = { kind: 'dossier'; code: string; steps: number } | { kind: 'rating'; key: string; n: number };

function writeGroup(db: Db, outbox: OutboxRepository, g: Group): void {
  const at = Date.now();
  db.transaction(() => {
    if (g.kind === 'rating') {
      outbox.add({ kind: 'rating', idempotencyKey: g.key, stream: g.key, payload: ratingPayload(g.n), at });
      return;
    }
    const stream = `dossier:${g.code}`;
    outbox.add({ kind: 'dossier', idempotencyKey: `dossier:${g.code}`, stream, payload: dossierPayload(g.code), at });
    for (let s = 1; s <= g.steps; s++) {
      outbox.add({
        kind: 'progress',
        idempotencyKey: `progress:${g.code}:${s}`,
        stream,
        payload: progressPayload(g.code, s),
        at,
      });
    }
  })();
}

/** Dossiers with 1-3 progress items each, and ratings among them: exactly `total` items. */
function makeGroups(total: number, random: () => number): Group[] {
  const groups: Group[] = [];
  let items = 0;
  let dossiers = 0;
  let ratings = 0;
  while (items < total) {
    const room = total - items;
    if (room < 2 || random() < 0.2) {
      ratings++;
      groups.push({ kind: 'rating', key: `rating:ticket-${ratings}`, n: ratings });
      items++;
    } else {
      const steps = Math.min(1 + Math.floor(random() * 3), room - 1);
      groups.push({ kind: 'dossier', code: code(++dossiers), steps });
      items += 1 + steps;
    }
  }
  return groups;
}

const MODULE = (p: string) => pathToFileURL(fileURLToPath(new URL(`../../server/${p}`, import.meta.url))).href;

// The hub side in its own process, so it can be killed with SIGKILL mid-drain: the worker and the
// HTTP client alone, on the same SQLite file the test writes into (as the hub's reception would).
const WORKER_PROCESS = `
const { openDatabase } = await import(${JSON.stringify(MODULE('storage/db.ts'))});
const { outboxRepository } = await import(${JSON.stringify(MODULE('storage/repositories/outbox.ts'))});
const { OutboxWorker } = await import(${JSON.stringify(MODULE('forwarding/outbox-worker.ts'))});
const { createHttpProvinceClient } = await import(${JSON.stringify(MODULE('forwarding/http-province-client.ts'))});
const db = openDatabase(process.env.OUTBOX_DB);
const worker = new OutboxWorker({
  outbox: outboxRepository(db),
  province: createHttpProvinceClient({ baseUrl: process.env.PROVINCE_URL, timeoutMs: 1000 }),
  clock: { now: () => Date.now() },
  logger: { info() {}, warn() {}, error: (o, m) => process.stderr.write(m + ' ' + JSON.stringify(o) + '\\n') },
  options: JSON.parse(process.env.WORKER_OPTIONS),
});
worker.start();
setInterval(() => {}, 1 << 30);
process.stdout.write('STARTED\\n');
`;

/**
 * The figures are a minute of province downtime against 12 tries spaced 2 s .. 10 min apart.
 * Here the downtime is 2.5 s and the backoff is scaled down to 10 .. 250 ms: the same behaviour in
 * seconds. Scaling the delays makes each try come sooner, so the tries are raised to match (the dead
 * letter after maxAttempts is tested in tests/unit/forwarding/outbox-worker.test.ts).
 */
// Eight streams at once and a 1 s client timeout keep the injected timeouts from dominating the run
// on a loaded 2-core machine (a tighter timeout there turns slow answers into timeouts too).
const SCALED: OutboxWorkerOptions = { baseDelayMs: 10, maxDelayMs: 250, pollMs: 20, concurrency: 8, maxAttempts: 1_000 };
const OUTAGE_MS = 2_500;

async function startWorkerProcess(dbFile: string, provinceUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WORKER_PROCESS], {
    env: { ...process.env, OUTBOX_DB: dbFile, PROVINCE_URL: provinceUrl, WORKER_OPTIONS: JSON.stringify(SCALED) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    childErrors.push(d.toString().slice(0, 500));
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('STARTED')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (c) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${c}: ${stderr}`));
    });
  });
  return child;
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

const children: ChildProcess[] = [];
/** What the worker processes wrote to stderr (dead items, failures to record), shown when a wait fails. */
const childErrors: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) await killHard(c);
  childErrors.splice(0);
  for (const f of cleanups.splice(0).reverse()) await f();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-forwarding-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function reference(
  dir: string,
  o: Parameters<typeof startReferenceProvince>[0]['faults'] = {},
  seed = 7,
): Promise<ReferenceProvince> {
  const r = await startReferenceProvince({ dbFile: join(dir, 'province.db'), faults: o, random: seededRandom(seed) });
  cleanups.push(() => r.stop());
  return r;
}

function hubDb(dir: string): { db: Db; outbox: OutboxRepository; file: string } {
  const file = join(dir, 'hall.db');
  const db = openDatabase(file);
  migrate(db);
  cleanups.push(() => {
    db.close();
  });
  return { db, outbox: outboxRepository(db), file };
}

describe('forwarding to the province system over real HTTP', () => {
  it(
    'forwards 500 items through failures, timeouts, an outage and a SIGKILL: each once, in order, nothing left',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const { db, outbox, file } = hubDb(dir);
      // A third of the calls fail (HTTP 500, the link cut after the commit, an HTML page from a proxy),
      // others time out, and a gateway delivers some twice.
      const province = await reference(dir, {
        failRate: 0.23,
        dropAfterCommitRate: 0.06,
        garbageRate: 0.04,
        timeoutRate: 0.04,
        duplicateRate: 0.03,
      });
      const groups = makeGroups(500, seededRandom(42));
      const split = groups.findIndex(
        (_, i) => groups.slice(0, i).reduce((n, g) => n + (g.kind === 'rating' ? 1 : 1 + g.steps), 0) >= 400,
      );
      for (const g of groups.slice(0, split)) writeGroup(db, outbox, g);
      const counts = () => outbox.counts();
      const until = (what: string, check: () => boolean, ms: number) =>
        eventually(check, ms, what).catch((err: Error) => {
          throw new Error(
            `${err.message}; outbox ${JSON.stringify(counts())}; workers exited: ${children.map((c) => c.exitCode ?? c.signalCode).join()}; stderr: ${childErrors.join('').slice(-2000)}`,
          );
        });

      const first = await startWorkerProcess(file, province.url);
      await until('100 items forwarded', () => counts().done >= 100, 20_000);
      await killHard(first);
      const atKill = counts();
      expect(atKill.pending).toBeGreaterThan(0);

      // The rest is received while the hub is down; the restarted hub owes all of it.
      for (const g of groups.slice(split)) writeGroup(db, outbox, g);
      await startWorkerProcess(file, province.url);
      await until('250 items forwarded', () => counts().done >= 250, 20_000);
      await province.stop();
      expect(counts().pending).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      await province.start();
      await until('the outbox to drain', () => counts().pending === 0 || counts().dead > 0, 40_000);
      expect(counts()).toEqual({ pending: 0, done: 500, dead: 0 });

      // Every item is held exactly once by the province, counted by code and by key.
      const rdb = province.db;
      const dossierGroups = groups.filter((g): g is Extract<Group, { kind: 'dossier' }> => g.kind === 'dossier');
      const ratingGroups = groups.filter((g): g is Extract<Group, { kind: 'rating' }> => g.kind === 'rating');
      const dossiers = rdb.prepare('SELECT ma_ho_so AS code, COUNT(*) AS n FROM dossiers GROUP BY ma_ho_so').all() as {
        code: string;
        n: number;
      }[];
      expect(dossiers.map((d) => d.code).sort()).toEqual(dossierGroups.map((g) => g.code).sort());
      expect(dossiers.every((d) => d.n === 1)).toBe(true);
      const progress = rdb
        .prepare("SELECT idempotency_key AS key, COUNT(*) AS n FROM progress WHERE source = 'hub' GROUP BY idempotency_key")
        .all() as {
        key: string;
        n: number;
      }[];
      expect(progress).toHaveLength(dossierGroups.reduce((n, g) => n + g.steps, 0));
      expect(progress.every((p) => p.n === 1)).toBe(true);
      const ratings = rdb.prepare('SELECT idempotency_key AS key, COUNT(*) AS n FROM ratings GROUP BY idempotency_key').all() as {
        key: string;
        n: number;
      }[];
      expect(ratings.map((r) => r.key).sort()).toEqual(ratingGroups.map((g) => g.key).sort());
      expect(ratings.every((r) => r.n === 1)).toBe(true);

      // In order per dossier: its progress in sequence, and never a progress before the dossier.
      for (const g of dossierGroups) {
        expect(province.store.progress(g.code).map((p) => p.key)).toEqual(
          Array.from({ length: g.steps }, (_, i) => `progress:${g.code}:${i + 1}`),
        );
      }
      const deliveries = province.store.deliveries();
      expect(deliveries.filter((d) => d.code === 'HO_SO_CHUA_TON_TAI')).toEqual([]);
      // The faults did happen, and repeats were answered "đã tồn tại" and counted as done.
      const faults = new Set(deliveries.map((d) => d.fault));
      for (const f of ['fail', 'timeout', 'drop', 'garbage', 'duplicate']) expect(faults).toContain(f);
      expect(deliveries.some((d) => d.code === 'DA_TON_TAI')).toBe(true);
    },
  );
});

describe('admin routes for the outbox', () => {
  async function adminApp(): Promise<{
    app: FastifyInstance;
    url: string;
    db: Db;
    outbox: OutboxRepository;
    province: ReferenceProvince;
    worker: OutboxWorker;
    tokens: Record<string, string>;
  }> {
    const dir = tempDir();
    const { db, outbox } = hubDb(dir);
    const province = await reference(dir);
    const officers = officersRepository(db);
    officers.sync([
      { id: 'canbo1', username: 'canbo1', name: 'Trần Văn Bình', role: 'officer', disabled: false },
      { id: 'giamsat', username: 'giamsat', name: 'Đặng Thị Thu Hà', role: 'supervisor', disabled: false },
      { id: 'quantri', username: 'quantri', name: 'Bùi Quốc Khánh', role: 'admin', disabled: false },
    ]);
    const auth = new AuthService({
      officers,
      sessions: sessionsRepository(db),
      clock: systemClock,
      deviceKeys: () => [{ id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-key-abcdefghijklmnop', counterId: null }],
      sessionHours: 1,
    });
    const tokens: Record<string, string> = {};
    for (const id of ['canbo1', 'giamsat', 'quantri']) {
      await auth.setPassword(id, 'mat-khau-thu-nghiem');
      const s = await auth.signIn(id, 'mat-khau-thu-nghiem');
      if (!s.ok) throw new Error(`sign-in of ${id} failed`);
      tokens[id] = s.token;
    }
    const worker = new OutboxWorker({
      outbox,
      province: createHttpProvinceClient({ baseUrl: province.url, timeoutMs: 2_000 }),
      clock: systemClock,
      logger: silentLogger,
      options: { ...SCALED, maxAttempts: 3 },
    });
    cleanups.push(() => worker.stop());
    const app = Fastify({
      logger: false,
      ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true } },
    });
    app.addSchema(ErrorEnvelope);
    registerErrorEnvelope(app);
    registerOutboxRoutes(app, { auth, outbox, worker, clock: systemClock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => app.close());
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return { app, url, db, outbox, province, worker, tokens };
  }

  const call = async (url: string, method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const bearer = (t: string | undefined) => ({ authorization: `Bearer ${t ?? ''}` });

  it('shows, exports and retries dead items for supervisors and admins only', async () => {
    const { url, db, outbox, province, worker, tokens } = await adminApp();
    // Progress for a dossier the province does not hold is refused (rejected -> dead at once), and
    // holds its stream; a rating with a level too long for the shape is refused by the client.
    const c1 = code(1);
    outbox.add({
      kind: 'progress',
      idempotencyKey: `progress:${c1}:1`,
      stream: `dossier:${c1}`,
      payload: progressPayload(c1, 1),
      at: Date.now(),
    });
    outbox.add({
      kind: 'progress',
      idempotencyKey: `progress:${c1}:2`,
      stream: `dossier:${c1}`,
      payload: progressPayload(c1, 2),
      at: Date.now(),
    });
    outbox.add({
      kind: 'rating',
      idempotencyKey: 'rating:bad',
      stream: 'rating:bad',
      payload: { ...ratingPayload(1), MucDo: 'x'.repeat(65) },
      at: Date.now(),
    });
    worker.start();
    await eventually(() => outbox.counts().dead === 2, 10_000, 'two dead items');
    await worker.idle();

    for (const [who, headers] of [
      ['nobody', {}],
      ['officer', bearer(tokens.canbo1)],
      ['kiosk', { 'x-device-key': 'kiosk-key-abcdefghijklmnop' }],
    ] as const) {
      const expected = who === 'nobody' ? 401 : 403;
      for (const [method, path, body] of [
        ['GET', '/api/outbox', undefined],
        ['GET', '/api/outbox/dead', undefined],
        ['GET', '/api/outbox/dead/export', undefined],
        ['POST', '/api/outbox/dead/retry', {}],
      ] as const) {
        const res = await call(url, method, path, headers, body);
        expect({ who, path, status: res.status }).toEqual({ who, path, status: expected });
        expect(JSON.parse(res.text)).toMatchObject({
          ok: false,
          error: { code: expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
        });
      }
    }

    const status = await call(url, 'GET', '/api/outbox', bearer(tokens.giamsat));
    expect(JSON.parse(status.text)).toMatchObject({
      ok: true,
      data: {
        counts: { pending: 1, done: 0, dead: 2 },
        worker: { running: true, lastSuccessAt: null, lastError: { message: expect.any(String) } },
      },
    });
    const dead = JSON.parse((await call(url, 'GET', '/api/outbox/dead', bearer(tokens.quantri))).text) as {
      data: { total: number; items: { id: number; idempotencyKey: string; lastError: string; attempts: number }[] };
    };
    expect(dead.data.total).toBe(2);
    expect(dead.data.items.map((i) => i.idempotencyKey)).toEqual([`progress:${c1}:1`, 'rating:bad']);
    expect(dead.data.items[0]?.lastError).toContain('HO_SO_CHUA_TON_TAI');

    const exported = await call(url, 'GET', '/api/outbox/dead/export', bearer(tokens.giamsat));
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="outbox-dead-.+\.json"$/);
    const file = JSON.parse(exported.text) as {
      count: number;
      items: { idempotencyKey: string; payload: { MaHoSo?: string } }[];
    };
    expect(file.count).toBe(2);
    expect(file.items[0]?.payload.MaHoSo).toBe(c1);

    // Bad retries are refused and change nothing.
    for (const body of [{ ids: [] }, { ids: ['1'] }, { ids: [0] }, { ids: [1, 1] }, { all: true }]) {
      const res = await call(url, 'POST', '/api/outbox/dead/retry', bearer(tokens.quantri), body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await call(url, 'POST', '/api/outbox/dead/retry', bearer(tokens.quantri))).status).toBe(400);
    expect((await call(url, 'GET', '/api/outbox/dead?limit=5000', bearer(tokens.quantri))).status).toBe(400);
    expect((await call(url, 'GET', '/api/outbox/dead?limit=ten', bearer(tokens.quantri))).status).toBe(400);
    expect(outbox.counts()).toEqual({ pending: 1, done: 0, dead: 2 });

    // The province gets the dossier by another way; the admin retries the progress alone, and the
    // stream drains in order. The bad rating stays dead.
    const direct = await createHttpProvinceClient({ baseUrl: province.url }).pushDossier(dossierPayload(c1) as never, {
      idempotencyKey: `manual:${c1}`,
    });
    expect(direct.kind).toBe('done');
    const progressId = dead.data.items[0]?.id ?? 0;
    const retried = await call(url, 'POST', '/api/outbox/dead/retry', bearer(tokens.quantri), { ids: [progressId, 999_999] });
    expect(JSON.parse(retried.text)).toEqual({ ok: true, data: { revived: 1 } });
    await eventually(() => outbox.counts().pending === 0, 10_000, 'the revived stream to drain');
    expect(outbox.counts()).toEqual({ pending: 0, done: 2, dead: 1 });
    expect(province.store.progress(c1).map((p) => p.key)).toEqual([`progress:${c1}:1`, `progress:${c1}:2`]);

    // Retry of all: the rating is tried again (and refused again: the cause is in the item).
    const all = await call(url, 'POST', '/api/outbox/dead/retry', bearer(tokens.giamsat), {});
    expect(JSON.parse(all.text)).toEqual({ ok: true, data: { revived: 1 } });
    await eventually(() => outbox.counts().dead === 1 && outbox.counts().pending === 0, 10_000, 'the rating to be refused again');
    expect(db.prepare("SELECT attempts FROM outbox WHERE idempotency_key = 'rating:bad'").get()).toEqual({ attempts: 1 });
  });
});
