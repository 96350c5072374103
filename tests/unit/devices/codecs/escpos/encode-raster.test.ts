import { describe, expect, it } from 'vitest';
import {
  cut,
  encodePrintJob,
  feedAndCut,
  feedLines,
  initialize,
  rasterBand,
  rasterImage,
  type RasterImage,
} from '../../../../../server/devices/codecs/escpos/encode-raster.js';

const bytes = (u: Uint8Array): number[] => Array.from(u);

/** An image whose every row is one byte wide and holds its own row number, so bands are easy to check. */
function numbered(height: number, width = 8): RasterImage {
  const stride = width / 8;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) rows.fill(y & 0xff, y * stride, (y + 1) * stride);
  return { width, height, rows };
}

describe('ESC/POS raster encoding', () => {
  it('encodes a tiny 8x2 image as ESC @, one GS v 0, ESC d 4 and a partial cut', () => {
    const image: RasterImage = { width: 8, height: 2, rows: Uint8Array.of(0b1000_0001, 0b0111_1110) };
    // One command a line, flattened: the layout prettier keeps.
    const expected = [
      [0x1b, 0x40], // ESC @
      [0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0x81, 0x7e], // GS v 0: m=0, 1 byte x 2 rows, data
      [0x1b, 0x64, 0x04], // ESC d 4
      [0x1d, 0x56, 0x01], // GS V 1: partial cut
    ].flat();
    expect(bytes(encodePrintJob(image))).toEqual(expected);
  });

  it('lets the job choose the feed, a full cut, or no cut for a tear-off printer', () => {
    const image: RasterImage = { width: 8, height: 1, rows: Uint8Array.of(0xff) };
    expect(bytes(encodePrintJob(image, { feedLines: 6, cut: 'full' })).slice(-6)).toEqual([0x1b, 0x64, 6, 0x1d, 0x56, 0x00]);
    expect(bytes(encodePrintJob(image, { cut: null })).slice(-3)).toEqual([0x1b, 0x64, 4]);
  });

  it('splits a height that is not a multiple of the band into full bands and a remainder', () => {
    const out = bytes(rasterImage(numbered(7), 3));
    const expected = [
      [0x1d, 0x76, 0x30, 0, 1, 0, 3, 0, 0, 1, 2], // rows 0-2
      [0x1d, 0x76, 0x30, 0, 1, 0, 3, 0, 3, 4, 5], // rows 3-5
      [0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 6], // row 6
    ].flat();
    expect(out).toEqual(expected);
  });

  it('splits an exact multiple into equal bands with no empty band after them', () => {
    const out = bytes(rasterImage(numbered(4), 2));
    expect(out).toEqual([0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0, 1, 0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 2, 3]);
  });

  it('uses bands of 256 rows by default, with little-endian sizes', () => {
    const image = numbered(600, 576);
    const out = rasterImage(image);
    const header = (at: number): number[] => bytes(out.subarray(at, at + 8));
    const band = 8 + 72 * 256;
    expect(header(0)).toEqual([0x1d, 0x76, 0x30, 0, 72, 0, 0x00, 0x01]);
    expect(header(band)).toEqual([0x1d, 0x76, 0x30, 0, 72, 0, 0x00, 0x01]);
    expect(header(2 * band)).toEqual([0x1d, 0x76, 0x30, 0, 72, 0, 88, 0]);
    expect(out.length).toBe(3 * 8 + 72 * 600);
    // The first row of the third band is row 512 of the image.
    expect(out[2 * band + 8]).toBe(512 & 0xff);
  });

  it('writes the row width high byte for images wider than 255 bytes', () => {
    expect(bytes(rasterBand(numbered(1, 257 * 8), 0, 1).subarray(0, 8))).toEqual([0x1d, 0x76, 0x30, 0, 1, 1, 1, 0]);
  });

  it('has one function per command for drivers that compose their own job', () => {
    expect(bytes(initialize())).toEqual([0x1b, 0x40]);
    expect(bytes(feedLines(0))).toEqual([0x1b, 0x64, 0]);
    expect(bytes(cut('full'))).toEqual([0x1d, 0x56, 0]);
    expect(bytes(cut())).toEqual([0x1d, 0x56, 1]);
    expect(bytes(feedAndCut('partial', 80))).toEqual([0x1d, 0x56, 66, 80]);
    expect(bytes(feedAndCut('full', 0))).toEqual([0x1d, 0x56, 65, 0]);
  });

  it('refuses images and values the printer cannot take', () => {
    expect(() => rasterImage({ width: 10, height: 1, rows: new Uint8Array(2) })).toThrow(/multiple of 8/);
    expect(() => rasterImage({ width: 8, height: 3, rows: new Uint8Array(2) })).toThrow(/needs 3/);
    expect(() => rasterImage(numbered(2), 0)).toThrow(/Band height/);
    expect(() => rasterBand(numbered(2), 1, 2)).toThrow(/outside/);
    expect(() => feedLines(256)).toThrow(/0-255/);
    expect(() => feedAndCut('full', -1)).toThrow(/0-255/);
  });
});
