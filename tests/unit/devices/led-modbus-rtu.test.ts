import { describe, expect, it } from 'vitest';
import {
  acknowledges,
  crc16Modbus,
  encodeException,
  encodeWriteReply,
  parseWriteReply,
  parseWriteRequest,
  writeMultipleRegisters,
  writeSingleRegister,
} from '../../../server/devices/codecs/led/modbus-rtu.js';
import { bytes } from './fake-transport.js';

describe('CRC-16/MODBUS', () => {
  // Published examples: the write-single-register frame of the task brief, the read-holding-registers
  // frame every Modbus guide shows, and Simply Modbus's FC03 and FC16 examples.
  it.each([
    ['01 06 00 01 00 03', 0x0b98],
    ['01 03 00 00 00 01', 0x0a84],
    ['11 03 00 6b 00 03', 0x8776],
    ['11 10 00 01 00 02 04 00 0a 01 02', 0xf0c6],
    ['11 10 00 01 00 02', 0x9812],
  ])('%s -> low byte first', (frame, crc) => {
    expect(crc16Modbus(bytes(frame))).toBe(crc);
  });
});

describe('write requests', () => {
  it('0x06 write single register', () => {
    expect(writeSingleRegister(1, 1, 3)).toEqual(bytes('01 06 00 01 00 03 98 0b'));
  });

  it('0x10 write multiple registers', () => {
    expect(writeMultipleRegisters(0x11, 1, [0x000a, 0x0102])).toEqual(bytes('11 10 00 01 00 02 04 00 0a 01 02 c6 f0'));
    // The generic board's A012: letter 'A' (0x41) then 12.
    expect(writeMultipleRegisters(1, 0, [0x41, 12])).toEqual(bytes('01 10 00 00 00 02 04 00 41 00 0c a3 be'));
  });

  it('refuses values outside the protocol', () => {
    expect(() => writeSingleRegister(248, 0, 0)).toThrow(/slave must be an integer 0..247/);
    expect(() => writeSingleRegister(1, 0, 0x10000)).toThrow(/value/);
    expect(() => writeMultipleRegisters(1, 0, [])).toThrow(/1..123 registers/);
  });

  it('parses what it encodes, split anywhere, and refuses a bad CRC', () => {
    const req = writeMultipleRegisters(3, 0, [0x41, 12]);
    expect(parseWriteRequest(req.subarray(0, 5))).toEqual({ kind: 'incomplete' });
    expect(parseWriteRequest(req.subarray(0, 12))).toEqual({ kind: 'incomplete' });
    expect(parseWriteRequest(req)).toEqual({
      kind: 'ok',
      value: { slave: 3, function: 0x10, register: 0, values: [0x41, 12] },
      consumed: 13,
    });
    const bad = Uint8Array.from(req);
    bad[12] = (bad[12] ?? 0) ^ 0xff;
    expect(parseWriteRequest(bad)).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^bad CRC/), consumed: 1 });
    expect(parseWriteRequest(bytes('01 03 00 00 00 01 84 0a'))).toMatchObject({ kind: 'invalid', consumed: 1 });
  });
});

describe('replies', () => {
  it('reads the echo of 0x06 and the address and quantity of 0x10', () => {
    expect(parseWriteReply(bytes('01 06 00 01 00 03 98 0b'), 1, 6)).toEqual({
      kind: 'ok',
      value: { kind: 'ack', slave: 1, function: 6, register: 1, count: 1, value: 3 },
      consumed: 8,
    });
    expect(parseWriteReply(bytes('11 10 00 01 00 02 12 98'), 0x11, 0x10)).toEqual({
      kind: 'ok',
      value: { kind: 'ack', slave: 0x11, function: 0x10, register: 1, count: 2 },
      consumed: 8,
    });
  });

  it('reads an exception reply', () => {
    expect(encodeException(1, 6, 2)).toEqual(bytes('01 86 02 c3 a1'));
    expect(parseWriteReply(bytes('01 86 02 c3 a1'), 1, 6)).toEqual({
      kind: 'ok',
      value: { kind: 'exception', slave: 1, function: 6, code: 2, reason: 'illegal data address' },
      consumed: 5,
    });
  });

  it('waits for a split reply, drops bytes before it, and refuses a bad CRC', () => {
    const reply = bytes('01 10 00 00 00 02 41 c8');
    expect(parseWriteReply(reply.subarray(0, 1), 1, 0x10)).toEqual({ kind: 'incomplete' });
    expect(parseWriteReply(reply.subarray(0, 7), 1, 0x10)).toEqual({ kind: 'incomplete' });
    expect(parseWriteReply(Uint8Array.from([0xff, 0x00, ...reply]), 1, 0x10)).toEqual({
      kind: 'invalid',
      reason: '2 unexpected bytes before the reply: ff 00',
      consumed: 2,
    });
    expect(parseWriteReply(bytes('01 10 00 00 00 02 41 c9'), 1, 0x10)).toEqual({
      kind: 'invalid',
      reason: 'bad CRC in reply 01 10 00 00 00 02 41 c9',
      consumed: 1,
    });
  });

  it('tells an acknowledgement of this request from one of another', () => {
    const req = { slave: 1, function: 0x10 as const, register: 0, values: [0x41, 12] };
    const ack = parseWriteReply(encodeWriteReply(req), 1, 0x10);
    if (ack.kind !== 'ok') throw new Error('no reply parsed');
    expect(acknowledges(ack.value, req)).toBe(true);
    expect(acknowledges(ack.value, { ...req, register: 2 })).toBe(false);
    expect(acknowledges(ack.value, { ...req, values: [1] })).toBe(false);
    const single = { slave: 1, function: 0x06 as const, register: 1, values: [3] };
    const echo = parseWriteReply(encodeWriteReply(single), 1, 6);
    if (echo.kind !== 'ok') throw new Error('no echo parsed');
    expect(acknowledges(echo.value, single)).toBe(true);
    expect(acknowledges(echo.value, { ...single, values: [4] })).toBe(false);
  });
});
