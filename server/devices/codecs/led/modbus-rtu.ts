import { hex } from './cells.js';

/**
 * Modbus RTU, the part LED boards use (Modbus over Serial Line V1.02; Application Protocol V1.1b3):
 * write single register (0x06) and write multiple registers (0x10), their replies and exception
 * replies, and the CRC-16/MODBUS that ends every frame (low byte first). Parsers take the bytes
 * received so far and say how many they used, so callers can feed them chunk by chunk.
 */

export const WRITE_SINGLE_REGISTER = 0x06;
export const WRITE_MULTIPLE_REGISTERS = 0x10;
/** The protocol's limit for one 0x10 request. */
export const MAX_REGISTERS_PER_WRITE = 123;

const EXCEPTIONS: Readonly<Record<number, string>> = {
  1: 'illegal function',
  2: 'illegal data address',
  3: 'illegal data value',
  4: 'server device failure',
  5: 'acknowledge',
  6: 'server device busy',
};

export function exceptionName(code: number): string {
  return EXCEPTIONS[code] ?? `exception 0x${code.toString(16).padStart(2, '0')}`;
}

/** CRC-16/MODBUS: polynomial 0xA001 (reflected 0x8005), initial 0xFFFF. */
export function crc16Modbus(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

export function withCrc(pdu: Uint8Array): Uint8Array {
  const crc = crc16Modbus(pdu);
  const out = new Uint8Array(pdu.length + 2);
  out.set(pdu);
  out[pdu.length] = crc & 0xff;
  out[pdu.length + 1] = crc >>> 8;
  return out;
}

function hasGoodCrc(frame: Uint8Array): boolean {
  const n = frame.length;
  return n >= 4 && crc16Modbus(frame.subarray(0, n - 2)) === ((frame[n - 2] ?? 0) | ((frame[n - 1] ?? 0) << 8));
}

function checkUnit(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new RangeError(`${name} must be an integer 0..${max}, got ${value}`);
}

export function writeSingleRegister(slave: number, register: number, value: number): Uint8Array {
  checkUnit('slave', slave, 247);
  checkUnit('register', register, 0xffff);
  checkUnit('value', value, 0xffff);
  return withCrc(Uint8Array.of(slave, WRITE_SINGLE_REGISTER, register >> 8, register & 0xff, value >> 8, value & 0xff));
}

export function writeMultipleRegisters(slave: number, register: number, values: readonly number[]): Uint8Array {
  checkUnit('slave', slave, 247);
  checkUnit('register', register, 0xffff);
  if (values.length < 1 || values.length > MAX_REGISTERS_PER_WRITE) {
    throw new RangeError(`a write takes 1..${MAX_REGISTERS_PER_WRITE} registers, got ${values.length}`);
  }
  const pdu = new Uint8Array(7 + values.length * 2);
  pdu.set([slave, WRITE_MULTIPLE_REGISTERS, register >> 8, register & 0xff, 0, values.length, values.length * 2]);
  values.forEach((v, k) => {
    checkUnit('value', v, 0xffff);
    pdu[7 + k * 2] = v >> 8;
    pdu[8 + k * 2] = v & 0xff;
  });
  return withCrc(pdu);
}

/** A write request as a board receives it. */
export interface WriteRequest {
  readonly slave: number;
  readonly function: typeof WRITE_SINGLE_REGISTER | typeof WRITE_MULTIPLE_REGISTERS;
  readonly register: number;
  readonly values: readonly number[];
}

/** What the board answered. For 0x06 `count` is 1 and `value` the echoed value; for 0x10 the quantity written. */
export type WriteReply =
  | {
      readonly kind: 'ack';
      readonly slave: number;
      readonly function: number;
      readonly register: number;
      readonly count: number;
      readonly value?: number;
    }
  | {
      readonly kind: 'exception';
      readonly slave: number;
      readonly function: number;
      readonly code: number;
      readonly reason: string;
    };

export type Parsed<T> =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'ok'; readonly value: T; readonly consumed: number }
  /** `consumed` bytes are dropped; `reason` is English for the log. */
  | { readonly kind: 'invalid'; readonly reason: string; readonly consumed: number };

const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);

/**
 * The reply to a write sent to `slave` with function `fn`. Bytes before the reply (noise, an echo of
 * another board on the bus) are reported and dropped; a frame with a bad CRC drops its first byte
 * only, so a real reply right behind it is still found.
 */
export function parseWriteReply(buf: Uint8Array, slave: number, fn: number): Parsed<WriteReply> {
  let at = 0;
  while (
    at < buf.length &&
    !(buf[at] === slave && (at + 1 >= buf.length || (buf[at + 1] ?? 0) === fn || buf[at + 1] === (fn | 0x80)))
  )
    at++;
  if (at > 0)
    return { kind: 'invalid', reason: `${at} unexpected bytes before the reply: ${hex(buf.subarray(0, at))}`, consumed: at };
  if (buf.length < 2) return { kind: 'incomplete' };
  const exception = buf[1] === (fn | 0x80);
  const length = exception ? 5 : 8;
  if (buf.length < length) return { kind: 'incomplete' };
  const frame = buf.subarray(0, length);
  if (!hasGoodCrc(frame)) return { kind: 'invalid', reason: `bad CRC in reply ${hex(frame)}`, consumed: 1 };
  if (exception) {
    const code = frame[2] ?? 0;
    return { kind: 'ok', value: { kind: 'exception', slave, function: fn, code, reason: exceptionName(code) }, consumed: length };
  }
  const register = u16(frame, 2);
  const value = u16(frame, 4);
  const reply: WriteReply =
    fn === WRITE_SINGLE_REGISTER
      ? { kind: 'ack', slave, function: fn, register, count: 1, value }
      : { kind: 'ack', slave, function: fn, register, count: value };
  return { kind: 'ok', value: reply, consumed: length };
}

/** Whether an ack answers this request (0x06 echoes register and value; 0x10 register and quantity). */
export function acknowledges(reply: WriteReply, request: WriteRequest): boolean {
  if (reply.kind !== 'ack' || reply.slave !== request.slave || reply.function !== request.function) return false;
  if (reply.register !== request.register) return false;
  return request.function === WRITE_SINGLE_REGISTER ? reply.value === request.values[0] : reply.count === request.values.length;
}

/** A write request from the start of `buf`, as a board (or its simulator) reads the bus. */
export function parseWriteRequest(buf: Uint8Array): Parsed<WriteRequest> {
  if (buf.length < 2) return { kind: 'incomplete' };
  const fn = buf[1];
  if (fn !== WRITE_SINGLE_REGISTER && fn !== WRITE_MULTIPLE_REGISTERS) {
    return {
      kind: 'invalid',
      reason: `not a write request (function byte 0x${(fn ?? 0).toString(16).padStart(2, '0')})`,
      consumed: 1,
    };
  }
  let length = 8;
  if (fn === WRITE_MULTIPLE_REGISTERS) {
    if (buf.length < 7) return { kind: 'incomplete' };
    const count = u16(buf, 4);
    if (count < 1 || count > MAX_REGISTERS_PER_WRITE || buf[6] !== count * 2) {
      return { kind: 'invalid', reason: `write of ${count} registers with byte count ${buf[6] ?? 0}`, consumed: 1 };
    }
    length = 9 + count * 2;
  }
  if (buf.length < length) return { kind: 'incomplete' };
  const frame = buf.subarray(0, length);
  if (!hasGoodCrc(frame)) return { kind: 'invalid', reason: `bad CRC in request ${hex(frame)}`, consumed: 1 };
  const slave = frame[0] ?? 0;
  const register = u16(frame, 2);
  const values =
    fn === WRITE_SINGLE_REGISTER ? [u16(frame, 4)] : Array.from({ length: u16(frame, 4) }, (_, k) => u16(frame, 7 + k * 2));
  return { kind: 'ok', value: { slave, function: fn, register, values }, consumed: length };
}

/** The normal reply to a write: 0x06 echoes the request, 0x10 echoes address and quantity. */
export function encodeWriteReply(request: WriteRequest): Uint8Array {
  const { slave, register } = request;
  if (request.function === WRITE_SINGLE_REGISTER) return writeSingleRegister(slave, register, request.values[0] ?? 0);
  const n = request.values.length;
  return withCrc(Uint8Array.of(slave, WRITE_MULTIPLE_REGISTERS, register >> 8, register & 0xff, n >> 8, n & 0xff));
}

export function encodeException(slave: number, fn: number, code: number): Uint8Array {
  return withCrc(Uint8Array.of(slave, fn | 0x80, code));
}
