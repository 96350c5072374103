import { describe, expect, it } from 'vitest';
import {
  combineStatus,
  InvalidStatusByteError,
  isStatusByte,
  parseStatusReply,
  statusRequest,
  UNKNOWN_STATUS,
} from '../../../../../server/devices/codecs/escpos/status.js';

describe('ESC/POS real-time status', () => {
  it('asks with DLE EOT n', () => {
    expect(Array.from(statusRequest(1))).toEqual([0x10, 0x04, 1]);
    expect(Array.from(statusRequest(2))).toEqual([0x10, 0x04, 2]);
    expect(Array.from(statusRequest(3))).toEqual([0x10, 0x04, 3]);
    expect(Array.from(statusRequest(4))).toEqual([0x10, 0x04, 4]);
  });

  it('reads online and offline from the printer status (n = 1)', () => {
    expect(parseStatusReply(1, 0x12)).toEqual({ ...UNKNOWN_STATUS, online: true });
    expect(parseStatusReply(1, 0x1a).online).toBe(false);
    // Drawer pin high and the feed button pressed say nothing about being online.
    expect(parseStatusReply(1, 0x56).online).toBe(true);
  });

  it('reads cover open, paper end and error from the offline cause (n = 2)', () => {
    expect(parseStatusReply(2, 0x12)).toEqual({ ...UNKNOWN_STATUS, coverOpen: false, paperOut: false, error: false });
    expect(parseStatusReply(2, 0x16)).toEqual({ ...UNKNOWN_STATUS, coverOpen: true, paperOut: false, error: false });
    expect(parseStatusReply(2, 0x32)).toEqual({ ...UNKNOWN_STATUS, coverOpen: false, paperOut: true, error: false });
    expect(parseStatusReply(2, 0x52).error).toBe(true);
    // Paper being fed by the button takes the printer offline but is no fault.
    expect(parseStatusReply(2, 0x1a)).toEqual({ ...UNKNOWN_STATUS, coverOpen: false, paperOut: false, error: false });
  });

  it('reads any error cause (n = 3)', () => {
    expect(parseStatusReply(3, 0x12).error).toBe(false);
    for (const value of [0x16, 0x1a, 0x32, 0x52]) expect(parseStatusReply(3, value).error).toBe(true);
  });

  it('reads near-end and paper-out from the roll sensors (n = 4)', () => {
    expect(parseStatusReply(4, 0x12)).toEqual({ ...UNKNOWN_STATUS, paperNearEnd: false, paperOut: false });
    expect(parseStatusReply(4, 0x1e)).toEqual({ ...UNKNOWN_STATUS, paperNearEnd: true, paperOut: false });
    expect(parseStatusReply(4, 0x72)).toEqual({ ...UNKNOWN_STATUS, paperNearEnd: false, paperOut: true });
    expect(parseStatusReply(4, 0x7e)).toEqual({ ...UNKNOWN_STATUS, paperNearEnd: true, paperOut: true });
    // A clone that sets one bit of each pair.
    expect(parseStatusReply(4, 0x36)).toEqual({ ...UNKNOWN_STATUS, paperNearEnd: true, paperOut: true });
  });

  it('rejects bytes whose fixed bits are wrong', () => {
    // bit 0 set, bit 7 set, bit 1 clear, bit 4 clear, nothing, everything, not a byte.
    for (const value of [0x13, 0x92, 0x10, 0x02, 0x00, 0xff, 256, -1, 1.5]) {
      expect(isStatusByte(value)).toBe(false);
      expect(() => parseStatusReply(1, value)).toThrow(InvalidStatusByteError);
    }
    expect(() => parseStatusReply(4, 0x00)).toThrow(
      'Not a DLE EOT 4 status byte: 0x00 (bits 1 and 4 must be set, bits 0 and 7 clear)',
    );
  });

  it('combines replies: a printer out of paper', () => {
    expect(combineStatus({ 1: 0x1a, 2: 0x32, 4: 0x7e })).toEqual({
      online: false,
      paperOut: true,
      paperNearEnd: true,
      coverOpen: false,
      error: false,
    });
  });

  it('combines replies: cover open, and an online bit overruled by a fault', () => {
    expect(combineStatus({ 1: 0x1a, 2: 0x16 })).toEqual({
      online: false,
      paperOut: false,
      paperNearEnd: null,
      coverOpen: true,
      error: false,
    });
    expect(combineStatus({ 1: 0x12, 4: 0x72 }).online).toBe(false);
  });

  it('combines replies: all well, and nothing asked', () => {
    expect(combineStatus({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 })).toEqual({
      online: true,
      paperOut: false,
      paperNearEnd: false,
      coverOpen: false,
      error: false,
    });
    expect(combineStatus({})).toEqual(UNKNOWN_STATUS);
  });
});
