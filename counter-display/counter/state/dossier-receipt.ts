import { errorBody, type Ack, type ErrorBody } from '../../../common/contract/errors.js';

export type ReceiptForm = '01' | '02' | '03';
export type Paper = 'A4' | 'A5';

/** The route takes the reasons (mẫu 02: what to add; mẫu 03: why refused) up to this length. */
export const MAX_REASONS = 1000;

/** The reasons as sent: one item per line, blank lines and outer spaces dropped. */
export function reasonLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export type ReasonsCheck =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: 'empty' | 'too-long' };

/** Forms 02 and 03 say what to add or why: they need at least one line, and at most 1000 characters. */
export function checkReasons(raw: string): ReasonsCheck {
  const text = reasonLines(raw).join('\n');
  if (!text) return { ok: false, problem: 'empty' };
  if (text.length > MAX_REASONS) return { ok: false, problem: 'too-long' };
  return { ok: true, text };
}

/** GET /api/dossiers/:code/receipt.pdf?form=&paper=[&reasons=] */
export function receiptPath(code: string, form: ReceiptForm, paper: Paper, reasons: string | null = null): string {
  const q = new URLSearchParams({ form, paper });
  if (form !== '01' && reasons) q.set('reasons', reasons);
  return `/api/dossiers/${encodeURIComponent(code)}/receipt.pdf?${q.toString()}`;
}

/**
 * Fetches a form as a PDF with the officer's token (a plain link could not carry it). A refusal
 * comes back as the hub's envelope; anything else that is not a PDF (a hub that cannot be reached,
 * an HTML error page) reads as INTERNAL, so the console has one shape to word.
 */
export async function fetchReceipt(path: string, token: string, fetcher: typeof fetch = fetch): Promise<Ack<Blob>> {
  let res: Response;
  try {
    res = await fetcher(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return { ok: false, error: errorBody('INTERNAL') };
  }
  const type = res.headers.get('content-type') ?? '';
  if (res.ok && type.startsWith('application/pdf')) return { ok: true, data: await res.blob() };
  return { ok: false, error: await refusalOf(res) };
}

async function refusalOf(res: Response): Promise<ErrorBody> {
  try {
    const body = (await res.json()) as { ok?: unknown; error?: ErrorBody };
    if (body.ok === false && body.error && typeof body.error.code === 'string') return body.error;
  } catch {
    // not JSON: worded by its status below
  }
  return errorBody(res.status === 404 ? 'NOT_FOUND' : 'INTERNAL');
}
