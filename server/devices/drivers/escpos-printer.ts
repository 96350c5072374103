import type { Clock } from '../../core/ports.js';
import type { PrinterModel } from '../catalogue/printer-model-schema.js';
import { combineStatus, type StatusKind } from '../codecs/escpos/status.js';
import { withTimeout } from '../transports/deadline.js';
import { Emitter } from '../transports/emitter.js';
import { LinkError, reasonOf, type DeviceLogger, type Transport } from '../transports/transport.js';
import type { Printer, PrinterStatus, PrintOutcome } from './printer.js';
import { describeFault, NO_FAULT, refuse, refusalOf, sameStatus } from './printer-status.js';
import { askStatus } from './status-query.js';

export interface EscposPrinterOptions {
  readonly transport: Transport;
  readonly model: PrinterModel;
  readonly clock: Clock;
  /** Wait for one DLE EOT reply. A LAN or serial printer answers in milliseconds. */
  readonly statusTimeoutMs?: number;
  /** How long print() waits for a link that is reconnecting before refusing as offline. */
  readonly linkWaitMs?: number;
  /** The bound on one whole print() (status, then the write): it never hangs past this. */
  readonly printTimeoutMs?: number;
  /** Check status this often (0: only around jobs), so a kiosk shows "out of paper" before anyone taps. */
  readonly pollMs?: number;
  readonly logger?: DeviceLogger;
}

// DLE EOT 1 (printer), 2 (offline cause: cover, paper end, error), 4 (paper sensors: near end, end).
const STATUS_KINDS: readonly StatusKind[] = [1, 2, 4];

/**
 * An ESC/POS thermal printer on any transport (DESIGN §8). Where the model says the link returns
 * status, the printer is asked before every job: a printer out of paper or with its cover open
 * otherwise takes the job into its buffer without complaint and prints it minutes later, for whoever
 * stands at the kiosk then, while the citizen it was for has been told nothing. Asking first lets the
 * kiosk refuse at once and show the number on screen instead.
 *
 * Jobs and status requests go one at a time: a DLE EOT sent while a raster is still being written
 * would land inside the image data, and a reply could not be matched to its request.
 */
export class EscposPrinter implements Printer {
  readonly url: string;
  readonly model: PrinterModel;
  /** Whether status comes from the printer; otherwise from write success only. */
  readonly statusSupported: boolean;
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly statusTimeoutMs: number;
  private readonly linkWaitMs: number;
  private readonly printTimeoutMs: number;
  private readonly pollMs: number;
  private readonly events: Emitter<{ status: [PrinterStatus] }>;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private last: PrinterStatus | undefined;
  private lastWriteError: string | undefined;
  private poll: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void)[] = [];

  constructor(options: EscposPrinterOptions) {
    this.transport = options.transport;
    this.url = options.transport.url;
    this.model = options.model;
    this.clock = options.clock;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1_500;
    this.linkWaitMs = options.linkWaitMs ?? 2_000;
    this.printTimeoutMs = options.printTimeoutMs ?? 30_000;
    this.pollMs = options.pollMs ?? 0;
    this.events = new Emitter(options.logger);
    const kind = this.url.slice(0, this.url.indexOf('://')) as keyof PrinterModel['links'];
    this.statusSupported = this.transport.duplex && this.model.links[kind]?.status === true;
  }

  get lastStatus(): PrinterStatus | undefined {
    return this.last;
  }

  on(event: 'status', listener: (status: PrinterStatus) => void): () => void {
    return this.events.on(event, listener);
  }

  async start(): Promise<void> {
    this.unsubscribe.push(
      this.transport.on('up', () => {
        this.lastWriteError = undefined;
        void this.status();
      }),
      this.transport.on('down', (reason) => this.publish(this.offline(`link down: ${reason}`))),
    );
    await this.transport.open();
    await this.status();
    if (this.pollMs > 0) {
      // A poll never queues behind a job or another poll: the next tick will do.
      this.poll = setInterval(() => this.pending === 0 && void this.status(), this.pollMs);
      this.poll.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.poll);
    for (const off of this.unsubscribe.splice(0)) off();
    await this.transport.close();
  }

  print(job: Uint8Array): Promise<PrintOutcome> {
    const run = this.exclusive(() => this.printNow(job));
    return withTimeout(run, this.printTimeoutMs, `the print did not finish within ${this.printTimeoutMs} ms`).catch(
      (e: unknown): PrintOutcome => ({ ok: false, reason: e instanceof LinkError ? 'offline' : 'error', detail: reasonOf(e) }),
    );
  }

  status(): Promise<PrinterStatus> {
    return this.exclusive(() => this.checkNow()).catch((e: unknown) => this.publish(this.offline(reasonOf(e))));
  }

  private async printNow(job: Uint8Array): Promise<PrintOutcome> {
    if (!(await this.waitForLink())) {
      return refuse('offline', this.publish(this.offline(this.linkDetail())).detail);
    }
    if (this.statusSupported) {
      const status = await this.checkNow();
      const refusal = refusalOf(status);
      if (refusal) return refusal;
    }
    try {
      await this.transport.write(job);
      this.lastWriteError = undefined;
      return { ok: true };
    } catch (e) {
      this.lastWriteError = reasonOf(e);
      return refuse(e instanceof LinkError ? 'offline' : 'error', this.lastWriteError);
    } finally {
      if (!this.statusSupported) this.publish(this.fromWrites());
    }
  }

  private async checkNow(): Promise<PrinterStatus> {
    if (!this.statusSupported) return this.publish(this.fromWrites());
    if (this.transport.state !== 'up') {
      return this.publish(this.offline(this.linkDetail()));
    }
    const replies: Partial<Record<StatusKind, number>> = {};
    try {
      for (const kind of STATUS_KINDS) replies[kind] = await askStatus(this.transport, kind, this.statusTimeoutMs);
    } catch (e) {
      return this.publish(this.offline(reasonOf(e)));
    }
    const s = combineStatus(replies);
    const status: PrinterStatus = {
      online: s.online === true,
      paperOut: s.paperOut === true,
      paperNearEnd: s.paperNearEnd === true,
      coverOpen: s.coverOpen === true,
      error: s.error === true,
      supported: true,
      checkedAt: this.clock.now(),
    };
    return this.publish(status.online ? status : { ...status, detail: describeFault(status) });
  }

  /** True once the link is up, false if it is not within linkWaitMs (a reconnect in progress may finish). */
  private async waitForLink(): Promise<boolean> {
    if (this.transport.state === 'up') return true;
    let off = (): void => undefined;
    const up = new Promise<boolean>((resolve) => (off = this.transport.on('up', () => resolve(true))));
    return withTimeout(up, this.linkWaitMs, 'link wait')
      .catch(() => false)
      .finally(() => off());
  }

  /** Without status replies, a printer is online while its link is up and the last write went through. */
  private fromWrites(): PrinterStatus {
    if (this.transport.state !== 'up') return this.offline(this.linkDetail());
    if (this.lastWriteError !== undefined) return this.offline(this.lastWriteError);
    return { ...NO_FAULT, online: true, supported: false, checkedAt: this.clock.now() };
  }

  private offline(detail: string): PrinterStatus {
    return { ...NO_FAULT, online: false, supported: this.statusSupported, checkedAt: this.clock.now(), detail };
  }

  private linkDetail(): string {
    return `link ${this.transport.state}: ${this.transport.lastError ?? 'no reason known'}`;
  }

  /** Records the latest status and tells listeners when anything but the time of the check changed. */
  private publish(status: PrinterStatus): PrinterStatus {
    const before = this.last;
    this.last = status;
    if (!before || !sameStatus(before, status)) this.events.emit('status', status);
    return status;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.queue.then(fn, fn).finally(() => this.pending--);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
