import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asciiFrameFormat, encodeAsciiFrame } from '../../server/devices/codecs/led/ascii-frame.js';
import { formatCatalogueErrors } from '../../server/devices/catalogue/load-printer-models.js';
import {
  InvalidLedBoardCatalogueError,
  loadLedBoardModels,
  loadLedBoardModelsOrThrow,
} from '../../server/devices/catalogue/load-led-board-models.js';
import { ledBoardsDir } from '../devices/helpers/led-models.js';

describe('firmware-configs/led-boards', () => {
  it('every model file is valid', async () => {
    const { models, errors } = await loadLedBoardModels(ledBoardsDir);
    expect(formatCatalogueErrors(errors)).toBe('');
    expect([...models.keys()]).toEqual(
      expect.arrayContaining(['generic/ascii-stx-xor-4', 'generic/ascii-dollar-4', 'generic/modbus-rtu-4']),
    );
  });

  it('has an STX/XOR board, a text-line board without checksum, and a Modbus board', async () => {
    const models = await loadLedBoardModelsOrThrow(ledBoardsDir);
    const stx = models.get('generic/ascii-stx-xor-4');
    expect(stx?.frame).toMatchObject({ start: '02', addressDigits: 2, end: '03', checksum: { scheme: 'xor' } });
    // The example its description gives is what the codec makes of it.
    expect(stx?.description).toContain('02 30 31 41 30 31 32 03 and BCC 0x70');
    if (!stx) throw new Error('no STX model');
    expect(encodeAsciiFrame(asciiFrameFormat(stx), 1, 'A012').at(-1)).toBe(0x70);
    expect(models.get('generic/ascii-dollar-4')?.frame?.checksum.scheme).toBe('none');
    expect(models.get('generic/modbus-rtu-4')).toMatchObject({ protocol: 'modbus-rtu', modbus: { function: 16 } });
    for (const m of models.values()) expect(m.serial.baud).toBeGreaterThan(0);
  });
});

describe('loadLedBoardModels on broken files', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function folderWith(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'motcua-led-models-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }
  const shipped = (name: string) => readFile(join(ledBoardsDir, name), 'utf8');

  it('reports every schema error with its file, line and path', async () => {
    const good = await shipped('generic-ascii-stx-xor-4.yaml');
    const broken = good
      .replace('scheme: xor', 'scheme: crc32')
      .replace("start: '02'", "start: 'STX'")
      .replace('cells: 4', 'cells: 0');
    const folder = await folderWith({ 'generic-ascii-stx-xor-4.yaml': broken });
    const { models, errors } = await loadLedBoardModels(folder);
    expect(models.size).toBe(0);
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(byPath['/frame/checksum/scheme']?.message).toBe('Expected one of "none", "xor", "sum8", "sum8-hex", got "crc32"');
    expect(byPath['/frame/checksum/scheme']?.line).toBe(broken.split('\n').findIndex((l) => l.includes('crc32')) + 1);
    expect(byPath['/frame/start']?.message).toBe('Expected bytes as lower-case hex pairs, e.g. 02 or 0d0a, got "STX"');
    expect(byPath['/cells']).toBeDefined();
    await expect(loadLedBoardModelsOrThrow(folder)).rejects.toBeInstanceOf(InvalidLedBoardCatalogueError);
  });

  it('checks what the schema cannot: sections per protocol, addresses, registers, texts, file names', async () => {
    const stx = await shipped('generic-ascii-stx-xor-4.yaml');
    const modbus = await shipped('generic-modbus-rtu-4.yaml');
    const folder = await folderWith({
      'acme-no-frame.yaml': stx.replace('id: generic/ascii-stx-xor-4', 'id: acme/no-frame').replace(/^frame:[\s\S]*$/m, ''),
      'acme-wide-address.yaml': stx
        .replace('id: generic/ascii-stx-xor-4', 'id: acme/wide-address')
        .replace('max: 99', 'max: 100'),
      'acme-dash-start.yaml': stx
        .replace('id: generic/ascii-stx-xor-4', 'id: acme/dash-start')
        .replace("start: '02'", "start: '2d'"),
      'acme-texts.yaml': stx
        .replace('id: generic/ascii-stx-xor-4', 'id: acme/texts')
        .replace("paused: '----'", "paused: 'PAUSE'")
        .replace("blank: ''", "blank: '****'"),
      'acme-single.yaml': modbus.replace('id: generic/modbus-rtu-4', 'id: acme/single').replace('function: 16', 'function: 6'),
      'acme-registers.yaml': modbus
        .replace('id: generic/modbus-rtu-4', 'id: acme/registers')
        .replace('pausedRegisters: [45, 65535]', 'pausedRegisters: [45]')
        .replace('max: 247', 'max: 250')
        .replace('cells: 4', 'cells: 5'),
      'misnamed.yaml': stx,
    });
    const { errors } = await loadLedBoardModels(folder);
    const at = (name: string) => errors.filter((e) => e.file === join(folder, name)).map((e) => `${e.path}: ${e.message}`);
    expect(at('acme-no-frame.yaml')).toEqual(['/frame: An ascii-frame board needs a frame section']);
    expect(at('acme-wide-address.yaml')).toEqual(['/address/max: 100 does not fit 2 address digits']);
    expect(at('acme-dash-start.yaml')).toEqual(["/frame/start: The start byte '-' is also a character of the cells or address"]);
    expect(at('acme-texts.yaml')).toEqual([
      "/show/paused: 'PAUSE' is wider than the board's 4 cells",
      '/show/blank: The cells cannot show "****" (not in characters)',
    ]);
    expect(at('acme-single.yaml')).toEqual([
      '/modbus/function: Function 6 writes one register at a time and this board needs 2: the board would show a half-written number between requests; use 16',
    ]);
    expect(at('acme-registers.yaml')).toEqual([
      '/address: Modbus slave addresses are 1-247, got 1-250',
      '/cells: A letter-and-number board holds its number in one 16-bit register: at most 4 digit cells, got 5',
      '/modbus/pausedRegisters: Expected 2 values for letter-and-number, got 1',
    ]);
    expect(at('misnamed.yaml')).toEqual([
      "/id: Model id 'generic/ascii-stx-xor-4' belongs in a file named generic-ascii-stx-xor-4.yaml",
    ]);
  });

  it('reports a duplicate id, bad YAML and a folder that cannot be read', async () => {
    const stx = await shipped('generic-ascii-stx-xor-4.yaml');
    const folder = await folderWith({
      'generic-ascii-stx-xor-4.yaml': stx,
      'generic-ascii-stx-xor-4.yml': stx,
      'broken.yaml': 'id: [x\n',
    });
    const { errors } = await loadLedBoardModels(folder);
    expect(errors.find((e) => e.file.endsWith('.yml'))?.message).toMatch(
      /^Model id 'generic\/ascii-stx-xor-4' is already defined in /,
    );
    expect(errors.find((e) => e.file.endsWith('broken.yaml'))?.message).toMatch(/^Not valid YAML/);
    expect((await loadLedBoardModels('/nonexistent/led-boards')).errors[0]).toMatchObject({
      file: '/nonexistent/led-boards',
      path: '',
    });
  });
});
