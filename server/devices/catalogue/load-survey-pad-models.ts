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
import { surveyKeyCodes, SurveyPadModelSchema, type SurveyPadModel } from './survey-pad-model-schema.js';

/**
 * Loads the survey pad models (firmware-configs/survey-pads/) and checks what the schema cannot:
 * which fields each mode and report format needs, that the buttons are positions 1..N with none
 * missing or twice (a pad that cannot say "Hài lòng" would skew every rating it gives), that a digit
 * typed means the same position at the hub as in the survey page, and that no two buttons, or a button
 * and the release report, can be mistaken for each other.
 */
export function loadSurveyPadModels(dir: string): Promise<ModelCatalogue<SurveyPadModel>> {
  return loadModelFolder(dir, parseSurveyPadModel);
}

/** Like loadSurveyPadModels; a broken catalogue throws with every error listed. */
export async function loadSurveyPadModelsOrThrow(dir: string): Promise<ReadonlyMap<string, SurveyPadModel>> {
  const { models, errors } = await loadSurveyPadModels(dir);
  if (errors.length > 0) throw new InvalidModelCatalogueError('survey pad', errors);
  return models;
}

export function parseSurveyPadModel(
  file: string,
  text: string,
): { model?: SurveyPadModel; errors: CatalogueError[]; idLine?: number } {
  return parseModelFile(file, text, SurveyPadModelSchema, checkSurveyPadModel);
}

type At = ParsedModel<SurveyPadModel>['at'];

function checkSurveyPadModel({ value: m, at }: ParsedModel<SurveyPadModel>): void {
  checkPositions(m, at);
  if (m.mode === 'wedge') return checkWedge(m, at);
  if (!m.report) return at('/report', "A raw-hid survey pad needs 'report': how its reports are read");
  if (m.report.format === 'boot-keyboard') return checkBootKeyboard(m, at);
  const release = m.report.release;
  const seen = new Map<string, number>();
  m.buttons.forEach((b, i) => {
    const path = `/buttons/${i}`;
    if (b.usage !== undefined || b.code !== undefined)
      at(path, 'A button of a pattern pad has match only (usage and code are for other formats)');
    if (b.match === undefined) return at(path, "A button of a pattern pad needs 'match': the report bytes that mean it");
    const bytes = parseHexPattern(b.match);
    if (bytes.every((x) => x === 0)) at(`${path}/match`, 'An all-zero report means "every button released", never a button');
    if (m.report?.length !== undefined && bytes.length > m.report.length) {
      at(`${path}/match`, `The pattern is ${bytes.length} bytes, longer than the ${m.report.length}-byte report`);
    }
    if (release !== undefined && overlap(b.match, release))
      at(`${path}/match`, 'A report could match both this button and the release pattern');
    const other = [...seen.entries()].find(([p]) => overlap(p, b.match as string));
    if (other) at(`${path}/match`, `A report could match both this button and button ${other[1]}`);
    seen.set(b.match, i);
  });
}

/** Positions 1..N, each once: the pad's buttons are the top of the scale, in order. */
function checkPositions(m: SurveyPadModel, at: At): void {
  const seen = new Map<number, number>();
  m.buttons.forEach((b, i) => {
    const other = seen.get(b.position);
    if (other !== undefined) at(`/buttons/${i}/position`, `Position ${b.position} is already button ${other}`);
    else seen.set(b.position, i);
    if (b.position > m.buttons.length) {
      at(
        `/buttons/${i}/position`,
        `Position ${b.position} on a ${m.buttons.length}-button pad: the buttons give positions 1 to ${m.buttons.length}, best first`,
      );
    }
  });
}

function checkBootKeyboard(m: SurveyPadModel, at: At): void {
  if (m.report?.release !== undefined) {
    at('/report/release', 'A boot keyboard releases with an all-zero report; release is for the pattern format');
  }
  const seen = new Map<number, number>();
  m.buttons.forEach((b, i) => {
    const path = `/buttons/${i}`;
    if (b.match !== undefined || b.code !== undefined)
      at(path, 'A button of a boot-keyboard pad has usage only (match and code are for other formats)');
    if (b.usage === undefined) return at(path, "A button of a boot-keyboard pad needs 'usage': the key usage id it types");
    const code = codeOfUsage(b.usage);
    // The same pad plugged into the survey tablet instead must give the same rating.
    if (!code || !surveyKeyCodes(b.position).includes(code)) {
      at(
        `${path}/usage`,
        `Usage 0x${b.usage.toString(16)} is ${code ?? 'not a listed key'}; the survey page takes position ${b.position} as ${surveyKeyCodes(b.position).join(' or ')}`,
      );
    }
    const other = seen.get(b.usage);
    if (other !== undefined) at(`${path}/usage`, `Usage 0x${b.usage.toString(16)} is already button ${other}`);
    seen.set(b.usage, i);
  });
}

function checkWedge(m: SurveyPadModel, at: At): void {
  if (m.report) at('/report', 'A wedge pad types into the survey page; the hub reads no reports from it');
  const seen = new Map<string, number>();
  m.buttons.forEach((b, i) => {
    const path = `/buttons/${i}`;
    if (b.match !== undefined || b.usage !== undefined)
      at(path, 'A wedge button has code only (match and usage are for raw-hid)');
    if (b.code === undefined) return at(path, "A wedge button needs 'code': the key the survey page listens for");
    if (!surveyKeyCodes(b.position).includes(b.code)) {
      at(
        `${path}/code`,
        `The survey page takes position ${b.position} as ${surveyKeyCodes(b.position).join(' or ')}, not ${b.code}`,
      );
    }
    const other = seen.get(b.code);
    if (other !== undefined) at(`${path}/code`, `${b.code} is already button ${other}`);
    seen.set(b.code, i);
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
