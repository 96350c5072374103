import { join } from 'node:path';
import { firmwareConfigsDir } from '../../../server/devices/catalogue/firmware-configs-dir.js';
import type { LedBoardModel } from '../../../server/devices/catalogue/led-board-model-schema.js';
import { loadLedBoardModelsOrThrow } from '../../../server/devices/catalogue/load-led-board-models.js';

export const ledBoardsDir = join(firmwareConfigsDir(), 'led-boards');

/** A model from the repository's catalogue, so tests run against the shipped definitions. */
export async function ledBoardModel(id: string): Promise<LedBoardModel> {
  const model = (await loadLedBoardModelsOrThrow(ledBoardsDir)).get(id);
  if (!model) throw new Error(`No LED board model ${id} in firmware-configs/led-boards`);
  return model;
}
