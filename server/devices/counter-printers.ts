import type { PrinterModel } from './catalogue/printer-model-schema.js';
import type { PrintRefusal, PrinterStatus } from './drivers/printer.js';
import type { CounterPrinter } from './site-printers.js';
import type { DeviceLogger } from './transports/transport.js';

/** What the console hears about a form it sent to its counter's printer (the kiosk's ticket shape). */
export interface CounterPrinted {
  readonly ok: boolean;
  readonly reason: PrintRefusal | 'no-printer' | null;
}

/** Whether a counter has a receipt printer, so the console offers it, and how it last answered. */
export interface CounterPrinterInfo {
  readonly present: boolean;
  readonly status: PrinterStatus | null;
}

/** One job for a printer: its ESC/POS bytes, and its picture made only for a sim:// preview. */
export interface CounterJob {
  readonly bytes: Uint8Array;
  readonly png: () => Buffer;
}

/**
 * The receipt printers of the counters. A counter's paper is asked for by its officer, outside the
 * hall's command queue: a printer that is slow, off or out of paper delays only that answer, and the
 * driver bounds it (print() never hangs past its timeout) and refuses in plain words.
 */
export class CounterPrinters {
  constructor(
    private readonly printers: readonly CounterPrinter[],
    private readonly logger: DeviceLogger,
  ) {}

  info(counterId: string): CounterPrinterInfo {
    const target = this.find(counterId);
    return { present: target !== undefined, status: target?.printer.lastStatus ?? null };
  }

  /** Renders for the counter's printer model (its width, band, cut) and prints; throws only what render throws. */
  async print(counterId: string, render: (model: PrinterModel) => CounterJob): Promise<CounterPrinted> {
    const target = this.find(counterId);
    if (!target) return { ok: false, reason: 'no-printer' };
    const job = render(target.printer.model);
    if (target.preview) target.preview(job.png());
    const outcome = await target.printer.print(job.bytes);
    if (outcome.ok) return { ok: true, reason: null };
    this.logger.warn({ counterId, printer: target.deviceId, ...outcome }, 'receipt not printed');
    return { ok: false, reason: outcome.reason };
  }

  async stop(): Promise<void> {
    await Promise.all(this.printers.map((p) => p.printer.stop()));
  }

  private find(counterId: string): CounterPrinter | undefined {
    return this.printers.find((p) => p.counterId === counterId);
  }
}
