import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpProvinceClient } from '../../../server/forwarding/http-province-client.js';
import type { ProvinceSystem } from '../../../server/forwarding/province-system.js';
import { dossier, figures, rating } from './province-fixtures.js';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A tiny province stand-in: each test says how it answers; every request it got is kept. */
let server: Server;
let base: string;
let seen: Seen[];
let answer: (req: IncomingMessage, res: ServerResponse) => void;
let client: ProvinceSystem;
/** For the answers that never come; the others get time enough for a loaded test machine. */
let impatient: ProvinceSystem;

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};
const text =
  (status: number, body: string, type = 'text/html') =>
  (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': type }).end(body);
  };
const meta = (key = 'dossier:000.00.00.H38-250702-0001') => ({ idempotencyKey: key });

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lgsp/motcua`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  seen = [];
  answer = json(200, { ok: true });
  client = createHttpProvinceClient({ baseUrl: base, token: 'ma-truy-cap', timeoutMs: 3000 });
  impatient = createHttpProvinceClient({ baseUrl: base, token: 'ma-truy-cap', timeoutMs: 300 });
});

describe('HTTP province client: what it sends', () => {
  it('posts the item as JSON under the base path, with the token and the idempotency key', async () => {
    expect(await client.pushDossier(dossier(), meta('k-1'))).toEqual({ kind: 'done' });
    expect(seen).toHaveLength(1);
    const [r] = seen;
    expect(r).toMatchObject({ method: 'POST', url: '/lgsp/motcua/DongBoHoSoMC' });
    expect(r!.headers).toMatchObject({
      authorization: 'Bearer ma-truy-cap',
      'idempotency-key': 'k-1',
      'content-type': 'application/json',
    });
    expect(JSON.parse(r!.body)).toEqual(dossier());
  });

  it('puts the key in the body too where the shape has a field for it (ratings, figures)', async () => {
    await client.pushRating(rating(), meta('rating:t-9'));
    await client.pushFigures(figures(), meta('figures:2025-07-02'));
    expect(seen.map((s) => s.url)).toEqual(['/lgsp/motcua/DanhGia', '/lgsp/motcua/SoLieuXepHang']);
    expect(seen.map((s) => (JSON.parse(s.body) as { MaDongBo: string }).MaDongBo)).toEqual(['rating:t-9', 'figures:2025-07-02']);
  });

  it('refuses a malformed item or key without calling at all', async () => {
    const bad = await client.pushDossier({ ...dossier(), KenhThucHien: 7 } as never, meta());
    expect(bad.kind).toBe('rejected');
    expect(bad.kind === 'rejected' && bad.reason).toMatch(/not sent: not a valid DongBoHoSoMC: \/KenhThucHien/);
    const badKey = await client.pushDossier(dossier(), meta('two\nlines'));
    expect(badKey).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/idempotency key/) });
    expect(seen).toHaveLength(0);
  });

  it('refuses a base URL or token it cannot use', () => {
    expect(() => createHttpProvinceClient({ baseUrl: 'not a url' })).toThrow(/not a URL/);
    expect(() => createHttpProvinceClient({ baseUrl: 'ftp://tinh.gov.vn/' })).toThrow(/http or https/);
    expect(() => createHttpProvinceClient({ baseUrl: base, token: 'a b' })).toThrow(/token/);
  });
});

describe('HTTP province client: what each answer means', () => {
  const cases: [string, (req: IncomingMessage, res: ServerResponse) => void, string, RegExp?][] = [
    ['200 ok', json(200, { ok: true, data: { MaHoSo: 'x' } }), 'done'],
    ['409 đã tồn tại', json(409, { ok: false, code: 'DA_TON_TAI', message: 'Hồ sơ đã tồn tại' }), 'duplicate'],
    ['200 carrying đã tồn tại', json(200, { ok: false, code: 'DA_TON_TAI', message: 'Hồ sơ đã tồn tại' }), 'duplicate'],
    [
      '400 with a reason',
      json(400, {
        ok: false,
        code: 'DU_LIEU_KHONG_HOP_LE',
        message: 'Dữ liệu không hợp lệ',
        messageEn: 'invalid',
        details: [{ path: '/MaTTHC', message: 'unknown procedure' }],
      }),
      'rejected',
      /HTTP 400 DU_LIEU_KHONG_HOP_LE: invalid \(\/MaTTHC unknown procedure\)/,
    ],
    ['200 refusing with a reason', json(200, { ok: false, code: 'TU_CHOI', message: 'Từ chối' }), 'rejected', /TU_CHOI: Từ chối/],
    ['500', json(500, { ok: false, code: 'LOI', message: 'Lỗi' }), 'retry', /HTTP 500/],
    ['503 without a body', text(503, ''), 'retry', /HTTP 503/],
    ['429', json(429, { ok: false, code: 'QUA_TAI', message: 'Quá tải' }), 'retry', /HTTP 429/],
    ['408', text(408, 'timeout'), 'retry', /HTTP 408/],
    ['200 with an HTML page (garbage)', text(200, '<html>Bad Gateway</html>'), 'retry', /not JSON/],
    ['200 with JSON of another schema', json(200, { success: true }), 'retry', /does not match the expected schema/],
    ['200 with a JSON string', json(200, 'ok'), 'retry', /does not match/],
    ['400 with garbage (not a readable refusal)', text(400, 'Bad Request'), 'retry', /HTTP 400/],
    ['401', json(401, { ok: false, code: 'CHUA_XAC_THUC', message: 'x' }), 'retry', /token/],
    ['404 (a wrong URL)', json(404, { ok: false, code: 'KHONG_CO_CHUC_NANG', message: 'x' }), 'retry', /HTTP 404/],
    ['302 redirect', (_req, res) => res.writeHead(302, { location: 'https://sso.example/login' }).end(), 'retry', /redirect/],
    ['an answer too long to be one', text(200, 'x'.repeat(2 << 20), 'application/json'), 'retry', /longer than/],
    ['a dropped connection', (req) => req.socket.destroy(), 'retry', /connection failed/],
    ['no answer before the timeout', () => {}, 'retry', /no answer within 300 ms/],
    [
      'headers, then a body that never ends',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"ok":');
      },
      'retry',
      /no answer within 300 ms/,
    ],
  ];

  for (const [what, how, kind, reason] of cases) {
    it(`${what} -> ${kind}`, async () => {
      answer = how;
      const outcome = await (reason?.source.includes('no answer') ? impatient : client).pushDossier(dossier(), meta());
      expect(outcome.kind).toBe(kind);
      if (reason) expect('reason' in outcome ? outcome.reason : '').toMatch(reason);
      expect(seen).toHaveLength(1);
    });
  }

  it('a refused connection -> retry', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const nobody = createHttpProvinceClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2000 });
    expect(await nobody.pushDossier(dossier(), meta())).toEqual({ kind: 'retry', reason: 'connection failed: ECONNREFUSED' });
  });

  it('a send the caller abandons -> retry, promptly', async () => {
    answer = () => {};
    const slow = createHttpProvinceClient({ baseUrl: base, timeoutMs: 60_000 });
    const abort = new AbortController();
    const pending = slow.pushProgress(
      { MaHoSo: '000.00.00.H38-250702-0001', TrangThaiHoSo: 4, NgayXuLy: '20250702100000', NoiDungXuLy: '', NguoiXuLy: null },
      { idempotencyKey: 'p-1', signal: abort.signal },
    );
    await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    expect(await pending).toEqual({ kind: 'retry', reason: 'call abandoned (the sender stopped)' });
  });
});

describe('HTTP province client: look-ups', () => {
  const code = '000.00.00.H38-250702-0001';
  const record = {
    MaHoSo: code,
    TrangThaiHoSo: 9,
    NgayTiepNhan: '20250702091500',
    NgayHenTra: '20250704163000',
    NgayCoKetQua: '20250703150000',
  };

  it('asks by code and answers the record', async () => {
    answer = json(200, { ok: true, data: record });
    expect(await client.lookUp(code)).toEqual({ kind: 'found', record });
    expect(seen[0]).toMatchObject({ method: 'GET', url: `/lgsp/motcua/TraCuuHoSo?MaHoSo=${encodeURIComponent(code)}` });
    expect(seen[0]!.headers['authorization']).toBe('Bearer ma-truy-cap');
    expect(seen[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('tells a dossier the province does not hold from one it cannot answer about', async () => {
    answer = json(404, { ok: false, code: 'KHONG_TIM_THAY', message: 'Không tìm thấy hồ sơ' });
    expect(await client.lookUp(code)).toEqual({ kind: 'not-found' });
    const unavailable: [string, (req: IncomingMessage, res: ServerResponse) => void, RegExp][] = [
      ['404 of a wrong URL', text(404, 'Not Found'), /HTTP 404/],
      ['500', json(500, { ok: false, code: 'LOI', message: 'x' }), /HTTP 500/],
      ['garbage', text(200, '<html></html>'), /not JSON/],
      ['a record of another schema', json(200, { ok: true, data: { ...record, TrangThaiHoSo: 'xong' } }), /TraCuuHoSo/],
      [
        'a record with a date in another format',
        json(200, { ok: true, data: { ...record, NgayHenTra: '2025-07-04' } }),
        /TraCuuHoSo/,
      ],
      [
        'a record of another dossier',
        json(200, { ok: true, data: { ...record, MaHoSo: '000.00.00.H38-250702-0002' } }),
        /another dossier/,
      ],
      ['a dropped connection', (req) => req.socket.destroy(), /connection failed/],
      ['silence', () => {}, /no answer within/],
    ];
    for (const [what, how, reason] of unavailable) {
      answer = how;
      const outcome = await (what === 'silence' ? impatient : client).lookUp(code);
      expect(outcome.kind, what).toBe('unavailable');
      expect(outcome.kind === 'unavailable' && outcome.reason, what).toMatch(reason);
    }
  });
});
