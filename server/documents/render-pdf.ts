import PDFDocument from 'pdfkit';
import type { ReceiptData } from '../../common/dossier/receipt-data.js';
import { headerNameLines } from './form-wording.js';
import { fillForm, type FilledForm, type FilledItem } from './fill-form.js';
import type { FormLayout } from './forms/form-layout.js';
import { drawCodes } from './pdf-codes.js';
import { loadPdfFonts, type PdfFonts } from './pdf-fonts.js';
import { F, PdfCursor, registerFonts } from './pdf-page.js';
import { drawDocumentsTable } from './pdf-table.js';

export type Paper = 'A4' | 'A5';

const MM = 72 / 25.4;

/**
 * The circular's forms are designed for A5; A4 is the same layout with everything 1.1 times larger
 * (the rest of the taller page goes to the table) and an administrative document's wide left
 * margin, for offices whose only printer takes A4.
 */
const PAPERS: Record<
  Paper,
  { size: [number, number]; margins: { top: number; bottom: number; left: number; right: number }; scale: number }
> = {
  A5: { size: [148 * MM, 210 * MM], margins: { top: 10 * MM, bottom: 12 * MM, left: 15 * MM, right: 12 * MM }, scale: 1 },
  A4: { size: [210 * MM, 297 * MM], margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM }, scale: 1.1 },
};

export interface PdfOptions {
  /** Loaded once by a service that prints many; read from the font package otherwise. */
  readonly fonts?: PdfFonts;
}

/** The form as a PDF: fills it (refusing bad data with ReceiptDataError), then lays it out. */
export async function renderReceiptPdf(
  form: FormLayout,
  data: ReceiptData,
  paper: Paper,
  options: PdfOptions = {},
): Promise<Buffer> {
  const filled = fillForm(form, data);
  const geometry = PAPERS[paper];
  if (geometry === undefined) throw new RangeError(`Unknown paper ${JSON.stringify(paper)}: expected A4 or A5`);
  const doc = new PDFDocument({
    size: geometry.size,
    margins: geometry.margins,
    bufferPages: true,
    info: {
      Title: `${filled.title} – ${data.dossierCode}`,
      Author: filled.header.office,
      Subject: form.legalBasis,
      CreationDate: new Date(data.issuedAt ?? data.receivedAt),
    },
    lang: 'vi-VN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc, options.fonts ?? loadPdfFonts());
  const c = new PdfCursor(doc, geometry.scale);
  drawHeader(c, filled);
  filled.items.forEach((item, i) => {
    const next = filled.items[i + 1];
    if (item.kind === 'lookup' && filled.items[i - 1]?.kind === 'barcode') return;
    if (item.kind === 'barcode') drawCodes(c, item, next?.kind === 'lookup' ? next : null);
    else if (item.kind === 'lookup') drawCodes(c, null, item);
    else drawItem(c, item);
  });
  numberPages(c, data.dossierCode);
  doc.end();
  return done;
}

function drawHeader(c: PdfCursor, f: FilledForm): void {
  const leftW = c.width * 0.5;
  const rightX = c.x0 + leftW;
  const rightW = c.width - leftW;
  // Be Vietnam Pro is wide: at 8 pt the office's name and the motto just fit side by side on A5.
  const size = c.s(8);
  const top = c.y;
  let left = top + c.text(f.header.authority, F.regular, size, c.x0, leftW, 'center');
  left += drawOffice(c, f.header.office, size, leftW, left);
  c.rule(c.x0 + leftW * 0.35, leftW * 0.3, left + c.s(2));
  let right = top + c.text(f.header.motto[0], F.bold, size, rightX, rightW, 'center');
  right += c.text(f.header.motto[1], F.bold, c.s(9.5), rightX, rightW, 'center', right);
  const mottoW = c.doc.font(F.bold).fontSize(c.s(9.5)).widthOfString(f.header.motto[1]);
  c.rule(rightX + (rightW - mottoW) / 2, mottoW, right + c.s(2));
  c.y = Math.max(left, right) + c.s(7);
  // The number is a code: shrink it to one line rather than break it.
  const numberSize = Math.max(
    c.s(6.5),
    Math.min(size, (size * (leftW - c.s(4))) / c.doc.font(F.regular).fontSize(size).widthOfString(f.header.number)),
  );
  const numberH = c.text(f.header.number, F.regular, numberSize, c.x0, leftW, 'center');
  const dateH = c.text(f.header.dateLine, F.italic, c.s(9), rightX, rightW, 'center');
  c.y += Math.max(numberH, dateH) + c.s(10);
  c.y += c.text(f.title, F.bold, c.s(12), c.x0, c.width, 'center') + c.s(4);
}

/**
 * The office's name on its natural lines, set up to a tenth smaller when that is what it takes to
 * keep them whole; wrapped by width otherwise.
 */
function drawOffice(c: PdfCursor, office: string, size: number, width: number, y: number): number {
  const lines = headerNameLines(office);
  const widthAt = (l: string, s: number): number => c.doc.font(F.bold).fontSize(s).widthOfString(l);
  const fitted = Math.min(size, (size * width) / Math.max(...lines.map((l) => widthAt(l, size))));
  if (fitted < size * 0.9) return c.text(office, F.bold, size, c.x0, width, 'center', y);
  let top = y;
  for (const line of lines) {
    // Placed by hand, unwrapped: pdfkit's wrapper would still break a line that fits to the point.
    c.doc
      .font(F.bold)
      .fontSize(fitted)
      .text(line, c.x0 + (width - widthAt(line, fitted)) / 2, top, { lineBreak: false });
    top += c.doc.currentLineHeight(true) + c.lineGap(fitted);
  }
  return top - y;
}

function drawItem(c: PdfCursor, item: FilledItem): void {
  const body = c.s(9.5);
  switch (item.kind) {
    case 'paragraph': {
      const font = item.italic ? F.italic : F.regular;
      c.ensure(c.measure(item.text, font, body, c.width));
      c.y += c.text(item.text, font, body, c.x0, c.width, 'justify') + c.s(2);
      return;
    }
    case 'field':
      c.labelled(item.label, item.value, body);
      c.gap(1.5);
      return;
    case 'documents':
      drawDocumentsTable(c, item);
      c.gap(5);
      return;
    case 'reasons': {
      c.ensure(c.measure(item.label, F.regular, body, c.width));
      c.y += c.text(item.label, F.regular, body, c.x0, c.width, 'justify') + c.s(2);
      const indent = c.s(16);
      item.items.forEach((reason, i) => {
        c.ensure(c.measure(reason, F.bold, body, c.width - indent));
        c.text(`${i + 1}.`, F.regular, body, c.x0 + c.s(4), indent);
        c.y += c.text(reason, F.bold, body, c.x0 + indent, c.width - indent) + c.s(2);
      });
      c.gap(3);
      return;
    }
    case 'barcode':
    case 'lookup':
      return;
    case 'signatures':
      return drawSignatures(c, item);
  }
}

function drawSignatures(c: PdfCursor, item: Extract<FilledItem, { kind: 'signatures' }>): void {
  // One slot sits on the right, where the signer of an administrative paper signs.
  const n = Math.max(2, item.slots.length);
  const w = c.width / n;
  const offset = n - item.slots.length;
  const space = c.s(40);
  const heights = item.slots.map(
    (s) =>
      c.measure(s.title, F.bold, c.s(9.5), w) +
      c.measure(s.note, F.italic, c.s(8.5), w) +
      space +
      c.measure(s.name || ' ', F.bold, c.s(10), w),
  );
  c.ensure(Math.max(...heights) + c.s(8));
  const top = c.y + c.s(8);
  let bottom = top;
  item.slots.forEach((s, i) => {
    const x = c.x0 + (offset + i) * w;
    let y = top + c.text(s.title, F.bold, c.s(9.5), x, w, 'center', top);
    y += c.text(s.note, F.italic, c.s(8.5), x, w, 'center', y) + space;
    if (s.name !== '') y += c.text(s.name, F.bold, c.s(10), x, w, 'center', y);
    bottom = Math.max(bottom, y);
  });
  c.y = bottom;
}

/** "Mã hồ sơ … – Trang 1/2" in the bottom margin when the form runs over one page, so a loose page is traced. */
function numberPages(c: PdfCursor, code: string): void {
  const { start, count } = c.doc.bufferedPageRange();
  if (count < 2) return;
  for (let i = start; i < start + count; i++) {
    c.doc.switchToPage(i);
    const margin = c.doc.page.margins.bottom;
    // Writing inside the bottom margin would make pdfkit start yet another page.
    c.doc.page.margins.bottom = 0;
    c.doc
      .font(F.italic)
      .fontSize(c.s(8))
      .text(`Mã hồ sơ ${code} – Trang ${i - start + 1}/${count}`, c.x0, c.doc.page.height - margin * 0.6, {
        width: c.width,
        align: 'center',
      });
    c.doc.page.margins.bottom = margin;
  }
}
