import { errorBody, type Ack, type ErrorBody } from '../../../common/contract/errors.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { hubRequest } from './hub-api.js';

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

/** What the counter's thermal printer did with a form: the kiosk's ticket shape. */
export interface CounterPrinted {
  readonly ok: boolean;
  readonly reason: string | null;
}

/** Whether the counter has a receipt printer (GET /api/counters/:id/printer); false when unsure. */
export async function counterHasPrinter(counterId: string, token: string, fetcher: typeof fetch = fetch): Promise<boolean> {
  const ack = await hubRequest<{ present: boolean }>(
    'GET',
    `/api/counters/${encodeURIComponent(counterId)}/printer`,
    token,
    undefined,
    fetcher,
  );
  return ack.ok && ack.data.present === true;
}

/** POST /api/dossiers/:code/receipt/print: the form on the counter's thermal printer. */
export function printAtCounter(
  code: string,
  form: ReceiptForm,
  reasons: string | null,
  counterId: string,
  token: string,
  fetcher: typeof fetch = fetch,
): Promise<Ack<CounterPrinted>> {
  const body = { form, counterId, ...(form !== '01' && reasons ? { reasons } : {}) };
  return hubRequest<CounterPrinted>('POST', `/api/dossiers/${encodeURIComponent(code)}/receipt/print`, token, body, fetcher);
}

const COUNTER_PRINT_TEXT = {
  vi: {
    button: 'In trên máy in quầy',
    printed: (name: string) => `Đã in ${name} trên máy in quầy.`,
    reasons: {
      offline: 'Máy in quầy không kết nối. Kiểm tra nguồn và dây mạng, hoặc in bản A4.',
      'paper-out': 'Máy in quầy hết giấy. Thay cuộn giấy rồi in lại, hoặc in bản A4.',
      'cover-open': 'Nắp máy in quầy đang mở. Đóng nắp rồi in lại.',
      error: 'Máy in quầy báo lỗi. Thử lại, hoặc in bản A4.',
      'no-printer': 'Quầy này chưa có máy in biên nhận. Hãy in bản A4.',
    } as Record<string, string>,
  },
  en: {
    button: 'Print on the counter printer',
    printed: (name: string) => `${name} printed on the counter printer.`,
    reasons: {
      offline: 'The counter printer is not connected. Check its power and cable, or print on A4.',
      'paper-out': 'The counter printer is out of paper. Load a roll and print again, or print on A4.',
      'cover-open': "The counter printer's cover is open. Close it and print again.",
      error: 'The counter printer reports a fault. Try again, or print on A4.',
      'no-printer': 'This counter has no receipt printer. Print on A4.',
    } as Record<string, string>,
  },
} as const;

/** The console's words for the counter printer: its button, and what became of the paper. */
export function counterPrintText(language: Language) {
  const t = COUNTER_PRINT_TEXT[language];
  return {
    button: t.button,
    printed: t.printed,
    refused: (reason: string | null) => t.reasons[reason ?? 'error'] ?? t.reasons['error']!,
  };
}
