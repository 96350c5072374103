import type { AsciiFrameSpec, ChecksumScheme } from '../../catalogue/led-board-model-schema.js';
import { hex } from './cells.js';

/**
 * ASCII-frame LED boards (DESIGN §8): start bytes, the board address as decimal digits, one ASCII
 * character per cell, end bytes, and a checksum before or after the end bytes, as the model says.
 * Every frame of a model has the same length, which is what lets the decoder tell a raw checksum byte
 * that happens to equal STX or ETX from a real one.
 */

export interface AsciiFrameFormat {
  readonly start: Uint8Array;
  readonly addressDigits: number;
  readonly cells: number;
  readonly end: Uint8Array;
  readonly checksum: {
    readonly scheme: ChecksumScheme;
    readonly place: 'after-end' | 'before-end';
    readonly covers: 'after-start' | 'from-start';
  };
}

export type AsciiFrameEvent =
  | { readonly kind: 'frame'; readonly address: number | null; readonly text: string; readonly bytes: Uint8Array }
  /** Bytes that began with the start bytes but are not a valid frame; `reason` says why (English). */
  | { readonly kind: 'rejected'; readonly reason: string; readonly bytes: Uint8Array }
  /** Bytes outside any frame (line noise, another protocol on the bus). */
  | { readonly kind: 'garbage'; readonly bytes: Uint8Array };

export function fromHex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function checksumLength(scheme: ChecksumScheme): number {
  return scheme === 'none' ? 0 : scheme === 'sum8-hex' ? 2 : 1;
}

export function frameLength(f: AsciiFrameFormat): number {
  return f.start.length + f.addressDigits + f.cells + f.end.length + checksumLength(f.checksum.scheme);
}

export function checksumOf(scheme: ChecksumScheme, bytes: Uint8Array): Uint8Array {
  switch (scheme) {
    case 'none':
      return new Uint8Array(0);
    case 'xor':
      return Uint8Array.of(bytes.reduce((a, b) => a ^ b, 0));
    case 'sum8':
      return Uint8Array.of(bytes.reduce((a, b) => (a + b) & 0xff, 0));
    case 'sum8-hex': {
      const sum = bytes.reduce((a, b) => (a + b) & 0xff, 0);
      return Uint8Array.from(sum.toString(16).toUpperCase().padStart(2, '0'), (c) => c.charCodeAt(0));
    }
  }
}

/** One frame: `address` (null for boards without one) and `cells`, already exactly `cells` ASCII characters. */
export function encodeAsciiFrame(f: AsciiFrameFormat, address: number | null, cells: string): Uint8Array {
  if (cells.length !== f.cells || !/^[\x20-\x7e]*$/.test(cells)) {
    throw new RangeError(`Expected ${f.cells} printable ASCII cells, got ${JSON.stringify(cells)}`);
  }
  let addressText = '';
  if (f.addressDigits > 0) {
    addressText = String(address ?? 0).padStart(f.addressDigits, '0');
    if (address === null || !Number.isInteger(address) || address < 0 || addressText.length !== f.addressDigits) {
      throw new RangeError(`Address ${String(address)} does not fit ${f.addressDigits} decimal digits`);
    }
  }
  const body = Uint8Array.from(addressText + cells, (c) => c.charCodeAt(0));
  const beforeEnd = f.checksum.place === 'before-end';
  const head = beforeEnd ? concat(f.start, body) : concat(f.start, body, f.end);
  const covered = f.checksum.covers === 'from-start' ? head : head.subarray(f.start.length);
  const sum = checksumOf(f.checksum.scheme, covered);
  return beforeEnd ? concat(head, sum, f.end) : concat(head, sum);
}

/**
 * Frames out of a byte stream, for the board simulator, tests, and anyone checking a capture: takes
 * chunks as serial ports deliver them (split anywhere, several frames at once) and resynchronises at
 * the next start bytes after garbage or a rejected frame.
 */
export class AsciiFrameDecoder {
  private pending = new Uint8Array(0);
  private readonly length: number;

  constructor(private readonly f: AsciiFrameFormat) {
    this.length = frameLength(f);
  }

  push(chunk: Uint8Array): AsciiFrameEvent[] {
    const buf = concat(this.pending, chunk);
    const out: AsciiFrameEvent[] = [];
    let i = 0;
    let garbageFrom = -1;
    const flushGarbage = (to: number) => {
      if (garbageFrom >= 0 && to > garbageFrom) out.push({ kind: 'garbage', bytes: buf.slice(garbageFrom, to) });
      garbageFrom = -1;
    };
    while (i < buf.length) {
      const match = startsAt(buf, i, this.f.start);
      if (match === 'no') {
        if (garbageFrom < 0) garbageFrom = i;
        i++;
        continue;
      }
      // A partial start or a partial frame at the end: wait for the next chunk.
      if (match === 'partial' || buf.length - i < this.length) break;
      flushGarbage(i);
      const bytes = buf.slice(i, i + this.length);
      const reason = this.check(bytes);
      if (reason === null) {
        out.push(this.frame(bytes));
        i += this.length;
      } else {
        out.push({ kind: 'rejected', reason, bytes });
        // Resynchronise at the next start inside the rejected bytes: a stray STX before a real frame
        // must not cost the frame.
        const next = indexOf(buf, this.f.start, i + 1);
        i = next >= 0 && next < i + this.length ? next : i + this.length;
      }
    }
    flushGarbage(i);
    this.pending = buf.slice(i);
    return out;
  }

  private check(bytes: Uint8Array): string | null {
    const f = this.f;
    const addrAt = f.start.length;
    const cellsAt = addrAt + f.addressDigits;
    const csLen = checksumLength(f.checksum.scheme);
    const beforeEnd = f.checksum.place === 'before-end';
    const csAt = beforeEnd ? cellsAt + f.cells : cellsAt + f.cells + f.end.length;
    const endAt = beforeEnd ? csAt + csLen : cellsAt + f.cells;
    if (!startsWith(bytes, endAt, f.end))
      return `expected end bytes ${hex(f.end)} at byte ${endAt}, got ${hex(bytes.subarray(endAt, endAt + f.end.length))}`;
    for (let k = addrAt; k < cellsAt; k++) {
      const b = bytes[k] ?? 0;
      if (b < 0x30 || b > 0x39) return `address byte ${k} is 0x${b.toString(16).padStart(2, '0')}, not a decimal digit`;
    }
    for (let k = cellsAt; k < cellsAt + f.cells; k++) {
      const b = bytes[k] ?? 0;
      if (b < 0x20 || b > 0x7e) return `cell byte ${k} is 0x${b.toString(16).padStart(2, '0')}, not printable ASCII`;
    }
    const covered = bytes.subarray(f.checksum.covers === 'from-start' ? 0 : f.start.length, csAt);
    const expected = checksumOf(f.checksum.scheme, covered);
    const got = bytes.subarray(csAt, csAt + csLen);
    const same =
      f.checksum.scheme === 'sum8-hex'
        ? String.fromCharCode(...got).toUpperCase() === String.fromCharCode(...expected)
        : got.every((b, k) => b === expected[k]);
    return same ? null : `bad checksum (${f.checksum.scheme}): got ${hex(got)}, expected ${hex(expected)}`;
  }

  private frame(bytes: Uint8Array): AsciiFrameEvent {
    const addrAt = this.f.start.length;
    const cellsAt = addrAt + this.f.addressDigits;
    const address = this.f.addressDigits > 0 ? Number(String.fromCharCode(...bytes.subarray(addrAt, cellsAt))) : null;
    return { kind: 'frame', address, text: String.fromCharCode(...bytes.subarray(cellsAt, cellsAt + this.f.cells)), bytes };
  }
}

function startsAt(buf: Uint8Array, i: number, start: Uint8Array): 'yes' | 'no' | 'partial' {
  for (let k = 0; k < start.length; k++) {
    if (i + k >= buf.length) return 'partial';
    if (buf[i + k] !== start[k]) return 'no';
  }
  return 'yes';
}

function startsWith(buf: Uint8Array, at: number, bytes: Uint8Array): boolean {
  return bytes.every((b, k) => buf[at + k] === b);
}

function indexOf(buf: Uint8Array, needle: Uint8Array, from: number): number {
  for (let i = from; i + needle.length <= buf.length; i++) if (startsWith(buf, i, needle)) return i;
  return -1;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The frame format a model describes (its `frame` section and cell count). */
export function asciiFrameFormat(model: { readonly cells: number; readonly frame?: AsciiFrameSpec }): AsciiFrameFormat {
  if (!model.frame) throw new Error('This LED board model has no frame section (not an ascii-frame board)');
  const { start, addressDigits, end, checksum } = model.frame;
  return { start: fromHex(start), addressDigits, cells: model.cells, end: fromHex(end), checksum };
}
