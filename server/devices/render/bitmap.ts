/**
 * A 1-bit image as a thermal printer sees it: rows packed MSB-first (the leftmost dot is the high
 * bit of the first byte), 1 = black (a heated dot). The width is a whole number of bytes because
 * ESC/POS raster commands count rows in bytes, so every bitmap here can go to the printer as is.
 */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  /** height * width / 8 bytes, row after row. */
  readonly rows: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  if (!Number.isInteger(width) || width <= 0 || width % 8 !== 0) {
    throw new RangeError(`Bitmap width must be a positive multiple of 8 dots, got ${width}`);
  }
  if (!Number.isInteger(height) || height < 0) throw new RangeError(`Bitmap height must be a whole number, got ${height}`);
  return { width, height, rows: new Uint8Array((width / 8) * height) };
}

export function bytesPerRow(bitmap: Bitmap): number {
  return bitmap.width / 8;
}

export function getPixel(bitmap: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return false;
  const byte = bitmap.rows[y * (bitmap.width / 8) + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/** Clipped to the bitmap, so callers can draw near the edges without bounds checks of their own. */
export function fillRect(bitmap: Bitmap, x: number, y: number, w: number, h: number, black = true): void {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(bitmap.width, Math.floor(x + w));
  const y1 = Math.min(bitmap.height, Math.floor(y + h));
  const stride = bitmap.width / 8;
  for (let row = y0; row < y1; row++) {
    for (let col = x0; col < x1; col++) {
      const i = row * stride + (col >> 3);
      const mask = 0x80 >> (col & 7);
      bitmap.rows[i] = black ? (bitmap.rows[i] ?? 0) | mask : (bitmap.rows[i] ?? 0) & ~mask;
    }
  }
}

/**
 * Threshold an RGBA image (as a canvas hands it out) to 1-bit. No dithering: text and QR modules
 * must stay crisp, and a plain threshold of anti-aliased glyphs keeps strokes at their drawn weight.
 * Alpha is ignored, so draw on an opaque white background first.
 */
export function bitmapFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, threshold = 128): Bitmap {
  if (rgba.length !== width * height * 4) throw new RangeError('RGBA data does not match the given size');
  const bitmap = createBitmap(width, height);
  const stride = width / 8;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      // Rec. 601 luma in integers: the weights add up to 1000.
      const luma = (299 * (rgba[p] ?? 0) + 587 * (rgba[p + 1] ?? 0) + 114 * (rgba[p + 2] ?? 0)) / 1000;
      if (luma < threshold) {
        const i = y * stride + (x >> 3);
        bitmap.rows[i] = (bitmap.rows[i] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return bitmap;
}

/** Count of black dots in a rectangle (clipped): tests and layout checks use it to find ink. */
export function inkIn(bitmap: Bitmap, x: number, y: number, w: number, h: number): number {
  let count = 0;
  for (let row = Math.max(0, y); row < Math.min(bitmap.height, y + h); row++) {
    for (let col = Math.max(0, x); col < Math.min(bitmap.width, x + w); col++) if (getPixel(bitmap, col, row)) count++;
  }
  return count;
}

export function bitmapsEqual(a: Bitmap, b: Bitmap): boolean {
  if (a.width !== b.width || a.height !== b.height || a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.rows.length; i++) if (a.rows[i] !== b.rows[i]) return false;
  return true;
}
