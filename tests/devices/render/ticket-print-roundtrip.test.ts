import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { encodePrintJob } from '../../../server/devices/codecs/escpos/encode-raster.js';
import { bitmapsEqual, inkIn } from '../../../server/devices/render/bitmap.js';
import { bitmapToPng } from '../../../server/devices/render/png.js';
import { qrMatrix } from '../../../server/devices/render/qr-matrix.js';
import { renderTicket } from '../../../server/devices/render/ticket-layout.js';
import type { TicketData } from '../../../server/devices/render/ticket-data.js';
import { decodedImageToPng, decodedImageToRgba, decodeEscPos } from '../../helpers/escpos-decoder.js';
import { readCodesWithZbar, readQrWithJsQr } from '../../helpers/qr-readers.js';
import { normalTicket, priorityTicket } from './sample-tickets.js';

/**
 * The printed ticket end to end: render -> ESC/POS bytes -> an independent decoder -> the image the
 * printer would print, whose QR two independent readers must read back exactly. The rendered PNGs
 * are kept in test-artifacts/tickets/ for a person to look at.
 */
const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/tickets');
const scratch = mkdtempSync(join(tmpdir(), 'ticket-qr-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cases: [string, number, TicketData][] = [
  ['normal', 384, normalTicket],
  ['normal', 576, normalTicket],
  ['priority', 384, priorityTicket],
  ['priority', 576, priorityTicket],
];

describe.each(cases)('%s ticket at %i dots', (name, width, data) => {
  const rendered = renderTicket(data, { width });
  const bytes = encodePrintJob(rendered.bitmap);
  const job = decodeEscPos(bytes);

  it('decodes back to the rendered image, dot for dot, at the paper width', () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}-${width}.png`), bitmapToPng(rendered.bitmap));
    expect(job.image).not.toBeNull();
    expect(job.image?.width).toBe(width);
    expect(job.image && bitmapsEqual(job.image, rendered.bitmap)).toBe(true);
    const bands = Math.ceil(rendered.bitmap.height / 256);
    expect(job.commands.map((c) => c.op)).toEqual(['initialize', ...Array<string>(bands).fill('raster'), 'feed-lines', 'cut']);
  });

  it('carries a QR that jsQR and zbarimg both read as exactly the follow URL', () => {
    const image = job.image!;
    expect(readQrWithJsQr(decodedImageToRgba(image), image.width, image.height)).toBe(data.followUrl);
    const file = join(scratch, `${name}-${width}.png`);
    writeFileSync(file, decodedImageToPng(image));
    expect(readCodesWithZbar(file)).toEqual([data.followUrl]);
  });

  it('draws the QR with whole square modules of at least 4 dots and a 4-module quiet zone', () => {
    const qr = rendered.regions.qr!;
    const modules = qrMatrix(data.followUrl).size + 8;
    expect(qr.height % modules).toBe(0);
    expect(qr.height / modules).toBeGreaterThanOrEqual(width === 384 ? 4 : 6);
    // The quiet zone: no ink in the first and last 4 modules' rows of the block.
    const quiet = 4 * (qr.height / modules);
    expect(inkIn(rendered.bitmap, 0, qr.y, width, quiet)).toBe(0);
    expect(inkIn(rendered.bitmap, 0, qr.y + qr.height - quiet, width, quiet)).toBe(0);
  });

  it('prints the number far larger than the body text', () => {
    const number = rendered.regions.number!;
    const body = rendered.regions.body!;
    expect(number.height).toBeGreaterThan(2.5 * body.height);
    expect(inkIn(rendered.bitmap, 0, number.y, width, number.height)).toBeGreaterThan(number.height * width * 0.2);
  });

  it(data.priorityLabel === null ? 'has no priority mark' : 'marks priority with an inverted box', () => {
    const mark = rendered.regions.priority;
    if (data.priorityLabel === null) return expect(mark).toBeUndefined();
    expect(mark).toBeDefined();
    const area = mark!.width * mark!.height;
    // Mostly black with white letters: an inverted box, not a line of black text.
    expect(inkIn(rendered.bitmap, mark!.x, mark!.y, mark!.width, mark!.height) / area).toBeGreaterThan(0.6);
  });
});

describe('bitmapToPng', () => {
  it('writes black dots black and white dots white', () => {
    const { bitmap } = renderTicket(normalTicket, { width: 384 });
    const png = PNG.sync.read(bitmapToPng(bitmap));
    expect([png.width, png.height]).toEqual([bitmap.width, bitmap.height]);
    let mismatches = 0;
    for (let y = 0; y < bitmap.height; y++) {
      for (let x = 0; x < bitmap.width; x++) {
        const black = (png.data[(y * png.width + x) * 4] ?? 255) < 128;
        if (black !== inkIn(bitmap, x, y, 1, 1) > 0) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});
