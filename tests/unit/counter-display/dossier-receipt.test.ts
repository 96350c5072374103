import { describe, expect, it } from 'vitest';
import { appointmentText, daysNumber } from '../../../counter-display/counter/state/dossier-format.js';
import { checkReasons, fetchReceipt, receiptPath } from '../../../counter-display/counter/state/dossier-receipt.js';

/** 2026-11-26 16:00 in Asia/Ho_Chi_Minh (UTC+7): a Thursday. */
const THURSDAY_1600 = Date.UTC(2026, 10, 26, 9, 0);

describe('the appointment and the working days as the officer reads them out', () => {
  it('says the time, the weekday and the date in Vietnam’s time, whatever the PC’s zone', () => {
    expect(appointmentText(THURSDAY_1600, 'vi')).toBe('16:00, thứ Năm 26/11/2026');
    expect(appointmentText(THURSDAY_1600 + 3 * 86_400_000, 'vi')).toBe('16:00, Chủ nhật 29/11/2026');
    expect(appointmentText(THURSDAY_1600, 'en')).toBe('16:00, Thursday 26/11/2026');
  });

  it('writes half days with a decimal comma in Vietnamese', () => {
    expect([daysNumber(7.5, 'vi'), daysNumber(7.5, 'en'), daysNumber(5, 'vi')]).toEqual(['7,5', '7.5', '5']);
  });
});

describe('printing a form of the dossier', () => {
  const code = '000.00.31.H38-261126-0001';

  it('asks for the form and paper, with the reasons URL-encoded for forms 02 and 03 only', () => {
    expect(receiptPath(code, '01', 'A5', 'ignored')).toBe(`/api/dossiers/${code}/receipt.pdf?form=01&paper=A5`);
    const path = receiptPath(code, '02', 'A4', 'Bản sao giấy khai sinh\nGiấy ủy quyền & xác nhận');
    const q = new URL(path, 'http://hub').searchParams;
    expect([q.get('form'), q.get('paper'), q.get('reasons')]).toEqual([
      '02',
      'A4',
      'Bản sao giấy khai sinh\nGiấy ủy quyền & xác nhận',
    ]);
  });

  it('sends one reason per line, none blank, and refuses none or more than 1000 characters', () => {
    expect(checkReasons('  Thiếu tờ khai  \n\n  Thiếu   bản sao \n')).toEqual({ ok: true, text: 'Thiếu tờ khai\nThiếu bản sao' });
    expect(checkReasons(' \n ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkReasons('a'.repeat(1001))).toEqual({ ok: false, problem: 'too-long' });
    expect(checkReasons('a'.repeat(1000)).ok).toBe(true);
  });

  it('gives the PDF with the officer’s token, and any refusal as the hub’s envelope', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const answer = (res: Response): typeof fetch =>
      (async (url: RequestInfo | URL, init?: RequestInit) => {
        seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
        return res;
      }) as typeof fetch;
    const pdf = new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { headers: { 'content-type': 'application/pdf' } });
    const ok = await fetchReceipt('/api/x.pdf', 'tok-1', answer(pdf));
    expect(ok.ok && ok.data.size).toBe(4);
    expect(seen[0]).toEqual({ url: '/api/x.pdf', auth: 'Bearer tok-1' });

    const envelope = (code: string, status: number) =>
      new Response(JSON.stringify({ ok: false, error: { code, message: 'm', messageKey: `error.${code}` } }), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    expect(await fetchReceipt('/p', 't', answer(envelope('DOSSIER_NOT_FOUND', 404)))).toMatchObject({
      ok: false,
      error: { code: 'DOSSIER_NOT_FOUND' },
    });
    expect(await fetchReceipt('/p', 't', answer(new Response('<html>', { status: 404 })))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await fetchReceipt('/p', 't', answer(new Response('<html>', { status: 502 })))).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    // A 200 that is not a PDF is not printed either.
    expect(
      await fetchReceipt('/p', 't', answer(new Response('{}', { headers: { 'content-type': 'application/json' } }))),
    ).toMatchObject({ ok: false });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await fetchReceipt('/p', 't', down)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
