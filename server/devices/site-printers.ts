import { writeFile } from 'node:fs/promises';
import type { SiteConfig } from '../config/site-config-schema.js';
import type { Clock } from '../core/ports.js';
import type { PrinterModel } from './catalogue/printer-model-schema.js';
import { EscposPrinter } from './drivers/escpos-printer.js';
import type { Printer } from './drivers/printer.js';
import { createTransport } from './transports/open-transport.js';
import type { DeviceLogger } from './transports/transport.js';

export interface KioskPrinter {
  readonly deviceId: string;
  readonly kioskId: string;
  readonly printer: Printer;
  /** For a sim:// printer: the picture of the next job, written beside its .bin for the demo. */
  readonly preview: ((png: Buffer) => void) | null;
}

/**
 * Starts the ticket printers the site config declares (kind 'printer', bound to a kiosk by
 * options.kioskId). A printer whose model is unknown or whose link cannot open is reported and left
 * out: the hall runs, and kiosks show their numbers on screen.
 */
export async function startKioskPrinters(
  site: SiteConfig,
  deps: { dataDir: string; clock: Clock; models: ReadonlyMap<string, PrinterModel>; logger: DeviceLogger },
): Promise<{ printers: KioskPrinter[]; problems: { deviceId: string; problem: string }[] }> {
  const printers: KioskPrinter[] = [];
  const problems: { deviceId: string; problem: string }[] = [];
  for (const d of site.devices) {
    if (d.kind !== 'printer' || !d.link) continue;
    const kioskId = typeof d.options?.['kioskId'] === 'string' ? d.options['kioskId'] : null;
    const model = d.model ? deps.models.get(d.model) : undefined;
    if (!kioskId) problems.push({ deviceId: d.id, problem: 'not bound to a kiosk (options.kioskId)' });
    else if (!model) problems.push({ deviceId: d.id, problem: `unknown printer model ${JSON.stringify(d.model ?? '')}` });
    if (!kioskId || !model) continue;
    const previews: Buffer[] = [];
    try {
      const transport = createTransport(d.link, {
        dataDir: deps.dataDir,
        logger: deps.logger,
        onSimJob: async (job) => {
          const png = previews.shift();
          if (png) await writeFile(job.pngPath, png);
        },
      });
      const printer = new EscposPrinter({ transport, model, clock: deps.clock, logger: deps.logger, pollMs: 30_000 });
      await printer.start();
      const preview = d.link.startsWith('sim://') ? (png: Buffer) => void previews.push(png) : null;
      printers.push({ deviceId: d.id, kioskId, printer, preview });
    } catch (err) {
      problems.push({ deviceId: d.id, problem: (err as Error).message });
    }
  }
  return { printers, problems };
}
