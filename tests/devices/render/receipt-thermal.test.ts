import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReceiptData } from '../../../common/dossier/receipt-data.js';
import { bitmapsEqual, inkIn } from '../../../server/devices/render/bitmap.js';
import { ReceiptDataError } from '../../../server/documents/check-receipt-data.js';
import { formOn } from '../../../server/documents/forms/form-catalogue.js';
import { receiptThermalJob, renderReceiptBitmap } from '../../../server/documents/render-thermal.js';
import { decodedImageToPng, decodedImageToRgba, decodeEscPos } from '../../helpers/escpos-decoder.js';
import { readQrWithJsQr } from '../../helpers/qr-readers.js';
import { zbarSymbols } from './receipt-readers.js';
import { birthReceipt, moreDocumentsRequest, receiptFor, refusal } from './sample-receipts.js';

/**
 * The forms on the counter's thermal printer, end to end: render -> ESC/POS -> the independent
 * decoder -> the image the printer would print, whose barcode zbarimg and whose QR both zbarimg and
 * jsQR must read back. The decoded images are kept in test-artifacts/receipts/ to look at.
 */
const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/receipts');
const scratch = mkdtempSync(join(tmpdir(), 'receipt-thermal-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cases: [string, number, ReceiptData][] = [
  ['01', 384, birthReceipt()],
  ['01', 576, birthReceipt()],
  ['02', 576, moreDocumentsRequest()],
  ['03', 384, refusal()],
  ['01-long', 576, receiptFor('1.115520', 43)],
];

describe.each(cases)('mẫu %s on a %i-dot roll', (name, width, data) => {
  const form = formOn(data.form, '2026-11-23');
  const job = receiptThermalJob(form, data, { width });
  const decoded = decodeEscPos(job.bytes);

  it('decodes back to the rendered image, dot for dot, in 256-row bands, fed and cut', () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `thermal-${name}-${width}.png`), job.png());
    expect(decoded.image?.width).toBe(width);
    expect(decoded.image && bitmapsEqual(decoded.image, job.bitmap)).toBe(true);
    const bands = Math.ceil(job.bitmap.height / 256);
    expect(decoded.commands.map((c) => c.op)).toEqual([
      'initialize',
      ...Array<string>(bands).fill('raster'),
      'feed-lines',
      'cut',
    ]);
  });

  it('has a Code 128 that zbarimg reads as the dossier code, and a QR that zbarimg and jsQR read as the URL', () => {
    const image = decoded.image!;
    const file = join(scratch, `${name}-${width}.png`);
    writeFileSync(file, decodedImageToPng(image));
    expect(zbarSymbols(file)).toEqual([`CODE-128:${data.dossierCode}`, `QR-Code:${data.followUrl}`]);
    expect(readQrWithJsQr(decodedImageToRgba(image), image.width, image.height)).toBe(data.followUrl);
  });

  it('keeps its ink inside the margins', () => {
    const margin = Math.round((width / 384) * 8);
    expect(inkIn(job.bitmap, 0, 0, margin - 1, job.bitmap.height)).toBe(0);
    expect(inkIn(job.bitmap, width - margin + 1, 0, margin - 1, job.bitmap.height)).toBe(0);
  });
});

describe('thermal receipt details', () => {
  const form = formOn('01', '2026-11-23');

  it('turns the 25-character code along the roll, where two-dot modules fit', () => {
    const r = renderReceiptBitmap(form, birthReceipt(), { width: 576 });
    expect(r.barcodeRotated).toBe(true);
  });

  it('grows with the document list: a long receipt is a longer roll, not smaller print', () => {
    const short = renderReceiptBitmap(form, birthReceipt(), { width: 576 }).bitmap;
    const long = renderReceiptBitmap(form, receiptFor('1.115520', 43), { width: 576 }).bitmap;
    expect(long.width).toBe(short.width);
    expect(long.height).toBeGreaterThan(short.height + 1500);
  });

  it('prints the same dots for the same data, NFC or decomposed', () => {
    const data = birthReceipt();
    const nfd: ReceiptData = {
      ...data,
      applicant: { ...data.applicant, name: data.applicant.name.normalize('NFD') },
      office: { ...data.office, name: data.office.name.normalize('NFD') },
    };
    expect(
      bitmapsEqual(renderReceiptBitmap(form, nfd, { width: 384 }).bitmap, renderReceiptBitmap(form, data, { width: 384 }).bitmap),
    ).toBe(true);
  });

  it('refuses bad data and a width the printer cannot take', () => {
    expect(() => renderReceiptBitmap(form, { ...birthReceipt(), secret: '' }, { width: 384 })).toThrow(ReceiptDataError);
    expect(() => renderReceiptBitmap(form, birthReceipt(), { width: 380 })).toThrow(/multiple of 8/);
  });
});
