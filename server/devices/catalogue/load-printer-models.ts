import { PrinterModelSchema, type PrinterModel } from './printer-model-schema.js';
import {
  InvalidModelCatalogueError,
  loadModelFolder,
  parseModelFile,
  type CatalogueError,
  type ModelCatalogue,
  type ParsedModel,
} from './model-files.js';

// Many device modules import these from here; they live with the shared model loader.
export { formatCatalogueErrors, type CatalogueError } from './model-files.js';

/** Loads every printer model in a folder (firmware-configs/printers), reporting every problem at once. */
export type PrinterCatalogue = ModelCatalogue<PrinterModel>;

/** The catalogue was not valid; `errors` lists every problem. */
export class InvalidCatalogueError extends InvalidModelCatalogueError {
  constructor(errors: readonly CatalogueError[]) {
    super('printer', errors);
    this.name = 'InvalidCatalogueError';
  }
}

export function loadPrinterModels(dir: string): Promise<PrinterCatalogue> {
  return loadModelFolder(dir, parsePrinterModel);
}

/** Like loadPrinterModels, for the hub's start: a broken catalogue stops it with every error listed. */
export async function loadPrinterModelsOrThrow(dir: string): Promise<ReadonlyMap<string, PrinterModel>> {
  const { models, errors } = await loadPrinterModels(dir);
  if (errors.length > 0) throw new InvalidCatalogueError(errors);
  return models;
}

/** One model file's text: the model when it is valid, and every error found either way. */
export function parsePrinterModel(
  file: string,
  text: string,
): { model?: PrinterModel; errors: CatalogueError[]; idLine?: number } {
  return parseModelFile(file, text, PrinterModelSchema, checkPrinterModel);
}

function checkPrinterModel({ value: model, at }: ParsedModel<PrinterModel>): void {
  if (model.printWidthMm > model.paperWidthMm) {
    at('/printWidthMm', `Print width ${model.printWidthMm} mm is wider than the ${model.paperWidthMm} mm paper`);
  }
  // dots must match what the head really has: a ticket rendered wider is cut off, narrower is shrunk.
  const headDots = (model.printWidthMm * model.dpi) / 25.4;
  if (Math.abs(model.dots - headDots) > 8) {
    at(
      '/dots',
      `${model.dots} dots do not match ${model.printWidthMm} mm at ${model.dpi} dpi (about ${Math.round(headDots)} dots)`,
    );
  }
}
