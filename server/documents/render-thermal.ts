import type { ReceiptData } from '../../common/dossier/receipt-data.js';
import { encodePrintJob, type PrintJobOptions } from '../devices/codecs/escpos/encode-raster.js';
import type { Bitmap } from '../devices/render/bitmap.js';
import { paintBlocks } from '../devices/render/block-painter.js';
import { loadTicketFonts, type TicketFonts } from '../devices/render/fonts.js';
import type { Block } from '../devices/render/layout-blocks.js';
import { bitmapToPng } from '../devices/render/png.js';
import { PAPER_DOTS } from '../devices/render/ticket-layout.js';
import { code128 } from './code128.js';
import { fillForm, type FilledForm, type FilledItem } from './fill-form.js';
import { headerNameLines } from './form-wording.js';
import type { FormLayout } from './forms/form-layout.js';
import { barcodeBitmap, stackBitmaps } from './thermal-barcode.js';
import { paintParagraphs, type Paragraph } from './thermal-text.js';

export interface ThermalOptions {
  /** Printable width in dots, a multiple of 8: 384 (58 mm) or 576 (80 mm). */
  readonly width: number;
  readonly fonts?: TicketFonts;
}

export interface RenderedReceipt {
  readonly bitmap: Bitmap;
  /** True when the barcode is printed along the roll (too long to fit across it). */
  readonly barcodeRotated: boolean;
}

/**
 * The same form as the PDF, on a thermal roll: one long 1-bit image, in the ticket's design units
 * (sizes for 58 mm, scaled for 80 mm as the ticket is). Centred parts are the ticket's blocks; the
 * body is left-aligned paragraphs. Nothing below 20 dots for what the citizen must read (see
 * ticket-layout.ts: smaller marks blur on the head).
 */
export function renderReceiptBitmap(form: FormLayout, data: ReceiptData, options: ThermalOptions): RenderedReceipt {
  const filled = fillForm(form, data);
  const { width } = options;
  if (!Number.isInteger(width) || width % 8 !== 0 || width < 256)
    throw new RangeError(`A receipt needs a printable width of at least 256 dots, a multiple of 8; got ${width}`);
  const fonts = options.fonts ?? loadTicketFonts();
  const px = (n: number): number => Math.round(n * Math.sqrt(width / PAPER_DOTS.mm58));
  const margin = Math.round((width / PAPER_DOTS.mm58) * 8);
  const parts: Bitmap[] = [];
  let barcodeRotated = false;
  const blocks = (bs: Block[]): void => void parts.push(paintBlocks(bs, { width, margin }).bitmap);
  const paras = (ps: Paragraph[]): void => void parts.push(paintParagraphs(ps, width, margin));
  const gap = (n: number): Block => ({ kind: 'space', height: px(n) });
  const text = (s: string, family: string, size: number): Block => ({
    kind: 'text',
    text: s,
    style: { family, size: px(size) },
    lineGap: px(2),
    balanced: true,
  });
  const para = (label: string | null, value: string, after = 6): Paragraph => ({
    runs:
      label === null
        ? [{ text: value, family: fonts.body }]
        : [
            { text: `${label}:`, family: fonts.body },
            { text: value, family: fonts.bold },
          ],
    size: px(20),
    after: px(after),
  });
  const numbered = (n: number, value: string, family: string, after = 4): Paragraph => ({
    runs: [{ text: value, family }],
    marker: { text: `${n}.`, family: fonts.body },
    markerWidth: px(30),
    size: px(20),
    after: px(after),
  });

  blocks(headerBlocks(filled, fonts, text, gap, px));
  for (const item of filled.items) {
    switch (item.kind) {
      case 'paragraph':
        paras([para(null, item.text)]);
        break;
      case 'field':
        paras([para(item.label, item.value)]);
        break;
      case 'documents':
        paras([
          para(null, item.label, 4),
          ...item.rows.flatMap((r, i) => [
            numbered(i + 1, r.name, fonts.body, 0),
            {
              ...numbered(i + 1, `${item.columns[2]}: ${r.originals} – ${item.columns[3]}: ${r.copies}`, fonts.bold, 8),
              marker: { text: '', family: fonts.body },
            },
          ]),
        ]);
        break;
      case 'reasons':
        paras([para(null, item.label, 4), ...item.items.map((r, i) => numbered(i + 1, r, fonts.bold))]);
        break;
      case 'barcode': {
        const drawn = barcodeBitmap(code128(item.code), width, margin, px(200));
        barcodeRotated = drawn.rotated;
        blocks([gap(4)]);
        parts.push(drawn.bitmap);
        blocks([gap(6), text(`${item.label}: ${item.code}`, fonts.bold, 20), gap(10)]);
        break;
      }
      case 'lookup':
        blocks(lookupBlocks(item, fonts, text, gap, px, width));
        break;
      case 'signatures':
        blocks(
          item.slots.flatMap((s) => [
            gap(20),
            text(s.title, fonts.bold, 20),
            text(s.note, fonts.body, 18),
            gap(80),
            ...(s.name === '' ? [] : [text(s.name, fonts.bold, 22)]),
          ]),
        );
        break;
    }
  }
  blocks([gap(16)]);
  return { bitmap: stackBitmaps(parts), barcodeRotated };
}

type TextBlock = (s: string, family: string, size: number) => Block;
type Gap = (n: number) => Block;

function headerBlocks(f: FilledForm, fonts: TicketFonts, text: TextBlock, gap: Gap, px: (n: number) => number): Block[] {
  return [
    gap(6),
    text(f.header.authority, fonts.body, 18),
    ...headerNameLines(f.header.office).map((l) => text(l, fonts.bold, 19)),
    gap(4),
    text(f.header.number, fonts.body, 18),
    gap(8),
    { kind: 'rule', thickness: px(1), dash: px(4) },
    gap(8),
    text(f.header.motto[0], fonts.bold, 17),
    text(f.header.motto[1], fonts.bold, 19),
    gap(4),
    text(f.header.dateLine, fonts.body, 18),
    gap(8),
    { kind: 'rule', thickness: px(2) },
    gap(12),
    text(f.title, fonts.bold, 24),
    gap(8),
  ];
}

function lookupBlocks(
  item: Extract<FilledItem, { kind: 'lookup' }>,
  fonts: TicketFonts,
  text: TextBlock,
  gap: Gap,
  px: (n: number) => number,
  width: number,
): Block[] {
  return [
    gap(6),
    { kind: 'rule', thickness: px(1), dash: px(4) },
    gap(10),
    text(item.caption, fonts.body, 20),
    gap(4),
    // The ticket's module size: at least 4 dots (0.5 mm) on 58 mm paper.
    { kind: 'qr', text: item.url, moduleDots: Math.max(4, Math.floor(width / 96)) },
    gap(4),
    {
      kind: 'inverted',
      text: `${item.secretLabel}: ${item.secret}`,
      style: { family: fonts.bold, size: px(26) },
      lineGap: px(2),
      padX: px(8),
      padY: px(8),
    },
    gap(8),
    { kind: 'rule', thickness: px(1), dash: px(4) },
  ];
}

/** The receipt as one ESC/POS job for a printer (its model's band height, feed and cut). */
export function receiptThermalJob(
  form: FormLayout,
  data: ReceiptData,
  options: ThermalOptions & { readonly job?: PrintJobOptions },
): RenderedReceipt & { bytes: Uint8Array; png: () => Buffer } {
  const rendered = renderReceiptBitmap(form, data, options);
  return { ...rendered, bytes: encodePrintJob(rendered.bitmap, options.job), png: () => bitmapToPng(rendered.bitmap) };
}
