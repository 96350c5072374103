import type { PrintJobOptions } from '../codecs/escpos/encode-raster.js';
import type { PrinterModel } from '../catalogue/printer-model-schema.js';

/**
 * How encodePrintJob should build a job for this model: the band height its buffer takes, the feed
 * that brings the last line past the blade or tear bar, and its cut (none for a tear bar).
 */
export function printJobOptions(model: PrinterModel): PrintJobOptions {
  return {
    bandRows: model.maxRasterBandRows,
    feedLines: model.cut.feedLines,
    cut: model.cut.kind === 'none' ? null : model.cut.kind,
  };
}
