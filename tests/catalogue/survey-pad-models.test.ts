import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firmwareConfigsDir } from '../../server/devices/catalogue/firmware-configs-dir.js';
import { formatCatalogueErrors } from '../../server/devices/catalogue/load-printer-models.js';
import { loadSurveyPadModels, loadSurveyPadModelsOrThrow } from '../../server/devices/catalogue/load-survey-pad-models.js';
import { InvalidModelCatalogueError } from '../../server/devices/catalogue/model-files.js';
import { surveyKeyCodes } from '../../server/devices/catalogue/survey-pad-model-schema.js';
import { codeOfUsage, usageOfCode } from '../../server/devices/codecs/hid/keyboard-usages.js';
import { NO_BUTTON_HELD, positionOf, readSurveyPadReport } from '../../server/devices/codecs/hid/survey-pad-report.js';

const padsDir = join(firmwareConfigsDir(), 'survey-pads');

describe('firmware-configs/survey-pads', () => {
  it('every model file is valid', async () => {
    const { models, errors } = await loadSurveyPadModels(padsDir);
    expect(formatCatalogueErrors(errors)).toBe('');
    expect([...models.keys()].sort()).toEqual(
      expect.arrayContaining(['generic/survey-keys-wedge', 'qmk/raw-hid-survey-5', 'wagiminator/ch552-macropad-mini']),
    );
  });

  it('each raw-hid model reads its own buttons back to their positions, one press each, and a release to nothing', async () => {
    const models = await loadSurveyPadModelsOrThrow(padsDir);
    for (const model of models.values()) {
      if (model.mode !== 'raw-hid' || !model.report) continue;
      const map = { report: model.report, buttons: model.buttons };
      const framed = (payload: Uint8Array) =>
        model.report?.reportId === undefined ? payload : Uint8Array.of(model.report.reportId, ...payload);
      for (const button of model.buttons) {
        const payload = new Uint8Array(model.report.length ?? 8);
        if (button.match) button.match.split(' ').forEach((b, i) => (payload[i] = b === '??' ? 0x7f : parseInt(b, 16)));
        if (button.usage !== undefined) payload[2] = button.usage;
        const press = readSurveyPadReport(framed(payload), map, NO_BUTTON_HELD);
        expect(positionOf(press.reading), `${model.id} button ${button.position}`).toBe(button.position);
        const release = readSurveyPadReport(framed(new Uint8Array(model.report.length ?? 8)), map, press.held);
        expect(release.reading.kind).toBe('ignored');
      }
    }
  });

  it('the QMK box firmware sends the bytes its model maps, from the pins its board file wires', async () => {
    const box = (await loadSurveyPadModelsOrThrow(padsDir)).get('qmk/raw-hid-survey-5');
    expect(box?.identity).toMatchObject({ usagePage: 0xff60, usage: 0x61 });
    expect(box?.firmware.files?.['rules.mk']).toContain('RAW_ENABLE = yes');
    const keymap = box?.firmware.files?.['keymap.c'] ?? '';
    expect(keymap).toContain('raw_hid_send');
    expect(keymap).toContain('{0x4D, 0x53, position}');
    const order = /enum motcua_keycodes \{ ([^}]*) \}/
      .exec(keymap)?.[1]
      ?.split(',')
      .map((s) => s.trim().split(' ')[0]);
    expect(order).toEqual(['MS_1', 'MS_2', 'MS_3', 'MS_4', 'MS_5']);
    expect(keymap).toContain('LAYOUT(MS_1, MS_2, MS_3, MS_4, MS_5)');
    expect(box?.buttons.map((b) => [b.position, b.match])).toEqual([1, 2, 3, 4, 5].map((p) => [p, `4d 53 0${p}`]));
    expect(box?.report?.release).toBe('4d 53 00');
    const board = JSON.parse(box?.firmware.files?.['keyboard.json'] ?? '{}') as {
      usb: { vid: string; pid: string };
      matrix_pins: { direct: string[][] };
      layouts: { LAYOUT: { layout: unknown[] } };
    };
    expect(board.matrix_pins.direct[0]).toHaveLength(5);
    expect(board.layouts.LAYOUT.layout).toHaveLength(5);
    // The link the description gives is the board file's VID:PID.
    const link = `hid://${board.usb.vid.slice(2)}:${board.usb.pid.slice(2)}`.toLowerCase();
    expect(box?.description).toContain(link);
  });

  it('the CH552 pad is programmed to type the digits its model reads', async () => {
    const pad = (await loadSurveyPadModelsOrThrow(padsDir)).get('wagiminator/ch552-macropad-mini');
    const keys = pad?.firmware.files?.['keys.c'] ?? '';
    const typed = [...keys.matchAll(/KEY(\d)_PRESSED\(\)\s*\{ KBD_press\('(\d)'\); \}/g)].map((m) => [Number(m[1]), m[2]]);
    expect(typed).toEqual([
      [1, '1'],
      [2, '2'],
      [3, '3'],
    ]);
    for (const [key, digit] of typed) {
      const button = pad?.buttons.find((b) => b.position === key);
      expect(button?.usage).toBe(usageOfCode(`Digit${String(digit)}`));
      expect(keys).toContain(`KEY${String(key)}_RELEASED() { KBD_release('${String(digit)}'); }`);
    }
    expect(pad?.report).toEqual({ format: 'boot-keyboard', reportId: 1, length: 8 });
    expect(pad?.firmware.files?.['config.h']).toMatch(/#define SERIAL_STR\s+'M','S','0','1'/);
  });

  it('the wedge pad documents the keys the survey page takes, position by position', async () => {
    const pad = (await loadSurveyPadModelsOrThrow(padsDir)).get('generic/survey-keys-wedge');
    expect(pad?.buttons.map((b) => [b.position, b.code])).toEqual([1, 2, 3, 4, 5].map((p) => [p, `Digit${p}`]));
    for (const b of pad?.buttons ?? []) expect(surveyKeyCodes(b.position)).toContain(b.code);
    expect(surveyKeyCodes(4)).toEqual(['Digit4', 'Numpad4']);
    expect(codeOfUsage(0x5c)).toBe('Numpad4');
  });
});

describe('loadSurveyPadModels on broken files', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  async function errorsIn(files: Record<string, string>) {
    const folder = await mkdtemp(join(tmpdir(), 'motcua-survey-pads-'));
    dirs.push(folder);
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
    const { models, errors } = await loadSurveyPadModels(folder);
    return { folder, models, errors, lines: errors.map((e) => `${e.file.slice(folder.length + 1)} ${e.path}: ${e.message}`) };
  }

  const original = (name: string) => readFile(join(padsDir, name), 'utf8');

  it('refuses a position twice, a position past the buttons, and overlapping patterns', async () => {
    const qmk = await original('qmk-raw-hid-survey-5.yaml');
    const { lines, models } = await errorsIn({
      'qmk-raw-hid-survey-5.yaml': qmk
        .replace('{ position: 2, label: "Hài lòng", match: 4d 53 02 }', '{ position: 1, label: "Hài lòng", match: 4d 53 ?? }')
        .replace('{ position: 5,', '{ position: 6,'),
    });
    expect(models.size).toBe(0);
    expect(lines).toEqual(['qmk-raw-hid-survey-5.yaml /buttons/4/position: Expected integer to be less or equal to 5, got 6']);
    const second = await errorsIn({
      'qmk-raw-hid-survey-5.yaml': qmk.replace(
        '{ position: 2, label: "Hài lòng", match: 4d 53 02 }',
        '{ position: 1, label: "Hài lòng", match: 4d 53 ?? }',
      ),
    });
    expect(second.lines).toEqual([
      'qmk-raw-hid-survey-5.yaml /buttons/1/position: Position 1 is already button 0',
      'qmk-raw-hid-survey-5.yaml /buttons/1/match: A report could match both this button and the release pattern',
      'qmk-raw-hid-survey-5.yaml /buttons/1/match: A report could match both this button and button 0',
      ...[2, 3, 4].map(
        (i) => `qmk-raw-hid-survey-5.yaml /buttons/${i}/match: A report could match both this button and button 1`,
      ),
    ]);
  });

  it('refuses a three-button pad skipping a level, a digit that means another position, and a release on a keyboard', async () => {
    const ch552 = await original('wagiminator-ch552-macropad-mini.yaml');
    const broken = ch552
      .replace('{ position: 3, label: "Không hài lòng", usage: 0x20 }', '{ position: 4, label: "Không hài lòng", usage: 0x20 }')
      .replace('  length: 8\n', '  length: 8\n  release: 00 00 00\n');
    const { lines, errors } = await errorsIn({ 'wagiminator-ch552-macropad-mini.yaml': broken });
    expect(lines).toEqual([
      'wagiminator-ch552-macropad-mini.yaml /buttons/2/position: Position 4 on a 3-button pad: the buttons give positions 1 to 3, best first',
      'wagiminator-ch552-macropad-mini.yaml /report/release: A boot keyboard releases with an all-zero report; release is for the pattern format',
      'wagiminator-ch552-macropad-mini.yaml /buttons/2/usage: Usage 0x20 is Digit3; the survey page takes position 4 as Digit4 or Numpad4',
    ]);
    const line = errors.find((e) => e.path === '/buttons/2/usage')?.line ?? 0;
    expect(broken.split('\n')[line - 1]).toContain('position: 4');
  });

  it('checks each mode has what it needs', async () => {
    const wedge = await original('generic-survey-keys-wedge.yaml');
    const qmk = await original('qmk-raw-hid-survey-5.yaml');
    const { lines } = await errorsIn({
      'generic-survey-keys-wedge.yaml': wedge
        .replace('code: Digit3', 'code: KeyC')
        .replace('mode: wedge', 'mode: wedge\nreport: { format: pattern }'),
      'qmk-raw-hid-survey-5.yaml': qmk.replace(/report:\n(?: {2}.*\n)+/, ''),
      'acme-x.yaml': 'id: acme/x\nmode: raw-hid\n',
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        "acme-x.yaml /buttons: Missing required setting 'buttons'",
        "acme-x.yaml /firmware: Missing required setting 'firmware'",
        'generic-survey-keys-wedge.yaml /report: A wedge pad types into the survey page; the hub reads no reports from it',
        'generic-survey-keys-wedge.yaml /buttons/2/code: The survey page takes position 3 as Digit3 or Numpad3, not KeyC',
        "qmk-raw-hid-survey-5.yaml /report: A raw-hid survey pad needs 'report': how its reports are read",
      ]),
    );
  });

  it('the strict loader throws with every error listed', async () => {
    const { errors, folder } = await errorsIn({ 'wrong-name.yaml': await original('generic-survey-keys-wedge.yaml') });
    expect(errors.map((e) => e.message)).toEqual([
      "Model id 'generic/survey-keys-wedge' belongs in a file named generic-survey-keys-wedge.yaml",
    ]);
    await expect(loadSurveyPadModelsOrThrow(folder)).rejects.toBeInstanceOf(InvalidModelCatalogueError);
  });
});
