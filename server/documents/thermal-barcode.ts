import { createBitmap, fillRect, type Bitmap } from '../devices/render/bitmap.js';
import { barRuns, CODE128_QUIET_MODULES, type Code128 } from './code128.js';

/**
 * Code 128 on a thermal roll, every module a whole number of dots. A head's dots bleed, so a bar or
 * gap of one dot (0.125 mm) is not reliable, and printers' own barcode commands start at two. The
 * 25-character dossier code is about 290 modules: at two dots that is wider than 58 mm or 80 mm
 * paper, so it is printed turned a quarter, the bars running across the roll and the symbol along
 * it, where the roll has all the length it needs. Kiosk scanners are imagers and read it either way.
 */
export function barcodeBitmap(
  symbol: Code128,
  width: number,
  margin: number,
  barLength: number,
): { bitmap: Bitmap; rotated: boolean } {
  const module = Math.max(2, Math.floor(width / 192));
  const span = (symbol.modules.length + 2 * CODE128_QUIET_MODULES) * module;
  const inner = width - 2 * margin;
  const runs = barRuns(symbol);
  if (span <= inner) {
    const bitmap = createBitmap(width, barLength);
    const x0 = Math.floor((width - span) / 2) + CODE128_QUIET_MODULES * module;
    for (const [start, w] of runs) fillRect(bitmap, x0 + start * module, 0, w * module, barLength);
    return { bitmap, rotated: false };
  }
  const length = Math.min(inner, barLength);
  const bitmap = createBitmap(width, span);
  const x = Math.floor((width - length) / 2);
  for (const [start, w] of runs) fillRect(bitmap, x, (CODE128_QUIET_MODULES + start) * module, length, w * module);
  return { bitmap, rotated: true };
}

/** Bitmaps of one width, one under the other: the form is painted in parts and printed as one image. */
export function stackBitmaps(parts: readonly Bitmap[]): Bitmap {
  const width = parts[0]?.width ?? 8;
  if (parts.some((p) => p.width !== width)) throw new RangeError('Only bitmaps of one width can be stacked');
  const out = createBitmap(
    width,
    parts.reduce((h, p) => h + p.height, 0),
  );
  let at = 0;
  for (const p of parts) {
    out.rows.set(p.rows, at);
    at += p.rows.length;
  }
  return out;
}
