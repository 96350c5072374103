import type { QrMatrix } from '../devices/render/qr-matrix.js';
import { QR_QUIET_MODULES, qrMatrix, qrSpan } from '../devices/render/qr-matrix.js';
import { barRuns, code128, CODE128_QUIET_MODULES, type Code128 } from './code128.js';
import type { FilledItem } from './fill-form.js';
import { F, type PdfCursor } from './pdf-page.js';

type BarcodeItem = Extract<FilledItem, { kind: 'barcode' }>;
type LookupItem = Extract<FilledItem, { kind: 'lookup' }>;

const MM = 72 / 25.4;
/**
 * Code 128 module width: 0.33 mm (13 mil) where there is room, down to 0.25 mm (10 mil) to keep
 * the QR beside it on A5; both are well inside what a kiosk's imager reads at arm's length.
 */
const MODULE_MAX = 0.33 * MM;
const MODULE_MIN = 0.25 * MM;

/**
 * The dossier code's barcode with, beside it, the QR of the follow URL: one row under the title,
 * where a scanner or a phone finds them first. The code in words, the "Mã tra cứu" and how to look
 * the dossier up sit under the bars. Stacked when the row cannot hold both at a readable size.
 */
export function drawCodes(c: PdfCursor, barcode: BarcodeItem | null, lookup: LookupItem | null): void {
  const symbol = barcode === null ? null : code128(barcode.code);
  const matrix = lookup === null ? null : qrMatrix(lookup.url);
  const qrSide = 22 * MM * c.scale;
  const gap = 5 * MM;
  const modules = symbol === null ? 0 : symbol.modules.length + 2 * CODE128_QUIET_MODULES;
  const besideModule = Math.min(MODULE_MAX, (c.width - qrSide - gap) / Math.max(1, modules));
  const barHeight = 8 * MM * Math.min(c.scale, 1.1);

  if (symbol !== null && barcode !== null && matrix !== null && lookup !== null && besideModule >= MODULE_MIN) {
    const leftW = c.width - qrSide - gap;
    const lines = textLines(c, barcode, lookup);
    const leftH = barHeight + c.s(3) + lines.reduce((h, l) => h + c.measure(l.text, l.font, l.size, leftW) + c.s(2), 0);
    c.ensure(Math.max(leftH, qrSide) + c.s(6));
    const top = c.y;
    drawCode128(c.doc, symbol, c.x0 + (leftW - modules * besideModule) / 2, top, besideModule, barHeight);
    let y = top + barHeight + c.s(3);
    for (const l of lines) y += c.text(l.text, l.font, l.size, c.x0, leftW, 'center', y) + c.s(2);
    drawQrMatrix(c.doc, matrix, c.x0 + c.width - qrSide, top, qrSide / qrSpan(matrix, 1));
    c.y = Math.max(y, top + qrSide) + c.s(6);
    return;
  }
  if (symbol !== null && barcode !== null) {
    const module = Math.max(MODULE_MIN, Math.min(MODULE_MAX, c.width / modules));
    const caption = `${barcode.label}: ${barcode.code}`;
    c.ensure(barHeight + c.measure(caption, F.bold, c.s(10), c.width) + c.s(8));
    drawCode128(c.doc, symbol, c.x0 + (c.width - modules * module) / 2, c.y, module, barHeight);
    c.y += barHeight + c.s(3);
    c.y += c.text(caption, F.bold, c.s(10), c.x0, c.width, 'center') + c.s(6);
  }
  if (matrix !== null && lookup !== null) {
    const textW = c.width - qrSide - gap;
    const lines = textLines(c, null, lookup);
    const textH = lines.reduce((h, l) => h + c.measure(l.text, l.font, l.size, textW) + c.s(2), 0);
    c.ensure(Math.max(qrSide, textH) + c.s(6));
    const top = c.y;
    drawQrMatrix(c.doc, matrix, c.x0, top, qrSide / qrSpan(matrix, 1));
    let y = top + Math.max(0, (qrSide - textH) / 2);
    for (const l of lines) y += c.text(l.text, l.font, l.size, c.x0 + qrSide + gap, textW, 'left', y) + c.s(2);
    c.y = Math.max(y, top + qrSide) + c.s(6);
  }
}

function textLines(c: PdfCursor, barcode: BarcodeItem | null, lookup: LookupItem) {
  return [
    ...(barcode === null ? [] : [{ text: `${barcode.label}: ${barcode.code}`, font: F.bold, size: c.s(10) }]),
    { text: `${lookup.secretLabel}: ${lookup.secret}`, font: F.bold, size: c.s(12) },
    { text: lookup.caption, font: F.italic, size: c.s(8) },
  ];
}

/**
 * Bars and QR modules as filled rectangles in one path each: no stroke, so no anti-aliased seam
 * between neighbouring modules when a viewer or pdftoppm rasterises the page.
 */
export function drawCode128(
  doc: PDFKit.PDFDocument,
  symbol: Code128,
  x: number,
  y: number,
  module: number,
  height: number,
): void {
  doc.save();
  for (const [start, width] of barRuns(symbol)) doc.rect(x + (CODE128_QUIET_MODULES + start) * module, y, width * module, height);
  doc.fill('#000').restore();
}

/** (x, y) is the top-left of the quiet zone; `module` the side of one module in points. */
export function drawQrMatrix(doc: PDFKit.PDFDocument, matrix: QrMatrix, x: number, y: number, module: number): void {
  const origin = QR_QUIET_MODULES * module;
  doc.save();
  for (let my = 0; my < matrix.size; my++) {
    let run = -1;
    // One rectangle per horizontal run of dark modules.
    for (let mx = 0; mx <= matrix.size; mx++) {
      const dark = mx < matrix.size && matrix.isDark(mx, my);
      if (dark && run < 0) run = mx;
      if (!dark && run >= 0) {
        doc.rect(x + origin + run * module, y + origin + my * module, (mx - run) * module, module);
        run = -1;
      }
    }
  }
  doc.fill('#000').restore();
}
