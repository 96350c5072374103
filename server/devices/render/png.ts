import { PNG } from 'pngjs';
import type { Bitmap } from './bitmap.js';
import { getPixel } from './bitmap.js';

/**
 * The on-screen copy of a printed ticket (and what the simulated printer shows): the same 1-bit
 * image, so what the citizen sees on the kiosk is dot for dot what the printer was sent.
 * An 8-bit grey PNG keeps the file small and is read by every browser and by zbarimg.
 */
export function bitmapToPng(bitmap: Bitmap): Buffer {
  const png = new PNG({ width: bitmap.width, height: bitmap.height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  const grey = Buffer.alloc(bitmap.width * bitmap.height);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) grey[y * bitmap.width + x] = getPixel(bitmap, x, y) ? 0 : 255;
  }
  png.data = grey;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8 });
}
