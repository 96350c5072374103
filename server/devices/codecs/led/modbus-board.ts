import type { BoardContent } from '../../../core/board-content.js';
import type { LedBoardModel, ModbusSpec } from '../../catalogue/led-board-model-schema.js';
import { cellText } from './cells.js';
import { WRITE_SINGLE_REGISTER, writeMultipleRegisters, writeSingleRegister, type WriteRequest } from './modbus-rtu.js';

/**
 * How a Modbus LED board's registers hold what it shows, per the model's `modbus.encoding`:
 * - ascii-pairs: the cells as text, two characters per register, high byte first (A012 -> 0x4130 0x3132);
 * - letter-and-number: the prefix letter's ASCII code (0 when the number has none), then the number
 *   (A012 -> 0x0041 0x000C; 1025 -> 0x0000 0x0401), the board drawing the leading zeros itself;
 * - number: the digits only, for digit-only boards (A012 -> 0x000C).
 * Numeric encodings keep the last digits that fit the board's digit cells, like cellText keeps the
 * last cells. Paused and blank are the model's register values for numeric encodings.
 */

export function registerCount(model: Pick<LedBoardModel, 'cells'>, encoding: ModbusSpec['encoding']): number {
  return encoding === 'ascii-pairs' ? Math.ceil(model.cells / 2) : encoding === 'letter-and-number' ? 2 : 1;
}

export function boardRegisters(model: LedBoardModel & { modbus: ModbusSpec }, content: BoardContent): number[] {
  const { encoding } = model.modbus;
  if (encoding === 'ascii-pairs') {
    const text = cellText(model, content).padEnd(registerCount(model, encoding) * 2, ' ');
    return Array.from({ length: text.length / 2 }, (_, k) => (text.charCodeAt(2 * k) << 8) | text.charCodeAt(2 * k + 1));
  }
  const fallback = registerCount(model, encoding) === 2 ? [0, 0xffff] : [0xffff];
  if (content.kind === 'paused') return [...(model.modbus.pausedRegisters ?? fallback)];
  const m = content.kind === 'number' ? /^([A-Za-z]?)\D*(\d+)$/.exec(content.text) : null;
  if (!m) return [...(model.modbus.blankRegisters ?? fallback)];
  // Too wide for the board: keep the last cells, as a text board does (A1025 on four cells is 1025).
  const kept = `${(m[1] ?? '').toUpperCase()}${m[2] ?? ''}`.slice(-model.cells);
  const letter = /^[A-Z]/.test(kept) ? kept.slice(0, 1) : '';
  const digits = kept.slice(letter.length);
  // The loader keeps numeric boards to at most 4 digit cells, so the number fits one 16-bit register.
  const number = Number(digits);
  return encoding === 'letter-and-number' ? [letter === '' ? 0 : letter.charCodeAt(0), number] : [number];
}

/** The requests that put `content` on the board at `slave`: one 0x10, or one 0x06 per register. */
export function boardRequests(
  model: LedBoardModel & { modbus: ModbusSpec },
  slave: number,
  content: BoardContent,
): WriteRequest[] {
  const values = boardRegisters(model, content);
  const { register } = model.modbus;
  if (model.modbus.function === WRITE_SINGLE_REGISTER) {
    return values.map((v, k) => ({ slave, function: WRITE_SINGLE_REGISTER, register: register + k, values: [v] }));
  }
  return [{ slave, function: 0x10, register, values }];
}

export function encodeRequest(request: WriteRequest): Uint8Array {
  return request.function === WRITE_SINGLE_REGISTER
    ? writeSingleRegister(request.slave, request.register, request.values[0] ?? 0)
    : writeMultipleRegisters(request.slave, request.register, request.values);
}
