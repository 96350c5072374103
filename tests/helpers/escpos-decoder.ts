import { PNG } from 'pngjs';

/**
 * An independent reader for the ESC/POS our printer drivers send, written from the command
 * reference rather than from our encoder, so a test that round-trips through both catches a wrong
 * byte order or header in either. It knows only the commands a ticket job uses and refuses
 * anything else by name and offset: bytes we did not mean to send are a bug, not noise.
 */
export type DecodedCommand =
  | { readonly op: 'initialize'; readonly offset: number }
  | { readonly op: 'raster'; readonly offset: number; readonly mode: number; readonly bytesPerRow: number; readonly rows: number }
  | { readonly op: 'feed-lines'; readonly offset: number; readonly lines: number }
  | { readonly op: 'cut'; readonly offset: number; readonly mode: number; readonly feed: number | null };

export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  /** Packed MSB-first, 1 = black, as GS v 0 carries it. */
  readonly rows: Uint8Array;
}

export interface DecodedJob {
  readonly commands: readonly DecodedCommand[];
  /** Every raster band stacked top to bottom, or null when the job printed no image. */
  readonly image: DecodedImage | null;
}

export class EscPosDecodeError extends Error {
  override name = 'EscPosDecodeError';
}

const hex = (b: number | undefined): string => (b === undefined ? 'end of data' : `0x${b.toString(16).padStart(2, '0')}`);

export function decodeEscPos(bytes: Uint8Array): DecodedJob {
  const commands: DecodedCommand[] = [];
  const bands: Uint8Array[] = [];
  let width: number | null = null;
  let height = 0;
  let at = 0;
  const need = (n: number, what: string): void => {
    if (at + n > bytes.length)
      throw new EscPosDecodeError(`${what} at offset ${at} is cut short: needs ${n} bytes, ${bytes.length - at} left`);
  };
  while (at < bytes.length) {
    const offset = at;
    const b0 = bytes[at];
    const b1 = bytes[at + 1];
    if (b0 === 0x1b && b1 === 0x40) {
      commands.push({ op: 'initialize', offset });
      at += 2;
    } else if (b0 === 0x1b && b1 === 0x64) {
      need(3, 'ESC d');
      commands.push({ op: 'feed-lines', offset, lines: bytes[at + 2] as number });
      at += 3;
    } else if (b0 === 0x1d && b1 === 0x56) {
      need(3, 'GS V');
      const mode = bytes[at + 2] as number;
      if ([0, 1, 48, 49].includes(mode)) {
        commands.push({ op: 'cut', offset, mode, feed: null });
        at += 3;
      } else if ([65, 66].includes(mode)) {
        need(4, 'GS V m n');
        commands.push({ op: 'cut', offset, mode, feed: bytes[at + 3] as number });
        at += 4;
      } else throw new EscPosDecodeError(`GS V with unknown cut mode ${mode} at offset ${offset}`);
    } else if (b0 === 0x1d && b1 === 0x76 && bytes[at + 2] === 0x30) {
      need(8, 'GS v 0 header');
      const mode = bytes[at + 3] as number;
      if (mode !== 0)
        throw new EscPosDecodeError(`GS v 0 with scaling mode ${mode} at offset ${offset}: only 0 (1:1) is expected`);
      const bytesPerRow = (bytes[at + 4] as number) | ((bytes[at + 5] as number) << 8);
      const rows = (bytes[at + 6] as number) | ((bytes[at + 7] as number) << 8);
      if (bytesPerRow === 0 || rows === 0)
        throw new EscPosDecodeError(`GS v 0 of ${bytesPerRow} bytes x ${rows} rows at offset ${offset}`);
      if (width !== null && width !== bytesPerRow * 8) {
        throw new EscPosDecodeError(`GS v 0 band at offset ${offset} is ${bytesPerRow * 8} dots wide, earlier bands ${width}`);
      }
      width = bytesPerRow * 8;
      at += 8;
      need(bytesPerRow * rows, 'GS v 0 data');
      bands.push(bytes.slice(at, at + bytesPerRow * rows));
      at += bytesPerRow * rows;
      height += rows;
      commands.push({ op: 'raster', offset, mode, bytesPerRow, rows });
    } else {
      throw new EscPosDecodeError(`Unknown ESC/POS command at offset ${offset}: ${hex(b0)} ${hex(b1)}`);
    }
  }
  if (width === null) return { commands, image: null };
  const rows = new Uint8Array(bands.reduce((n, b) => n + b.length, 0));
  let filled = 0;
  for (const band of bands) {
    rows.set(band, filled);
    filled += band.length;
  }
  return { commands, image: { width, height, rows } };
}

/** A decoded image as a greyscale PNG, for zbarimg and for eyes. */
export function decodedImageToPng(image: DecodedImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const black = ((image.rows[y * (image.width / 8) + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
      const p = (y * image.width + x) * 4;
      png.data[p] = png.data[p + 1] = png.data[p + 2] = black ? 0 : 255;
      png.data[p + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** RGBA pixels of a decoded image, as jsQR takes them. */
export function decodedImageToRgba(image: DecodedImage): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const black = ((image.rows[y * (image.width / 8) + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
      rgba.fill(black ? 0 : 255, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3);
      rgba[(y * image.width + x) * 4 + 3] = 255;
    }
  }
  return rgba;
}
