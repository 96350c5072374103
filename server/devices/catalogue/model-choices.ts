import { join } from 'node:path';
import { firmwareConfigsDir } from './firmware-configs-dir.js';
import { loadKeypadModels } from './load-keypad-models.js';
import { loadLedBoardModels } from './load-led-board-models.js';
import { loadPrinterModels } from './load-printer-models.js';
import { loadSurveyPadModels } from './load-survey-pad-models.js';

export interface ModelChoice {
  readonly id: string;
  readonly name: string;
}

export type ModelChoices = Readonly<Record<'printer' | 'led-board' | 'keypad' | 'survey-pad', readonly ModelChoice[]>>;

/** The device models an admin may pick per kind: every valid file in firmware-configs, by name. */
export async function modelChoices(dir: string = firmwareConfigsDir()): Promise<ModelChoices> {
  const [printers, boards, keypads, pads] = await Promise.all([
    loadPrinterModels(join(dir, 'printers')),
    loadLedBoardModels(join(dir, 'led-boards')),
    loadKeypadModels(join(dir, 'keypads')),
    loadSurveyPadModels(join(dir, 'survey-pads')),
  ]);
  const list = (models: ReadonlyMap<string, { id: string; name: string }>) =>
    [...models.values()].map((m) => ({ id: m.id, name: m.name })).sort((a, b) => a.id.localeCompare(b.id));
  return {
    printer: list(printers.models),
    'led-board': list(boards.models),
    keypad: list(keypads.models),
    'survey-pad': list(pads.models),
  };
}
