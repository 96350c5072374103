import { vnParts } from '../../common/time/vn-time.js';
import type { PrinterModel } from './catalogue/printer-model-schema.js';
import { encodePrintJob } from './codecs/escpos/encode-raster.js';
import { printJobOptions } from './drivers/print-job-options.js';
import { paintBlocks } from './render/block-painter.js';
import { loadTicketFonts, type TicketFonts } from './render/fonts.js';
import type { Block } from './render/layout-blocks.js';
import { bitmapToPng } from './render/png.js';
import { nfc } from './render/ticket-data.js';
import { PAPER_DOTS } from './render/ticket-layout.js';

/** What the admin's "Thử in" puts on the paper: enough to tell which printer it came out of, and when. */
export interface TestSlipData {
  readonly officeName: string;
  /** Epoch ms; printed in Asia/Ho_Chi_Minh. */
  readonly at: number;
  /** The device's name in the site config, e.g. "Máy in phiếu kiosk". */
  readonly printerName: string;
  /** Its link, e.g. tcp://10.0.0.9:9100. */
  readonly link: string;
  readonly modelName: string;
}

/**
 * Every tone mark on the letter that stacks them highest (Ă with sắc, huyền, hỏi, ngã, nặng), and
 * the three letters a code page usually lacks: if this line prints clean, tickets will.
 */
export const TONE_LINE = 'Ắ Ằ Ẳ Ẵ Ặ ơ ư đ';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "23/11/2026 16:05:07", local time. */
export function slipTime(at: number): string {
  const p = vnParts(at);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

/**
 * The slip in the ticket's own terms (blocks, the ticket's fonts and sizes), so a clean test slip
 * says the ticket's rendering, raster and cut work on this printer, not merely that bytes arrive.
 */
export function testSlipBlocks(data: TestSlipData, width: number, fonts: TicketFonts): Block[] {
  const u = Math.sqrt(width / PAPER_DOTS.mm58);
  const px = (n: number): number => Math.round(n * u);
  const gap = (n: number): Block => ({ kind: 'space', height: px(n) });
  const text = (s: string, family: string, size: number): Block => ({
    kind: 'text',
    text: nfc(s),
    style: { family, size: px(size) },
    lineGap: px(2),
    balanced: true,
  });
  return [
    gap(6),
    text(data.officeName, fonts.bold, 22),
    gap(10),
    // A full-width rule shows at a glance whether the paper width in the model is the printer's.
    { kind: 'rule', thickness: px(2) },
    gap(12),
    text('IN THỬ', fonts.heavy, 40),
    text('Test print', fonts.body, 20),
    gap(12),
    text(slipTime(data.at), fonts.bold, 24),
    gap(10),
    text(data.printerName, fonts.bold, 22),
    text(data.link, fonts.body, 20),
    text(`${data.modelName} · ${width} chấm`, fonts.body, 20),
    gap(12),
    { kind: 'rule', thickness: px(2), dash: px(6) },
    gap(12),
    text(TONE_LINE, fonts.bold, 32),
    gap(4),
    text('Tiếng Việt có dấu in rõ, không vỡ nét.', fonts.body, 20),
    gap(12),
    { kind: 'rule', thickness: px(2) },
    gap(6),
  ];
}

/** The slip as the model's ESC/POS job (same encoder, band height and cut as a ticket), and its PNG on demand. */
export function testSlipJob(data: TestSlipData, model: PrinterModel): { bytes: Uint8Array; png: () => Buffer } {
  const width = model.dots;
  const margin = Math.round((width / PAPER_DOTS.mm58) * 8);
  const { bitmap } = paintBlocks(testSlipBlocks(data, width, loadTicketFonts()), { width, margin });
  return { bytes: encodePrintJob(bitmap, printJobOptions(model)), png: () => bitmapToPng(bitmap) };
}
