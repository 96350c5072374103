import { request } from 'node:http';
import { ERROR_MESSAGES } from '../../common/contract/errors.js';

export interface RawRequest {
  readonly method: string;
  /** Sent as is: already percent-encoded, or deliberately not (../, %zz). */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface RawResponse {
  /** 0 when the connection ended without an answer. */
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly error?: string;
}

/**
 * One request over a fresh connection with node:http rather than fetch: fetch normalises the path
 * (it would resolve "../" before sending) and refuses bodies on GET. Never rejects; a connection the
 * hub closed without answering comes back as status 0.
 */
export function sendRaw(port: number, req: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const headers = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const out = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', (err) => done({ status: 0, contentType: '', text: '', error: err.message }));
    });
    const timer = setTimeout(() => {
      out.destroy();
      done({ status: 0, contentType: '', text: '', error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    // A hub that answers 413 before reading a huge body may close while it is still being written.
    out.on('error', (err) => done({ status: 0, contentType: '', text: '', error: err.message }));
    out.end(req.body);
  });
}

/** Why an answer is not the error envelope `{ok: false, error: {code, message, messageKey}}`, or null. */
export function notAnErrorEnvelope(contentType: string, text: string): string | null {
  if (!contentType.startsWith('application/json')) return `content-type ${contentType || '(none)'}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  const b = body as { ok?: unknown; error?: { code?: unknown; message?: unknown; messageKey?: unknown; details?: unknown } };
  if (b?.ok !== false || typeof b.error !== 'object' || b.error === null) return 'not {ok: false, error}';
  const { code, message, messageKey, details } = b.error;
  if (typeof code !== 'string' || !(code in ERROR_MESSAGES)) return `unknown error code ${String(code)}`;
  if (typeof message !== 'string' || messageKey !== `error.${code}`) return 'message or messageKey missing';
  if (details !== undefined && !Array.isArray(details)) return 'details is not a list';
  return null;
}

/** Why a socket ack is not `{ok: true, data}` or the error envelope, or null. */
export function notAnAck(ack: unknown): string | null {
  const a = ack as { ok?: unknown; data?: unknown };
  if (a?.ok === true) return 'data' in a ? null : 'ok without data';
  return notAnErrorEnvelope('application/json', JSON.stringify(ack ?? null));
}

export function notASuccessEnvelope(contentType: string, text: string): string | null {
  if (!contentType.startsWith('application/json')) return `content-type ${contentType || '(none)'}`;
  try {
    const body = JSON.parse(text) as { ok?: unknown; data?: unknown };
    return body.ok === true && 'data' in body ? null : 'not {ok: true, data}';
  } catch {
    return 'body is not JSON';
  }
}

/** A short, printable description of a case for a failure message (2 MB strings are cut). */
export function preview(value: unknown, max = 300): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}
