import QRCode from 'qrcode';
import type { Bitmap } from './bitmap.js';
import { fillRect } from './bitmap.js';

/** The QR symbol as modules, drawn by us so every module is a whole number of dots, exactly square. */
export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  isDark(x: number, y: number): boolean;
}

/** The quiet zone the QR standard asks for, in modules, on every side. */
export const QR_QUIET_MODULES = 4;

/**
 * Error correction M (15 %): a crumpled or smudged ticket still scans, while a typical follow URL
 * stays at version 3-4 so the modules can be large.
 */
export function qrMatrix(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, isDark: (x, y) => data[y * size + x] === 1 };
}

/** Width in dots of the symbol with its quiet zone. */
export function qrSpan(matrix: QrMatrix, moduleDots: number): number {
  return (matrix.size + 2 * QR_QUIET_MODULES) * moduleDots;
}

/**
 * Draw at (x, y) = the top-left of the quiet zone. The quiet zone is painted white explicitly, so
 * the symbol never depends on what was drawn around it.
 */
export function drawQr(bitmap: Bitmap, matrix: QrMatrix, x: number, y: number, moduleDots: number): void {
  const span = qrSpan(matrix, moduleDots);
  fillRect(bitmap, x, y, span, span, false);
  const origin = QR_QUIET_MODULES * moduleDots;
  for (let my = 0; my < matrix.size; my++) {
    for (let mx = 0; mx < matrix.size; mx++) {
      if (matrix.isDark(mx, my))
        fillRect(bitmap, x + origin + mx * moduleDots, y + origin + my * moduleDots, moduleDots, moduleDots);
    }
  }
}
