/**
 * ESC/POS for printing one raster image: pure functions from values to bytes, one per command, so a
 * driver composes what its model needs (a model without a cutter skips cut(); one with a small
 * receive buffer uses smaller bands). No I/O here.
 *
 * Text is never sent as characters: Vietnamese does not survive printer code pages, so the ticket is
 * an image (GS v 0) and only the few control commands below are used.
 */

/** The image as the printer takes it: rows packed MSB-first, 1 = black, width a multiple of 8. */
export interface RasterImage {
  readonly width: number;
  readonly height: number;
  readonly rows: Uint8Array;
}

const ESC = 0x1b;
const GS = 0x1d;

/** Rows per GS v 0 command unless the model says otherwise. */
export const DEFAULT_BAND_ROWS = 256;

/** ESC @: clear the buffer and modes left by whatever printed before (another app, a half job). */
export function initialize(): Uint8Array {
  return Uint8Array.of(ESC, 0x40);
}

/** ESC d n: print what is buffered and feed n lines (0-255). */
export function feedLines(n: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, byte(n, 'feed lines'));
}

export type CutKind = 'full' | 'partial';

/**
 * GS V m: cut at the current position (m = 0 full, 1 partial). A partial cut leaves a hinge so the
 * ticket hangs from the kiosk slot instead of dropping to the floor.
 */
export function cut(kind: CutKind = 'partial'): Uint8Array {
  return Uint8Array.of(GS, 0x56, kind === 'full' ? 0 : 1);
}

/**
 * GS V m n (m = 65 full, 66 partial): feed n dots past the head to the cutter, then cut. For models
 * whose cutter sits far from the head, where ESC d alone leaves the last lines above the blade.
 */
export function feedAndCut(kind: CutKind, dots: number): Uint8Array {
  return Uint8Array.of(GS, 0x56, kind === 'full' ? 65 : 66, byte(dots, 'feed dots'));
}

/**
 * GS v 0 m xL xH yL yH d1...dk for rows [fromRow, fromRow + rows). m = 0: normal density, one
 * image dot per printer dot.
 */
export function rasterBand(image: RasterImage, fromRow: number, rows: number): Uint8Array {
  const stride = checkImage(image);
  if (!Number.isInteger(fromRow) || !Number.isInteger(rows) || fromRow < 0 || rows < 1 || fromRow + rows > image.height) {
    throw new RangeError(`Rows ${fromRow}..${fromRow + rows} are outside an image of ${image.height} rows`);
  }
  if (rows > 0xffff) throw new RangeError(`A raster band holds at most 65535 rows, got ${rows}`);
  const out = new Uint8Array(8 + stride * rows);
  out.set([GS, 0x76, 0x30, 0, stride & 0xff, stride >> 8, rows & 0xff, rows >> 8]);
  out.set(image.rows.subarray(fromRow * stride, (fromRow + rows) * stride), 8);
  return out;
}

/**
 * The whole image as GS v 0 commands of at most `bandRows` rows each. Printers differ in how tall an
 * image their buffer takes in one command (some stop at 255 rows, some print garbage past it), so a
 * long ticket goes in bands; the last band takes the remainder.
 */
export function rasterImage(image: RasterImage, bandRows = DEFAULT_BAND_ROWS): Uint8Array {
  if (!Number.isInteger(bandRows) || bandRows < 1)
    throw new RangeError(`Band height must be a whole number >= 1, got ${bandRows}`);
  const bands: Uint8Array[] = [];
  for (let row = 0; row < image.height; row += bandRows)
    bands.push(rasterBand(image, row, Math.min(bandRows, image.height - row)));
  return concatBytes(bands);
}

export interface PrintJobOptions {
  /** Rows per GS v 0 command; default 256. */
  readonly bandRows?: number;
  /** Lines fed after the image so it clears the cutter; default 4. */
  readonly feedLines?: number;
  /** Null for a printer without a cutter (the citizen tears the ticket off). */
  readonly cut?: CutKind | null;
}

/** A ticket or receipt from start to cut: ESC @, the image in bands, ESC d n, GS V m. */
export function encodePrintJob(image: RasterImage, options: PrintJobOptions = {}): Uint8Array {
  const kind = options.cut === undefined ? 'partial' : options.cut;
  return concatBytes([
    initialize(),
    rasterImage(image, options.bandRows),
    feedLines(options.feedLines ?? 4),
    ...(kind === null ? [] : [cut(kind)]),
  ]);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function checkImage(image: RasterImage): number {
  if (!Number.isInteger(image.width) || image.width <= 0 || image.width % 8 !== 0) {
    throw new RangeError(`Raster width must be a positive multiple of 8 dots, got ${image.width}`);
  }
  const stride = image.width / 8;
  if (stride > 0xffff || image.rows.length !== stride * image.height) {
    throw new RangeError(
      `Raster data is ${image.rows.length} bytes; ${image.width}x${image.height} needs ${stride * image.height}`,
    );
  }
  return stride;
}

function byte(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`${what} must be 0-255, got ${n}`);
  return n;
}
