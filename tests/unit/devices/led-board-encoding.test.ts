import { beforeAll, describe, expect, it } from 'vitest';
import { BLANK, PAUSED, type BoardContent } from '../../../server/core/board-content.js';
import type { LedBoardModel, ModbusSpec } from '../../../server/devices/catalogue/led-board-model-schema.js';
import { cellText } from '../../../server/devices/codecs/led/cells.js';
import { boardRegisters, boardRequests, encodeRequest } from '../../../server/devices/codecs/led/modbus-board.js';
import { ledBoardModel } from '../../devices/helpers/led-models.js';
import { bytes } from './fake-transport.js';

const num = (text: string): BoardContent => ({ kind: 'number', text });

describe('cellText: what the cells of a text board show', () => {
  let sevenSeg: LedBoardModel;
  beforeAll(async () => {
    sevenSeg = await ledBoardModel('generic/ascii-stx-xor-4');
  });

  it('fills every cell, right-aligned, keeping the last cells of a wide number', () => {
    expect(cellText(sevenSeg, num('A012'))).toBe('A012');
    expect(cellText(sevenSeg, num('A12'))).toBe(' A12');
    expect(cellText(sevenSeg, num('1025'))).toBe('1025');
    expect(cellText(sevenSeg, num('A1025'))).toBe('1025');
    expect(cellText(sevenSeg, PAUSED)).toBe('----');
    expect(cellText(sevenSeg, BLANK)).toBe('    ');
  });

  it('upper-cases, and blanks what seven segments cannot draw', () => {
    expect(cellText(sevenSeg, num('b012'))).toBe('B012');
    expect(cellText(sevenSeg, num('M012'))).toBe(' 012');
    expect(cellText(sevenSeg, num('Đ012'))).toBe(' 012');
  });
});

describe('boardRegisters: what a Modbus board is written', () => {
  let model: LedBoardModel & { modbus: ModbusSpec };
  beforeAll(async () => {
    const m = await ledBoardModel('generic/modbus-rtu-4');
    if (!m.modbus) throw new Error('the Modbus model has no modbus section');
    model = { ...m, modbus: m.modbus };
  });

  it('letter-and-number: the letter as ASCII (0 for none), then the number', () => {
    expect(boardRegisters(model, num('A012'))).toEqual([0x41, 12]);
    expect(boardRegisters(model, num('1025'))).toEqual([0, 1025]);
    expect(boardRegisters(model, num('A1025'))).toEqual([0, 1025]);
    expect(boardRegisters(model, PAUSED)).toEqual([45, 65535]);
    expect(boardRegisters(model, BLANK)).toEqual([0, 65535]);
  });

  it('number: the digits only', () => {
    const digits = {
      ...model,
      modbus: { ...model.modbus, encoding: 'number' as const, pausedRegisters: [9999], blankRegisters: [65535] },
    };
    expect(boardRegisters(digits, num('A012'))).toEqual([12]);
    expect(boardRegisters(digits, num('B10025'))).toEqual([25]);
    expect(boardRegisters(digits, PAUSED)).toEqual([9999]);
  });

  it('ascii-pairs: two cells per register, high byte first', () => {
    const text = { ...model, show: { paused: '----', blank: '' }, modbus: { ...model.modbus, encoding: 'ascii-pairs' as const } };
    expect(boardRegisters(text, num('A012'))).toEqual([0x4130, 0x3132]);
    expect(boardRegisters(text, PAUSED)).toEqual([0x2d2d, 0x2d2d]);
    expect(boardRegisters({ ...text, cells: 3 }, num('A12'))).toEqual([0x4131, 0x3220]);
  });

  it('one 0x10 request for the whole number, or one 0x06 per register', () => {
    expect(boardRequests(model, 3, num('A012')).map(encodeRequest)).toEqual([bytes('03 10 00 00 00 02 04 00 41 00 0c a8 06')]);
    const single = { ...model, modbus: { ...model.modbus, function: 6 as const, register: 1, encoding: 'number' as const } };
    expect(boardRequests(single, 1, num('3')).map(encodeRequest)).toEqual([bytes('01 06 00 01 00 03 98 0b')]);
  });
});
