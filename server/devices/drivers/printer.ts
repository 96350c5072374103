import type { PrinterModel } from '../catalogue/printer-model-schema.js';

/**
 * What the hub's services ask of a ticket or receipt printer, whatever its link. The ticket is also
 * shown on screen (DESIGN §5), so a refusal is an ordinary answer, never an exception: the kiosk
 * says "the printer is out of paper, here is your number" and the hall goes on.
 */

export type PrintRefusal = 'offline' | 'paper-out' | 'cover-open' | 'error';

export type PrintOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: PrintRefusal; readonly detail: string };

export interface PrinterStatus {
  readonly online: boolean;
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
  readonly coverOpen: boolean;
  /** The printer reports a fault of its own (cutter jam, mechanism, head too hot). */
  readonly error: boolean;
  /**
   * True when these figures came from the printer (ESC/POS DLE EOT). False when the link cannot carry
   * a reply (usb-lp, sim): then only `online` means anything, judged by whether writes succeed.
   */
  readonly supported: boolean;
  /** Clock time (ms since the epoch) of the check. */
  readonly checkedAt: number;
  /** Why it is not online, for the health report and logs. */
  readonly detail?: string;
}

export interface Printer {
  /** The device link, e.g. tcp://10.0.0.9:9100. */
  readonly url: string;
  /** Its model: the renderer needs `dots`, and printJobOptions(model) the band height and cut. */
  readonly model: PrinterModel;
  /**
   * Sends one complete job (ESC @ … raster … feed, cut). Never throws, and answers within the
   * driver's print timeout; a refusal means nothing was sent, except for 'offline' after a write
   * that broke part-way.
   */
  print(job: Uint8Array): Promise<PrintOutcome>;
  /** Checks now (asks the printer where the link allows) and returns the result. Never throws. */
  status(): Promise<PrinterStatus>;
  /** The most recent status, without asking; undefined before the first check. */
  readonly lastStatus: PrinterStatus | undefined;
  /** Called whenever the status changes (online, paper, cover, error), not on every identical poll. */
  on(event: 'status', listener: (status: PrinterStatus) => void): () => void;
  /** Opens the link and starts the periodic status check, if any. */
  start(): Promise<void>;
  /** Stops the checks and closes the link. */
  stop(): Promise<void>;
}
