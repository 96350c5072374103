import { registerCount } from '../codecs/led/modbus-board.js';
import { fromHex } from '../codecs/led/ascii-frame.js';
import { LedBoardModelSchema, type LedBoardModel } from './led-board-model-schema.js';
import type { CatalogueError } from './load-printer-models.js';
import { InvalidModelCatalogueError, loadModelFolder, parseModelFile, type ModelCatalogue } from './model-files.js';

/**
 * Loads every LED board model in a folder (firmware-configs/led-boards) and reports every problem at
 * once with its file, line and JSON pointer, as the printer catalogue does.
 */

export type LedBoardCatalogue = ModelCatalogue<LedBoardModel>;

export class InvalidLedBoardCatalogueError extends InvalidModelCatalogueError {
  constructor(errors: readonly CatalogueError[]) {
    super('LED board', errors);
    this.name = 'InvalidLedBoardCatalogueError';
  }
}

export function loadLedBoardModels(dir: string): Promise<LedBoardCatalogue> {
  return loadModelFolder(dir, parseLedBoardModel);
}

export async function loadLedBoardModelsOrThrow(dir: string): Promise<ReadonlyMap<string, LedBoardModel>> {
  const { models, errors } = await loadLedBoardModels(dir);
  if (errors.length > 0) throw new InvalidLedBoardCatalogueError(errors);
  return models;
}

/** One model file's text: the model when it is valid, and every error found either way. */
export function parseLedBoardModel(
  file: string,
  text: string,
): { model?: LedBoardModel; errors: CatalogueError[]; idLine?: number } {
  return parseModelFile(file, text, LedBoardModelSchema, ({ value, at }) => modelRules(value, at));
}

/** What the schema cannot say: which section each protocol needs, and that the parts fit together. */
function modelRules(m: LedBoardModel, at: (path: string, message: string) => void): void {
  const { address, frame, modbus } = m;
  if (address && (address.min > address.max || address.default < address.min || address.default > address.max)) {
    at('/address', `Expected min <= default <= max, got ${address.min} <= ${address.default} <= ${address.max}`);
  }
  const takesText = m.protocol === 'ascii-frame' || modbus?.encoding === 'ascii-pairs';
  if (takesText && !m.show) at('/show', `A board that takes text needs show.paused and show.blank`);
  for (const key of ['paused', 'blank'] as const) {
    const shown = m.show?.[key] ?? '';
    if (shown.length > m.cells) at(`/show/${key}`, `'${shown}' is wider than the board's ${m.cells} cells`);
    const bad = [...shown].filter((c) => c !== ' ' && !m.characters.includes(c));
    if (bad.length > 0) at(`/show/${key}`, `The cells cannot show ${JSON.stringify(bad.join(''))} (not in characters)`);
  }
  if (m.protocol === 'ascii-frame') {
    if (!frame) return at('/frame', 'An ascii-frame board needs a frame section');
    if (modbus) at('/modbus', 'An ascii-frame board takes no modbus section');
    if (frame.addressDigits > 0 && !address)
      at('/address', `The frame carries ${frame.addressDigits} address digits: give the address range`);
    if (frame.addressDigits === 0 && address) at('/address', 'The frame carries no address (frame.addressDigits is 0)');
    if (address && frame.addressDigits > 0 && address.max >= 10 ** frame.addressDigits) {
      at('/address/max', `${address.max} does not fit ${frame.addressDigits} address digits`);
    }
    // A start byte the cells can also hold would let the decoder (and the board) resynchronise inside a frame.
    const first = String.fromCharCode(fromHex(frame.start)[0] ?? 0);
    if (m.characters.includes(first) || /\d/.test(first))
      at('/frame/start', `The start byte '${first}' is also a character of the cells or address`);
    return;
  }
  if (!modbus) return at('/modbus', 'A modbus-rtu board needs a modbus section');
  if (frame) at('/frame', 'A modbus-rtu board takes no frame section');
  if (!address) at('/address', 'A modbus-rtu board needs the slave address range (1-247)');
  else if (address.min < 1 || address.max > 247)
    at('/address', `Modbus slave addresses are 1-247, got ${address.min}-${address.max}`);
  const count = registerCount(m, modbus.encoding);
  if (modbus.register + count - 1 > 0xffff) at('/modbus/register', `${count} registers from ${modbus.register} run past 65535`);
  if (modbus.function === 6 && count > 1) {
    at(
      '/modbus/function',
      `Function 6 writes one register at a time and this board needs ${count}: the board would show a half-written number between requests; use 16`,
    );
  }
  if (modbus.encoding === 'ascii-pairs') return;
  if (m.cells > 4)
    at('/cells', `A ${modbus.encoding} board holds its number in one 16-bit register: at most 4 digit cells, got ${m.cells}`);
  for (const key of ['pausedRegisters', 'blankRegisters'] as const) {
    const values = modbus[key];
    if (!values) at(`/modbus/${key}`, `A ${modbus.encoding} board needs ${key} (${count} values)`);
    else if (values.length !== count)
      at(`/modbus/${key}`, `Expected ${count} values for ${modbus.encoding}, got ${values.length}`);
  }
}
