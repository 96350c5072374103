import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiptData } from '../../../common/dossier/receipt-data.js';
import { ReceiptDataError } from '../../../server/documents/check-receipt-data.js';
import { timeAndDate } from '../../../server/documents/form-wording.js';
import { formOn } from '../../../server/documents/forms/form-catalogue.js';
import { renderReceiptPdf, type Paper } from '../../../server/documents/render-pdf.js';
import { pdfText, pdfToPngs, zbarSymbols } from './receipt-readers.js';
import { birthReceipt, moreDocumentsRequest, receiptFor, refusal } from './sample-receipts.js';

/**
 * The PDF forms read back as the citizen's and the kiosk's tools read them: each page rasterised
 * by pdftoppm at 200 dpi, its barcode and QR read by zbarimg, its text layer by pdftotext. The
 * pages are kept in test-artifacts/receipts/ for a person to look at.
 */
const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/receipts');
const scratch = mkdtempSync(join(tmpdir(), 'receipt-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Printed {
  readonly pdf: Buffer;
  readonly file: string;
  readonly pages: readonly string[];
}

async function print(name: string, data: ReceiptData, paper: Paper): Promise<Printed> {
  const pdf = await renderReceiptPdf(formOn(data.form, '2026-11-23'), data, paper);
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pages = pdfToPngs(file, scratch, name);
  mkdirSync(ARTIFACTS, { recursive: true });
  // Pages of an earlier, longer run would otherwise be left behind to mislead whoever looks.
  for (const old of readdirSync(ARTIFACTS))
    if (old.startsWith(`${name}-`) && /^-\d+\.png$/.test(old.slice(name.length))) rmSync(join(ARTIFACTS, old));
  for (const page of pages) copyFileSync(page, join(ARTIFACTS, basename(page)));
  return { pdf, file, pages };
}

const symbolsOf = (p: Printed): string[] => p.pages.flatMap(zbarSymbols).sort();

describe.each<Paper>(['A4', 'A5'])('mẫu 01 for Thủ tục đăng ký khai sinh on %s', (paper) => {
  const data = birthReceipt();
  let printed: Printed;
  beforeAll(async () => {
    printed = await print(`receipt-01-${paper}`, data, paper);
  });

  it('is a PDF of the right page size with Be Vietnam Pro embedded', () => {
    expect(printed.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = printed.pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Regular/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Bold/);
    // 148 x 210 mm or 210 x 297 mm in points.
    expect(text).toContain(paper === 'A5' ? '/MediaBox [0 0 419.527559 595.275591]' : '/MediaBox [0 0 595.275591 841.889764]');
    // A4 holds this receipt on one page; on A5 the catalogue's long document names push the
    // signatures over, with the page numbered.
    expect(printed.pages).toHaveLength(paper === 'A4' ? 1 : 2);
    if (paper === 'A5') expect(pdfText(printed.file, 2)).toContain(`Mã hồ sơ ${data.dossierCode} – Trang 2/2`);
  });

  it('carries the dossier code as Code 128 and the follow URL as QR, read back by zbarimg at 200 dpi', () => {
    expect(symbolsOf(printed)).toEqual([`CODE-128:${data.dossierCode}`, `QR-Code:${data.followUrl}`]);
  });

  it('has the form in its text layer with full diacritics: header, title, applicant, dates, documents, lookup code', () => {
    const text = pdfText(printed.file);
    for (const expected of [
      'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${data.number}`,
      'Tân Phú, ngày 23 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${data.dossierCode}`,
      'Ông/Bà: Nguyễn Thị Ngọc Ánh',
      'Số định danh cá nhân: 038190012345',
      'Thủ tục đăng ký khai sinh (mã thủ tục 1.001193, lĩnh vực Hộ tịch)',
      '2. Số lượng hồ sơ: 01 bộ',
      '3. Thời gian giải quyết hồ sơ theo quy định: 1 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 09 giờ 41 phút, ngày 23 tháng 11 năm 2026',
      // One working day after Monday the 23rd, at the office's appointment time.
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 24 tháng 11 năm 2026',
      `6. Đăng ký nhận kết quả tại: ${data.resultPlace}`,
      'Mã tra cứu: 482913',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Nguyễn Thị Lan',
    ])
      expect(text).toContain(expected);
    expect(timeAndDate(data.appointmentAt!)).toBe('16 giờ 00 phút, ngày 24 tháng 11 năm 2026');
    expect(data.documents.length).toBeGreaterThanOrEqual(3);
    for (const d of data.documents) expect(text).toContain(d.name.replace(/\s+/gu, ' ').trim().slice(0, 40));
  });
});

describe.each([
  ['02', moreDocumentsRequest(), 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'NGƯỜI HƯỚNG DẪN'],
  ['03', refusal(), 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'],
] as const)('mẫu %s on A5', (id, data, title, signer) => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print(`receipt-${id}-A5`, data, 'A5');
  });

  it('carries the same barcode and QR', () => {
    expect(symbolsOf(printed)).toEqual([`CODE-128:${data.dossierCode}`, `QR-Code:${data.followUrl}`]);
  });

  it('has its own title, number, reasons and signer, and promises no date', () => {
    const text = pdfText(printed.file);
    expect(text).toContain(title);
    expect(text).toContain(`Số: ${data.number}`);
    expect(text).toContain('Nguyễn Thị Ngọc Ánh');
    data.reasons.forEach((r, i) => expect(text).toContain(`${i + 1}. ${r}`.slice(0, 60)));
    expect(text).toContain(signer);
    expect(text).not.toContain('Thời gian trả kết quả');
    if (id === '02')
      expect(text).toContain(
        'liên hệ với cán bộ Nguyễn Thị Lan tại Trung tâm Phục vụ hành chính công xã Tân Phú, số điện thoại 0200 3 812 345',
      );
  });
});

describe('a receipt with a long list of documents (1.115520, 17 documents)', () => {
  const data = receiptFor('1.115520', 43);
  let printed: Printed;
  beforeAll(async () => {
    printed = await print('receipt-01-A5-long', data, 'A5');
  });

  it('breaks onto further pages, repeating the table header and numbering the pages', () => {
    expect(data.documents).toHaveLength(17);
    const n = printed.pages.length;
    expect(n).toBeGreaterThanOrEqual(2);
    const pages = Array.from({ length: n }, (_, i) => pdfText(printed.file, i + 1));
    pages.forEach((t, i) => expect(t).toContain(`Mã hồ sơ ${data.dossierCode} – Trang ${i + 1}/${n}`));
    // The table runs on past the first page, and its header is drawn again there.
    expect(pages[1]).toContain('STT Tên giấy tờ Bản chính Bản sao');
    expect(pages[n - 1]).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
  });

  it('prints every document and its row number, in order', () => {
    const text = pdfText(printed.file);
    let at = 0;
    data.documents.forEach((d, i) => {
      const found = text.indexOf(`${i + 1} ${d.name.replace(/\s+/gu, ' ').trim().slice(0, 30)}`, at);
      expect(found, `document ${i + 1}`).toBeGreaterThan(at - 1);
      at = found;
    });
  });

  it('still reads back: barcode and QR', () => {
    expect(symbolsOf(printed)).toEqual([`CODE-128:${data.dossierCode}`, `QR-Code:${data.followUrl}`]);
  });
});

describe('bad input', () => {
  const form = formOn('01', '2026-11-23');

  it('is refused with every problem named, before anything is drawn', async () => {
    const bad: ReceiptData = {
      ...birthReceipt(),
      dossierCode: '000.00.31.H38-261399-0042',
      appointmentAt: null,
      followUrl: 'javascript:alert(1)',
    };
    const error = await renderReceiptPdf(form, bad, 'A5').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReceiptDataError);
    const problems = (error as ReceiptDataError).problems.join('\n');
    expect(problems).toMatch(/dossierCode .* is not a dossier code/);
    expect(problems).toMatch(/appointmentAt must be a time/);
    expect(problems).toMatch(/followUrl .* is not an http\(s\) URL/);
  });

  it('refuses a paper size it has no layout for', async () => {
    await expect(renderReceiptPdf(form, birthReceipt(), 'Letter' as Paper)).rejects.toThrow(/Unknown paper "Letter"/);
  });

  it('refuses data meant for another form', async () => {
    await expect(renderReceiptPdf(form, refusal(), 'A5')).rejects.toThrow(/data is for form 03 but the layout is form 01/);
  });
});
