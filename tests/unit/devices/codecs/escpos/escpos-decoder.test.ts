import { describe, expect, it } from 'vitest';
import { decodeEscPos, EscPosDecodeError } from '../../../../helpers/escpos-decoder.js';

/** The test-side decoder is itself a tool the round-trip tests trust, so it gets its own checks. */
describe('the test-side ESC/POS decoder', () => {
  it('reads a job and stacks its raster bands into one image', () => {
    const job = decodeEscPos(
      Uint8Array.from(
        [
          [0x1b, 0x40],
          [0x1d, 0x76, 0x30, 0, 2, 0, 1, 0, 0xf0, 0x0f],
          [0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 0x01, 0x02, 0x03, 0x04],
          [0x1b, 0x64, 3],
          [0x1d, 0x56, 66, 80],
        ].flat(),
      ),
    );
    expect(job.commands.map((c) => c.op)).toEqual(['initialize', 'raster', 'raster', 'feed-lines', 'cut']);
    expect(job.commands.at(-1)).toEqual({ op: 'cut', offset: 27, mode: 66, feed: 80 });
    expect(job.image).toEqual({ width: 16, height: 3, rows: Uint8Array.of(0xf0, 0x0f, 1, 2, 3, 4) });
  });

  it('refuses anything it does not know, saying what and where', () => {
    // Plain text after ESC @: a driver that sends characters would print mojibake for Vietnamese.
    expect(() => decodeEscPos(Uint8Array.of(0x1b, 0x40, 0x41))).toThrow('Unknown ESC/POS command at offset 2: 0x41 end of data');
    expect(() => decodeEscPos(Uint8Array.of(0x1b, 0x21, 0x08))).toThrow(EscPosDecodeError);
    expect(() => decodeEscPos(Uint8Array.of(0x1d, 0x56, 7))).toThrow(/unknown cut mode 7 at offset 0/);
    expect(() => decodeEscPos(Uint8Array.of(0x1d, 0x76, 0x30, 1, 1, 0, 1, 0, 0))).toThrow(/scaling mode 1/);
  });

  it('refuses raster data cut short and bands of different widths', () => {
    expect(() => decodeEscPos(Uint8Array.of(0x1d, 0x76, 0x30, 0, 1, 0, 3, 0, 0xff))).toThrow(/cut short: needs 3 bytes, 1 left/);
    const mixed = Uint8Array.of(0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 0xff, 0x1d, 0x76, 0x30, 0, 2, 0, 1, 0, 0xff, 0xff);
    expect(() => decodeEscPos(mixed)).toThrow(/16 dots wide, earlier bands 8/);
  });

  it('gives no image for a job without raster', () => {
    expect(decodeEscPos(Uint8Array.of(0x1b, 0x40, 0x1b, 0x64, 2)).image).toBeNull();
  });
});
