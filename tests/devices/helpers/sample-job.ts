import { encodePrintJob } from '../../../server/devices/codecs/escpos/encode-raster.js';
import type { PrinterModel } from '../../../server/devices/catalogue/printer-model-schema.js';
import { printJobOptions } from '../../../server/devices/drivers/print-job-options.js';
import { containsStatusRequest } from './escpos-peer.js';

/**
 * A real ESC/POS job for `model`: a striped image of `rows` rows, encoded as the hub encodes
 * tickets. `seed` changes the stripes so two jobs are told apart on the wire.
 */
export function sampleJob(model: PrinterModel, rows = 40, seed = 1): Uint8Array {
  const stride = model.dots / 8;
  const data = new Uint8Array(stride * rows);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7 + seed * 13) % 2 === 0 ? 0xaa : 0x55 ^ seed;
  const job = encodePrintJob({ width: model.dots, height: rows, rows: data }, printJobOptions(model));
  // A DLE EOT inside the data would be answered by the fake printer, as by a real one.
  if (containsStatusRequest(job)) throw new Error('sample job holds a DLE EOT sequence; pick another seed');
  return job;
}
