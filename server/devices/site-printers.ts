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

/** A receipt printer at a counter (options.counterId), for the dossier forms the officer prints. */
export interface CounterPrinter {
  readonly deviceId: string;
  readonly counterId: string;
  readonly printer: Printer;
  readonly preview: ((png: Buffer) => void) | null;
}

/**
 * Starts the printers the site config declares (kind 'printer'), each bound to one kiosk by
 * options.kioskId (tickets) or to one counter by options.counterId (dossier receipts). A printer
 * whose binding or model is wrong, or whose link cannot open, is reported and left out: the hall
 * runs, kiosks show their numbers on screen and counters print receipts as PDF.
 */
export async function startKioskPrinters(
  site: SiteConfig,
  deps: { dataDir: string; clock: Clock; models: ReadonlyMap<string, PrinterModel>; logger: DeviceLogger },
): Promise<{ printers: KioskPrinter[]; counterPrinters: CounterPrinter[]; problems: { deviceId: string; problem: string }[] }> {
  const printers: KioskPrinter[] = [];
  const counterPrinters: CounterPrinter[] = [];
  const problems: { deviceId: string; problem: string }[] = [];
  for (const d of site.devices) {
    if (d.kind !== 'printer' || !d.link) continue;
    const kioskId = typeof d.options?.['kioskId'] === 'string' ? d.options['kioskId'] : null;
    const counterId = typeof d.options?.['counterId'] === 'string' ? d.options['counterId'] : null;
    const model = d.model ? deps.models.get(d.model) : undefined;
    const problem =
      !kioskId && !counterId
        ? 'not bound to a kiosk (options.kioskId) or a counter (options.counterId)'
        : kioskId && counterId
          ? 'bound to both a kiosk and a counter; a printer serves one'
          : counterId && !site.counters.some((c) => c.id === counterId)
            ? `bound to unknown counter ${JSON.stringify(counterId)}`
            : !model
              ? `unknown printer model ${JSON.stringify(d.model ?? '')}`
              : null;
    if (problem !== null || !model) {
      problems.push({ deviceId: d.id, problem: problem ?? 'no model' });
      continue;
    }
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
      if (kioskId) printers.push({ deviceId: d.id, kioskId, printer, preview });
      else if (counterId) counterPrinters.push({ deviceId: d.id, counterId, printer, preview });
    } catch (err) {
      problems.push({ deviceId: d.id, problem: (err as Error).message });
    }
  }
  return { printers, counterPrinters, problems };
}
