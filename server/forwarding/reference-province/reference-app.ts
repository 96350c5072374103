import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Clock } from '../../core/ports.js';
import { checkShape, dossierCodeProblems } from '../province-checks.js';
import type { CapNhatTienDoHoSoMC, DanhGia, DongBoHoSoMC, SoLieuXepHang } from '../province-shapes.js';
import { NOT_FOUND } from '../province-shapes.js';
import { pickFault, readFaults, type Fault, type ReferenceFaults } from './reference-faults.js';
import { invalid, refusal, type Reply } from './reference-replies.js';
import type { Operation, ReferenceStore } from './reference-store.js';

export interface ReferenceAppDeps {
  /** The open store, or null while the system is stopping (requests then get no answer). */
  readonly store: () => ReferenceStore | null;
  readonly token: string | null;
  readonly clock: Clock;
  readonly random: () => number;
  readonly faults: () => ReferenceFaults;
  readonly setFaults: (f: ReferenceFaults) => void;
  readonly advance: (o: { code?: string; onlyDue?: boolean }) => number;
  readonly logger: FastifyServerOptions['logger'];
}

const PUSHES: { readonly [O in Operation]: (s: ReferenceStore, body: never, key: string, now: number) => Reply } = {
  DongBoHoSoMC: (s, b: DongBoHoSoMC, k, n) => s.pushDossier(b, k, n),
  CapNhatTienDoHoSoMC: (s, b: CapNhatTienDoHoSoMC, k, n) => s.pushProgress(b, k, n),
  DanhGia: (s, b: DanhGia, k, n) => s.pushRating(b, k, n),
  SoLieuXepHang: (s, b: SoLieuXepHang, k, n) => s.pushFigures(b, k, n),
};

const INJECTED_FAILURE = refusal(500, 'LOI_HE_THONG', 'Lỗi hệ thống (giả lập)', 'injected failure');
const GARBAGE = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The reference province system's HTTP face: the four pushes and the look-up of the national
 * integration (paths as in http-province-client.ts), plus /_test/faults and /_test/advance for the
 * tests and the demo. Every answer is JSON in the shape the client reads (ProvinceAck or
 * ProvinceRefusal), except the faults that are meant not to be.
 */
export function buildReferenceApp(deps: ReferenceAppDeps): FastifyInstance {
  // forceCloseConnections: stop() must end the requests held open by an injected timeout.
  const app = Fastify({ logger: deps.logger, forceCloseConnections: true, bodyLimit: 1 << 20 });

  app.setErrorHandler((err: { statusCode?: number; message: string }, _request, reply) => {
    const status = err.statusCode ?? 500;
    if (status < 500) return send(reply, refusal(status, 'DU_LIEU_KHONG_HOP_LE', 'Yêu cầu không hợp lệ', err.message));
    app.log.error({ err }, 'reference province: request failed');
    return send(reply, refusal(500, 'LOI_HE_THONG', 'Lỗi hệ thống', 'internal error'));
  });
  app.setNotFoundHandler((_request, reply) =>
    send(reply, refusal(404, 'KHONG_CO_CHUC_NANG', 'Không có chức năng này', 'no such operation')),
  );

  app.addHook('onRequest', async (request, reply) => {
    if (!authorised(request, deps.token)) {
      return send(reply, refusal(401, 'CHUA_XAC_THUC', 'Chưa xác thực hoặc mã truy cập sai', 'missing or wrong bearer token'));
    }
  });

  /** Injected delay and the fault drawn for this request; 'gone' when the system stopped meanwhile. */
  async function prelude(): Promise<Fault | null | 'gone'> {
    const f = deps.faults();
    const fault = pickFault(f, deps.random());
    if (f.slowMs > 0) await sleep(f.slowMs);
    return deps.store() ? fault : 'gone';
  }

  function finish(reply: FastifyReply, op: string, key: string | null, r: Reply, fault: Fault | null, s: ReferenceStore) {
    log(s, op, key, r.status, r.body['code'], fault);
    if (fault === 'drop') return dropConnection(reply);
    if (fault === 'garbage') return reply.code(200).type('text/html').send(GARBAGE);
    return send(reply, r);
  }

  function log(s: ReferenceStore, operation: string, key: string | null, status: number, code: unknown, fault: Fault | null) {
    s.logDelivery({ at: deps.clock.now(), operation, key, status, code: typeof code === 'string' ? code : null, fault });
  }

  for (const op of Object.keys(PUSHES) as Operation[]) {
    app.post(`/${op}`, async (request, reply) => {
      const fault = await prelude();
      const s = deps.store();
      if (fault === 'gone' || !s) return dropConnection(reply);
      const keyOrRefusal = keyOf(request);
      const given = typeof keyOrRefusal === 'string' ? keyOrRefusal : null;
      if (fault === 'timeout') {
        log(s, op, given, 0, null, fault);
        return hang(reply);
      }
      if (fault === 'fail') return finish(reply, op, given, INJECTED_FAILURE, fault, s);
      if (typeof keyOrRefusal !== 'string') return finish(reply, op, null, keyOrRefusal, null, s);
      const key = keyOrRefusal;
      const problems = checkShape(op, request.body);
      if (problems.length > 0) return finish(reply, op, key, invalid(op, problems), null, s);
      const now = deps.clock.now();
      let r = PUSHES[op](s, request.body as never, key, now);
      // The post-commit faults only mean something when something was committed.
      if (r.status !== 200) return finish(reply, op, key, r, null, s);
      if (fault === 'duplicate') {
        log(s, op, key, r.status, null, 'duplicate');
        r = PUSHES[op](s, request.body as never, key, now);
      }
      return finish(reply, op, key, r, fault, s);
    });
  }

  app.get('/TraCuuHoSo', async (request, reply) => {
    const fault = await prelude();
    const s = deps.store();
    if (fault === 'gone' || !s) return dropConnection(reply);
    if (fault === 'timeout') return hang(reply);
    const effective = fault === 'duplicate' ? null : fault;
    if (fault === 'fail') return finish(reply, 'TraCuuHoSo', null, INJECTED_FAILURE, fault, s);
    const code = (request.query as Record<string, unknown>)['MaHoSo'];
    const problems = dossierCodeProblems(code);
    if (typeof code !== 'string' || problems.length > 0)
      return finish(reply, 'TraCuuHoSo', null, invalid('TraCuuHoSo', problems), null, s);
    const record = s.lookUp(code);
    const r: Reply = record
      ? { status: 200, body: { ok: true, data: record } }
      : refusal(404, NOT_FOUND, 'Không tìm thấy hồ sơ', 'no dossier with this code');
    return finish(reply, 'TraCuuHoSo', null, r, effective, s);
  });

  app.get('/_test/faults', async () => ({ ok: true, data: deps.faults() }));
  app.post('/_test/faults', async (request, reply) => {
    const read = readFaults(request.body ?? {});
    if (!read.ok)
      return send(
        reply,
        invalid(
          'faults',
          read.problems.map((message) => ({ path: '/', message })),
        ),
      );
    deps.setFaults(read.faults);
    return { ok: true, data: read.faults };
  });
  app.post('/_test/advance', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const code = body['MaHoSo'];
    const onlyDue = body['onlyDue'];
    if ((code !== undefined && typeof code !== 'string') || (onlyDue !== undefined && typeof onlyDue !== 'boolean')) {
      return send(reply, invalid('advance', [{ path: '/', message: 'expected {MaHoSo?: string, onlyDue?: boolean}' }]));
    }
    return { ok: true, data: { moved: deps.advance({ code, onlyDue }) } };
  });

  return app;
}

/** The push's idempotency key: the Idempotency-Key header, or MaDongBo in the body; both must agree. */
function keyOf(request: FastifyRequest): string | Reply {
  const header = request.headers['idempotency-key'];
  const body = request.body as Record<string, unknown> | null | undefined;
  const inBody = typeof body === 'object' && body !== null ? body['MaDongBo'] : undefined;
  if (Array.isArray(header))
    return refusal(400, 'KHOA_KHONG_HOP_LE', 'Khóa chống trùng không hợp lệ', 'more than one Idempotency-Key header');
  if (header !== undefined && inBody !== undefined && header !== inBody) {
    return refusal(400, 'KHOA_KHONG_HOP_LE', 'Khóa chống trùng không khớp', 'Idempotency-Key and MaDongBo differ');
  }
  const key = header ?? inBody;
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
    return refusal(400, 'THIEU_KHOA', 'Thiếu khóa chống trùng (Idempotency-Key)', 'missing Idempotency-Key');
  }
  return key;
}

function authorised(request: FastifyRequest, token: string | null): boolean {
  if (token === null) return true;
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function send(reply: FastifyReply, r: Reply) {
  return reply.code(r.status).send(r.body);
}

/** Stored (or not), then gone without a word: the client sees the connection end. */
function dropConnection(reply: FastifyReply) {
  reply.hijack();
  reply.raw.socket?.destroy();
}

/** Never answers; the request ends when the client gives up or the system stops. */
async function hang(reply: FastifyReply): Promise<void> {
  reply.hijack();
  if (reply.raw.destroyed) return;
  await new Promise<void>((resolve) => reply.raw.once('close', () => resolve()));
}
