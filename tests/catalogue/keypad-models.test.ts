import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_KEYS, ONE_KEY_ACTIONS } from '../../common/contract/counter-actions.js';
import { firmwareConfigsDir } from '../../server/devices/catalogue/firmware-configs-dir.js';
import { loadKeypadModels, loadKeypadModelsOrThrow } from '../../server/devices/catalogue/load-keypad-models.js';
import { formatCatalogueErrors } from '../../server/devices/catalogue/load-printer-models.js';
import { InvalidModelCatalogueError } from '../../server/devices/catalogue/model-files.js';
import { codeOfUsage } from '../../server/devices/codecs/hid/keyboard-usages.js';
import { actionOf, NOTHING_HELD, readKeypadReport } from '../../server/devices/codecs/hid/keypad-report.js';

const keypadsDir = join(firmwareConfigsDir(), 'keypads');

describe('firmware-configs/keypads', () => {
  it('every model file is valid', async () => {
    const { models, errors } = await loadKeypadModels(keypadsDir);
    expect(formatCatalogueErrors(errors)).toBe('');
    expect([...models.keys()].sort()).toEqual(
      expect.arrayContaining([
        'generic/ch57x-macropad-wedge',
        'generic/usb-numpad',
        'generic/usb-numpad-wedge',
        'qmk/raw-hid-macropad',
      ]),
    );
  });

  it('each raw-hid model reads its own keys back to their actions, one press each', async () => {
    const models = await loadKeypadModelsOrThrow(keypadsDir);
    for (const model of models.values()) {
      if (model.mode !== 'raw-hid' || !model.report) continue;
      const map = { report: model.report, keys: model.keys };
      for (const key of model.keys) {
        const payload = new Uint8Array(model.report.length ?? 8);
        if (key.match) key.match.split(' ').forEach((b, i) => (payload[i] = b === '??' ? 0x7f : parseInt(b, 16)));
        if (key.usage !== undefined) payload[2] = key.usage;
        const bytes = model.report.reportId === undefined ? payload : Uint8Array.of(model.report.reportId, ...payload);
        const first = readKeypadReport(bytes, map, NOTHING_HELD);
        expect(actionOf(first.reading), `${model.id} ${key.match ?? key.usage}`).toBe(key.action);
        expect(ONE_KEY_ACTIONS).toContain(key.action);
      }
    }
  });

  it('the numpad keys mean at the hub what they mean in the console', async () => {
    const numpad = (await loadKeypadModelsOrThrow(keypadsDir)).get('generic/usb-numpad');
    expect(numpad?.keys.find((k) => k.usage === 0x57)?.action).toBe('next');
    for (const key of numpad?.keys ?? []) expect(ACTION_KEYS[key.action]).toContain(codeOfUsage(key.usage ?? -1));
  });

  it('the QMK pad names the firmware settings that make it send its reports', async () => {
    const qmk = (await loadKeypadModelsOrThrow(keypadsDir)).get('qmk/raw-hid-macropad');
    expect(qmk?.identity).toMatchObject({ usagePage: 0xff60, usage: 0x61 });
    expect(qmk?.firmware.files?.['rules.mk']).toContain('RAW_ENABLE = yes');
    const keymap = qmk?.firmware.files?.['keymap.c'] ?? '';
    expect(keymap).toContain('raw_hid_send');
    // The bytes the keymap sends ("MC", 1..6 in enum order) are the bytes the model maps.
    expect(keymap).toContain('{0x4D, 0x43, action}');
    const order = /enum motcua_keycodes \{ ([^}]*) \}/
      .exec(keymap)?.[1]
      ?.split(',')
      .map((s) => s.trim().split(' ')[0]);
    expect(order).toEqual(['MC_NEXT', 'MC_RECALL', 'MC_START', 'MC_SKIP', 'MC_FINISH', 'MC_PAUSE']);
    expect(qmk?.keys.map((k) => [k.action, k.match])).toEqual([
      ['next', '4d 43 01'],
      ['recall', '4d 43 02'],
      ['start', '4d 43 03'],
      ['skip', '4d 43 04'],
      ['finish', '4d 43 05'],
      ['pause-toggle', '4d 43 06'],
    ]);
  });

  it('the wedge pad is programmed with the keys the console listens for', async () => {
    const pad = (await loadKeypadModelsOrThrow(keypadsDir)).get('generic/ch57x-macropad-wedge');
    const mapping = parse(pad?.firmware.files?.['motcua-3x2.yaml'] ?? '') as { layers: { buttons: string[][] }[] };
    const programmed = mapping.layers[0]?.buttons.flat().map((k) => k.toUpperCase());
    expect(programmed).toEqual(pad?.keys.map((k) => k.code));
    for (const key of pad?.keys ?? []) expect(ACTION_KEYS[key.action]).toContain(key.code);
  });
});

describe('loadKeypadModels on broken files', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function folderWith(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'motcua-keypads-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }

  const errorsIn = async (files: Record<string, string>, name: string) => {
    const folder = await folderWith(files);
    const { models, errors } = await loadKeypadModels(folder);
    return { models, at: errors.filter((e) => e.file === join(folder, name)).map((e) => `${e.path}: ${e.message}`), errors };
  };

  it('refuses keys that disagree with the console, an action a pad cannot do, and a bad pattern', async () => {
    const numpad = await readFile(join(keypadsDir, 'generic-usb-numpad.yaml'), 'utf8');
    const qmk = await readFile(join(keypadsDir, 'qmk-raw-hid-macropad.yaml'), 'utf8');
    const { at: numpadErrors } = await errorsIn(
      {
        'generic-usb-numpad.yaml': numpad.replace('usage: 0x56 }', 'usage: 0x57 }').replace('action: finish', 'action: transfer'),
      },
      'generic-usb-numpad.yaml',
    );
    expect(numpadErrors).toEqual(
      expect.arrayContaining([
        "/keys/3/usage: Usage 0x57 is NumpadAdd; the console does 'skip' with F4 or NumpadSubtract",
        '/keys/3/usage: Usage 0x57 is already key 0',
        "/keys/4/action: 'transfer' needs the console (a ticket or a target to choose); a keypad key can be one of next, recall, start, skip, finish, pause-toggle",
      ]),
    );
    const { at: overlapping } = await errorsIn(
      { 'qmk-raw-hid-macropad.yaml': qmk.replace('match: 4d 43 02', 'match: 4d 43 ??') },
      'qmk-raw-hid-macropad.yaml',
    );
    expect(overlapping).toEqual([
      '/keys/1/match: A report could match both this key and the release pattern',
      '/keys/1/match: A report could match both this key and key 0',
      ...[2, 3, 4, 5].map((i) => `/keys/${i}/match: A report could match both this key and key 1`),
    ]);
    const { at: misspelt } = await errorsIn(
      { 'qmk-raw-hid-macropad.yaml': qmk.replace('match: 4d 43 05', 'match: 4D-43-05') },
      'qmk-raw-hid-macropad.yaml',
    );
    expect(misspelt).toEqual([
      '/keys/4/match: Expected bytes as lower-case hex pairs one space apart (?? for any byte), e.g. "4d 43 01", got "4D-43-05"',
    ]);
  });

  it('checks each mode has what it needs, with the line of the problem', async () => {
    const wedge = await readFile(join(keypadsDir, 'generic-usb-numpad-wedge.yaml'), 'utf8');
    const broken = wedge
      .replace('code: NumpadSubtract', 'code: KeyS')
      .replace('mode: wedge', 'mode: wedge\nreport: { format: pattern }');
    const { at, errors } = await errorsIn(
      { 'generic-usb-numpad-wedge.yaml': broken, 'x.yaml': 'id: acme/x\nmode: raw-hid\n' },
      'generic-usb-numpad-wedge.yaml',
    );
    expect(at).toEqual([
      '/report: A wedge keypad types into the console; the hub reads no reports from it',
      "/keys/3/code: The console does 'skip' with F4 or NumpadSubtract, not KeyS",
    ]);
    const line = errors.find((e) => e.path === '/keys/3/code')?.line;
    expect(broken.split('\n')[(line ?? 0) - 1]).toContain('KeyS');
    const missing = errors.filter((e) => e.file.endsWith('x.yaml')).map((e) => e.message);
    expect(missing).toEqual(expect.arrayContaining(["Missing required setting 'keys'", "Missing required setting 'firmware'"]));
  });

  it('refuses a raw-hid model without a report section, and a misnamed or duplicate file', async () => {
    const numpad = await readFile(join(keypadsDir, 'generic-usb-numpad.yaml'), 'utf8');
    const noReport = numpad.replace(/report:\n {2}format: boot-keyboard\n {2}length: 8\n/, '');
    const folder = await folderWith({
      'generic-usb-numpad.yaml': noReport,
      'copy.yaml': numpad,
      'generic-usb-numpad.yml': numpad,
    });
    const { errors } = await loadKeypadModels(folder);
    expect(errors.map((e) => `${e.file.slice(folder.length + 1)} ${e.path}: ${e.message}`)).toEqual([
      "copy.yaml /id: Model id 'generic/usb-numpad' belongs in a file named generic-usb-numpad.yaml",
      "generic-usb-numpad.yaml /report: A raw-hid keypad needs 'report': how its reports are read",
    ]);
    await expect(loadKeypadModelsOrThrow(folder)).rejects.toBeInstanceOf(InvalidModelCatalogueError);
  });
});
