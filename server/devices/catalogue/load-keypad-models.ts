import { ACTION_KEYS, ONE_KEY_ACTIONS } from '../../../common/contract/counter-actions.js';
import { codeOfUsage } from '../codecs/hid/keyboard-usages.js';
import { parseHexPattern } from '../codecs/hid/keypad-report.js';
import type { CatalogueError } from './load-printer-models.js';
import {
  InvalidModelCatalogueError,
  loadModelFolder,
  parseModelFile,
  type ModelCatalogue,
  type ParsedModel,
} from './model-files.js';
import { KeypadModelSchema, type KeypadModel } from './keypad-model-schema.js';

/**
 * Loads the keypad models (firmware-configs/keypads/) and checks what the schema cannot: which fields
 * each mode and report format needs, that a key means the same at the hub as in the console
 * (ACTION_KEYS), and that no two keys, or a key and the release report, can be mistaken for each other.
 */
export function loadKeypadModels(dir: string): Promise<ModelCatalogue<KeypadModel>> {
  return loadModelFolder(dir, parseKeypadModel);
}

/** Like loadKeypadModels; a broken catalogue throws with every error listed. */
export async function loadKeypadModelsOrThrow(dir: string): Promise<ReadonlyMap<string, KeypadModel>> {
  const { models, errors } = await loadKeypadModels(dir);
  if (errors.length > 0) throw new InvalidModelCatalogueError('keypad', errors);
  return models;
}

export function parseKeypadModel(file: string, text: string): { model?: KeypadModel; errors: CatalogueError[]; idLine?: number } {
  return parseModelFile(file, text, KeypadModelSchema, checkKeypadModel);
}

function checkKeypadModel({ value: m, at }: ParsedModel<KeypadModel>): void {
  if (m.mode === 'wedge') return checkWedge(m, at);
  if (!m.report) return at('/report', "A raw-hid keypad needs 'report': how its reports are read");
  const format = m.report.format;
  if (format === 'boot-keyboard' && m.report.release !== undefined) {
    at('/report/release', 'A boot keyboard releases with an all-zero report; release is for the pattern format');
  }
  const seen = new Map<string, number>();
  m.keys.forEach((k, i) => {
    const path = `/keys/${i}`;
    if (!ONE_KEY_ACTIONS.includes(k.action)) {
      at(
        `${path}/action`,
        `'${k.action}' needs the console (a ticket or a target to choose); a keypad key can be one of ${ONE_KEY_ACTIONS.join(', ')}`,
      );
    }
    if (k.code !== undefined) at(`${path}/code`, 'code is for wedge keypads; a raw-hid key has match or usage');
    if (format === 'pattern') {
      if (k.usage !== undefined) at(`${path}/usage`, 'usage is for the boot-keyboard format; a pattern key has match');
      if (k.match === undefined) return at(path, "A key of a pattern keypad needs 'match': the report bytes that mean it");
      const bytes = parseHexPattern(k.match);
      if (bytes.every((b) => b === 0)) at(`${path}/match`, 'An all-zero report means "every key released", never a key');
      if (m.report?.length !== undefined && bytes.length > m.report.length) {
        at(`${path}/match`, `The pattern is ${bytes.length} bytes, longer than the ${m.report.length}-byte report`);
      }
      if (m.report?.release !== undefined && overlap(k.match, m.report.release)) {
        at(`${path}/match`, 'A report could match both this key and the release pattern');
      }
      const other = [...seen.entries()].find(([p]) => overlap(p, k.match as string));
      if (other) at(`${path}/match`, `A report could match both this key and key ${other[1]}`);
      seen.set(k.match, i);
    } else {
      if (k.match !== undefined) at(`${path}/match`, 'match is for the pattern format; a boot-keyboard key has usage');
      if (k.usage === undefined) return at(path, "A key of a boot-keyboard keypad needs 'usage': its key usage id");
      const code = codeOfUsage(k.usage);
      // The same physical key must do the same thing whether the hub reads it or the console does.
      if (!code || !ACTION_KEYS[k.action].includes(code)) {
        const console = ACTION_KEYS[k.action].filter((c) => c.startsWith('Numpad') || /^F\d+$/.test(c)).join(' or ');
        at(
          `${path}/usage`,
          `Usage 0x${k.usage.toString(16)} is ${code ?? 'not a listed key'}; the console does '${k.action}' with ${console}`,
        );
      }
      const other = seen.get(String(k.usage));
      if (other !== undefined) at(`${path}/usage`, `Usage 0x${k.usage.toString(16)} is already key ${other}`);
      seen.set(String(k.usage), i);
    }
  });
}

function checkWedge(m: KeypadModel, at: ParsedModel<KeypadModel>['at']): void {
  if (m.report) at('/report', 'A wedge keypad types into the console; the hub reads no reports from it');
  const seen = new Map<string, number>();
  m.keys.forEach((k, i) => {
    const path = `/keys/${i}`;
    if (k.match !== undefined || k.usage !== undefined) at(path, 'A wedge key has code only (match and usage are for raw-hid)');
    if (k.code === undefined) return at(path, "A wedge key needs 'code': the key the console listens for");
    if (!ACTION_KEYS[k.action].includes(k.code)) {
      at(`${path}/code`, `The console does '${k.action}' with ${ACTION_KEYS[k.action].join(' or ')}, not ${k.code}`);
    }
    const other = seen.get(k.code);
    if (other !== undefined) at(`${path}/code`, `${k.code} is already key ${other}`);
    seen.set(k.code, i);
  });
}

/** Whether some report could match both patterns (?? matches anything; a shorter pattern is a prefix). */
function overlap(a: string, b: string): boolean {
  const x = parseHexPattern(a);
  const y = parseHexPattern(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== null && y[i] !== null && x[i] !== y[i]) return false;
  }
  return true;
}
