import { Value } from '@sinclair/typebox/value';
import { checkShape } from './province-checks.js';
import { ALREADY_EXISTS, NOT_FOUND, ProvinceAck, ProvinceRefusal, TraCuuHoSo, type ShapeName } from './province-shapes.js';
import type { LookupOutcome, ProvinceSystem, PushMeta, PushOutcome } from './province-system.js';

/**
 * The province system over HTTP JSON. Endpoints, relative to the configured base URL:
 *   POST {base}/DongBoHoSoMC         a received dossier             (DongBoHoSoMC)
 *   POST {base}/CapNhatTienDoHoSoMC  a step in a dossier's handling (CapNhatTienDoHoSoMC)
 *   POST {base}/DanhGia              a citizen's rating             (DanhGia)
 *   POST {base}/SoLieuXepHang        a closed day's queue figures   (SoLieuXepHang)
 *   GET  {base}/TraCuuHoSo?MaHoSo=…  a dossier's status and dates   (answer: TraCuuHoSo)
 * Every request carries `Authorization: Bearer <token>` (when one is configured) and every push
 * `Idempotency-Key: <key>`; DanhGia and SoLieuXepHang, which have no natural key, also carry it in
 * the body as MaDongBo. Answers: `{ok: true, data?}`, or `{ok: false, code, message, messageEn?}`
 * where code DA_TON_TAI means "đã tồn tại" (already stored) and KHONG_TIM_THAY a dossier not held.
 */
export interface HttpProvinceClientOptions {
  readonly baseUrl: string;
  readonly token?: string | null;
  /** Per call, the answer's body included. */
  readonly timeoutMs?: number;
  /** A longer answer is garbage to us, whatever it says. */
  readonly maxAnswerBytes?: number;
}

type Answer =
  | { readonly kind: 'answer'; readonly status: number; readonly text: string }
  | { readonly kind: 'failed'; readonly reason: string };

// Statuses whose well-formed refusal is about the item itself. 401/403/404 and the rest are about
// the link or the configuration (a wrong token or URL): retried, so fixing the setting sends everything.
const ITEM_REFUSALS = new Set([400, 409, 410, 413, 422]);
const HEADER_SAFE = /^[\x21-\x7e]{1,200}$/;
const WITH_SYNC_KEY: ReadonlySet<ShapeName> = new Set(['DanhGia', 'SoLieuXepHang']);

export function createHttpProvinceClient(options: HttpProvinceClientOptions): ProvinceSystem {
  let base: URL;
  try {
    base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  } catch {
    throw new Error(`province client: the base URL '${options.baseUrl}' is not a URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(`province client: the base URL must be http or https, got ${base.protocol}`);
  }
  const token = options.token ?? null;
  if (token !== null && !/^[\x21-\x7e]+$/.test(token))
    throw new Error('province client: the token has characters a header cannot carry');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAnswerBytes = options.maxAnswerBytes ?? 1 << 20;

  async function call(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    key: string | null,
    signal?: AbortSignal,
  ): Promise<Answer> {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const both = signal ? AbortSignal.any([timer.signal, signal]) : timer.signal;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    if (key !== null) headers['idempotency-key'] = key;
    try {
      const res = await fetch(new URL(path, base), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: both,
        redirect: 'manual',
      });
      const text = await readCapped(res, maxAnswerBytes);
      if (text === null) return { kind: 'failed', reason: `HTTP ${res.status}: answer longer than ${maxAnswerBytes} bytes` };
      return { kind: 'answer', status: res.status, text };
    } catch (err) {
      if (timer.signal.aborted) return { kind: 'failed', reason: `no answer within ${timeoutMs} ms` };
      if (signal?.aborted) return { kind: 'failed', reason: 'call abandoned (the sender stopped)' };
      return { kind: 'failed', reason: `connection failed: ${causeOf(err)}` };
    } finally {
      clearTimeout(timeout);
    }
  }

  async function push(shape: ShapeName, payload: unknown, meta: PushMeta): Promise<PushOutcome> {
    const key = meta.idempotencyKey;
    if (typeof key !== 'string' || !HEADER_SAFE.test(key)) {
      return { kind: 'rejected', reason: 'not sent: the idempotency key must be 1-200 visible ASCII characters' };
    }
    const body = WITH_SYNC_KEY.has(shape) && isObject(payload) ? { ...payload, MaDongBo: key } : payload;
    const problems = checkShape(shape, body);
    if (problems.length > 0) {
      return {
        kind: 'rejected',
        reason: `not sent: not a valid ${shape}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      };
    }
    const answer = await call('POST', shape, body, key, meta.signal);
    return answer.kind === 'failed' ? { kind: 'retry', reason: answer.reason } : classifyPush(answer.status, answer.text);
  }

  return {
    pushDossier: (d, meta) => push('DongBoHoSoMC', d, meta),
    pushProgress: (p, meta) => push('CapNhatTienDoHoSoMC', p, meta),
    pushRating: (r, meta) => push('DanhGia', r, meta),
    pushFigures: (f, meta) => push('SoLieuXepHang', f, meta),
    async lookUp(code, opts) {
      if (typeof code !== 'string' || code.length === 0 || code.length > 64) {
        return { kind: 'unavailable', reason: 'not asked: not a dossier code' };
      }
      const answer = await call('GET', `TraCuuHoSo?MaHoSo=${encodeURIComponent(code)}`, undefined, null, opts?.signal);
      return answer.kind === 'failed'
        ? { kind: 'unavailable', reason: answer.reason }
        : classifyLookup(code, answer.status, answer.text);
    },
  };
}

/** What an answer to a push means for the item (see PushOutcome). Exported for its tests. */
export function classifyPush(status: number, text: string): PushOutcome {
  const json = parseJson(text);
  const refusal = Value.Check(ProvinceRefusal, json) ? json : null;
  if (status >= 500 || status === 408 || status === 429)
    return { kind: 'retry', reason: `HTTP ${status}${refusal ? `: ${reasonOf(refusal)}` : ''}` };
  if (status >= 300 && status < 400) return { kind: 'retry', reason: `HTTP ${status}: a redirect; check the province URL` };
  if (refusal?.code === ALREADY_EXISTS && (status === 409 || (status >= 200 && status < 300))) return { kind: 'duplicate' };
  if (status >= 200 && status < 300) {
    if (Value.Check(ProvinceAck, json)) return { kind: 'done' };
    if (refusal) return { kind: 'rejected', reason: reasonOf(refusal) };
    return { kind: 'retry', reason: `HTTP ${status}: ${garbage(text, json)}` };
  }
  if (status === 401 || status === 403)
    return { kind: 'retry', reason: `HTTP ${status}: not authorised; check the province token` };
  if (refusal && ITEM_REFUSALS.has(status)) return { kind: 'rejected', reason: `HTTP ${status} ${reasonOf(refusal)}` };
  return { kind: 'retry', reason: `HTTP ${status}${refusal ? `: ${reasonOf(refusal)}` : `: ${garbage(text, json)}`}` };
}

/** What an answer to a look-up means. Exported for its tests. */
export function classifyLookup(code: string, status: number, text: string): LookupOutcome {
  const json = parseJson(text);
  if (Value.Check(ProvinceRefusal, json) && json.code === NOT_FOUND && (status === 404 || status === 200))
    return { kind: 'not-found' };
  if (status !== 200) return { kind: 'unavailable', reason: `HTTP ${status}` };
  if (!isObject(json) || json['ok'] !== true) return { kind: 'unavailable', reason: garbage(text, json) };
  const record = json['data'];
  if (!Value.Check(TraCuuHoSo, record)) return { kind: 'unavailable', reason: 'the answer does not match TraCuuHoSo' };
  if (record.MaHoSo !== code) return { kind: 'unavailable', reason: `the answer is about another dossier (${record.MaHoSo})` };
  return { kind: 'found', record };
}

function reasonOf(r: ProvinceRefusal): string {
  const details = r.details?.length ? ` (${r.details.map((d) => `${d.path} ${d.message}`).join('; ')})` : '';
  return `${r.code}: ${r.messageEn ?? r.message}${details}`;
}

function garbage(text: string, json: unknown): string {
  if (json === undefined) return `the answer is not JSON: ${JSON.stringify(text.slice(0, 80))}`;
  return `the answer does not match the expected schema: ${JSON.stringify(text.slice(0, 80))}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readCapped(res: Response, max: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      // The rest is never read: the connection is given up rather than drained.
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Node's fetch hides the socket's error code in `cause`: ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET… */
function causeOf(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
