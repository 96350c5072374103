import { describe, expect, it } from 'vitest';
import {
  AsciiFrameDecoder,
  asciiFrameFormat,
  encodeAsciiFrame,
  type AsciiFrameFormat,
} from '../../../server/devices/codecs/led/ascii-frame.js';
import { bytes } from './fake-transport.js';

// STX, two address digits, four cells, ETX, then the XOR of everything after STX up to ETX.
const STX_XOR: AsciiFrameFormat = asciiFrameFormat({
  cells: 4,
  frame: { start: '02', addressDigits: 2, end: '03', checksum: { scheme: 'xor', place: 'after-end', covers: 'after-start' } },
});
// Board 01 showing A012; 30^31^41^30^31^32^03 = 70.
const A012 = bytes('02 30 31 41 30 31 32 03 70');
// Board 01 showing 1025; 30^31^31^30^32^35^03 = 04.
const N1025 = bytes('02 30 31 31 30 32 35 03 04');

describe('encodeAsciiFrame', () => {
  it('frames STX, address, cells, ETX and an XOR BCC', () => {
    expect(encodeAsciiFrame(STX_XOR, 1, 'A012')).toEqual(A012);
    expect(encodeAsciiFrame(STX_XOR, 1, '1025')).toEqual(N1025);
  });

  it('puts a two-hex-digit sum before ETX', () => {
    const f = asciiFrameFormat({
      cells: 4,
      frame: {
        start: '02',
        addressDigits: 2,
        end: '03',
        checksum: { scheme: 'sum8-hex', place: 'before-end', covers: 'after-start' },
      },
    });
    // 30+31+20+41+31+32 = 0x125 -> 25 -> '2' '5'
    expect(encodeAsciiFrame(f, 1, ' A12')).toEqual(bytes('02 30 31 20 41 31 32 32 35 03'));
  });

  it('adds a raw sum over the start bytes too, after a two-byte end', () => {
    const f = asciiFrameFormat({
      cells: 4,
      frame: {
        start: '24',
        addressDigits: 2,
        end: '0d0a',
        checksum: { scheme: 'sum8', place: 'after-end', covers: 'from-start' },
      },
    });
    // 24+30+31+31+30+32+35+0d+0a = 0x164 -> 64
    expect(encodeAsciiFrame(f, 1, '1025')).toEqual(bytes('24 30 31 31 30 32 35 0d 0a 64'));
  });

  it('writes a plain text line when there is no checksum', () => {
    const f = asciiFrameFormat({
      cells: 4,
      frame: {
        start: '24',
        addressDigits: 2,
        end: '0d0a',
        checksum: { scheme: 'none', place: 'after-end', covers: 'after-start' },
      },
    });
    expect(new TextDecoder().decode(encodeAsciiFrame(f, 7, 'A012'))).toBe('$07A012\r\n');
  });

  it('refuses cells of the wrong width or an address that does not fit', () => {
    expect(() => encodeAsciiFrame(STX_XOR, 1, 'A0123')).toThrow(/Expected 4 printable ASCII cells/);
    expect(() => encodeAsciiFrame(STX_XOR, 1, 'Á012')).toThrow(/printable ASCII/);
    expect(() => encodeAsciiFrame(STX_XOR, 100, 'A012')).toThrow(/does not fit 2 decimal digits/);
    expect(() => encodeAsciiFrame(STX_XOR, null, 'A012')).toThrow(/does not fit/);
  });
});

describe('AsciiFrameDecoder', () => {
  const frames = (events: ReturnType<AsciiFrameDecoder['push']>) =>
    events.filter((e) => e.kind === 'frame').map((e) => e.kind === 'frame' && e.text);

  it('reads one frame with its address', () => {
    expect(new AsciiFrameDecoder(STX_XOR).push(A012)).toEqual([{ kind: 'frame', address: 1, text: 'A012', bytes: A012 }]);
  });

  it('reads two frames in one chunk', () => {
    const d = new AsciiFrameDecoder(STX_XOR);
    expect(frames(d.push(Uint8Array.from([...A012, ...N1025])))).toEqual(['A012', '1025']);
  });

  it('reads a frame split across chunks, even one byte at a time', () => {
    const d = new AsciiFrameDecoder(STX_XOR);
    expect(d.push(A012.subarray(0, 4))).toEqual([]);
    expect(frames(d.push(A012.subarray(4)))).toEqual(['A012']);
    const out = [...N1025].flatMap((b) => d.push(Uint8Array.of(b)));
    expect(frames(out)).toEqual(['1025']);
  });

  it('rejects a bad checksum with the reason, and reads the next good frame', () => {
    const bad = Uint8Array.from(A012);
    bad[8] = 0x71;
    const events = new AsciiFrameDecoder(STX_XOR).push(Uint8Array.from([...bad, ...N1025]));
    expect(events[0]).toEqual({ kind: 'rejected', reason: 'bad checksum (xor): got 71, expected 70', bytes: bad });
    expect(frames(events)).toEqual(['1025']);
  });

  it('resynchronises after garbage and after a stray STX', () => {
    const d = new AsciiFrameDecoder(STX_XOR);
    const events = d.push(Uint8Array.from([0xff, 0x00, 0x41, ...A012, 0x02, 0x33, ...N1025]));
    expect(events.map((e) => e.kind)).toEqual(['garbage', 'frame', 'rejected', 'frame']);
    expect(events[0]).toEqual({ kind: 'garbage', bytes: bytes('ff 00 41') });
    expect(events[2]).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^expected end bytes 03 at byte 7/) });
    expect(frames(events)).toEqual(['A012', '1025']);
  });

  it('rejects non-digit address bytes and unprintable cells', () => {
    const d = new AsciiFrameDecoder(STX_XOR);
    expect(d.push(bytes('02 30 41 41 30 31 32 03 00'))[0]).toMatchObject({
      reason: 'address byte 2 is 0x41, not a decimal digit',
    });
    expect(d.push(bytes('02 30 31 41 07 31 32 03 00'))[0]).toMatchObject({ reason: 'cell byte 4 is 0x07, not printable ASCII' });
  });

  it('accepts the hex checksum in either case', () => {
    const f = asciiFrameFormat({
      cells: 4,
      frame: {
        start: '02',
        addressDigits: 2,
        end: '03',
        checksum: { scheme: 'sum8-hex', place: 'before-end', covers: 'after-start' },
      },
    });
    const frame = encodeAsciiFrame(f, 2, 'ZZZZ'); // sum 0x1CA: checksum 'CA'
    const lower = Uint8Array.from(frame, (b, k) => (k === 7 || k === 8 ? String.fromCharCode(b).toLowerCase().charCodeAt(0) : b));
    expect(frames(new AsciiFrameDecoder(f).push(Uint8Array.from([...frame, ...lower])))).toEqual(['ZZZZ', 'ZZZZ']);
  });
});
