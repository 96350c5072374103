import { loadPrinterModelsOrThrow } from '../../../server/devices/catalogue/load-printer-models.js';
import { firmwareConfigsDir } from '../../../server/devices/catalogue/firmware-configs-dir.js';
import type { PrinterModel } from '../../../server/devices/catalogue/printer-model-schema.js';
import { join } from 'node:path';

/** A model from the repository's catalogue, so device tests run against the shipped definitions. */
export async function printerModel(id: string): Promise<PrinterModel> {
  const models = await loadPrinterModelsOrThrow(join(firmwareConfigsDir(), 'printers'));
  const model = models.get(id);
  if (!model) throw new Error(`No printer model ${id} in firmware-configs/printers`);
  return model;
}

export const systemClock = { now: (): number => Date.now() };
