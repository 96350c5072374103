import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Emitter } from './emitter.js';
import { LinkError, reasonOf, type DeviceLogger, type LinkState, type Transport, type TransportEvents } from './transport.js';

/** One job a simulated device received, already saved as `binPath`. */
export interface SimJob {
  /** The name in sim://name. */
  readonly device: string;
  /** 1, 2, 3… across restarts of the hub (numbering continues after the files already there). */
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly binPath: string;
  /** Where a picture of the job belongs, beside the .bin: what the hook is expected to write. */
  readonly pngPath: string;
}

/**
 * Called after each job is saved, e.g. to render the ESC/POS raster to a PNG for the demo and for
 * people checking a ticket's layout without a printer. Its failure is logged, never fails the job.
 */
export type SimJobHook = (job: SimJob) => void | Promise<void>;

/**
 * A simulated device for the demo office and tests: each write is one job, saved as
 * `<dataDir>/devices/<name>/NNNN.bin`. Always up once opened, never answers (duplex: false), so a
 * printer driver on it judges status by writes, like on usb-lp.
 */
export class SimTransport implements Transport {
  readonly duplex = false;
  private current: LinkState = 'down';
  private error: string | undefined = 'not opened yet';
  private seq = 0;
  private readonly events: Emitter<TransportEvents>;
  readonly dir: string;

  constructor(
    readonly url: string,
    readonly name: string,
    dataDir: string,
    private readonly hook?: SimJobHook,
    private readonly logger?: DeviceLogger,
  ) {
    this.dir = join(dataDir, 'devices', name);
    this.events = new Emitter<TransportEvents>(logger);
  }

  get state(): LinkState {
    return this.current;
  }

  get lastError(): string | undefined {
    return this.error;
  }

  on<E extends keyof TransportEvents>(event: E, listener: (...args: TransportEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  async open(): Promise<void> {
    if (this.current === 'up') return;
    try {
      await mkdir(this.dir, { recursive: true });
      const numbers = (await readdir(this.dir)).map((f) => /^(\d+)\.bin$/.exec(f)?.[1]).filter((n) => n !== undefined);
      this.seq = Math.max(0, ...numbers.map(Number));
    } catch (e) {
      // A data folder that cannot be written is this device's "printer is off".
      this.error = reasonOf(e);
      this.events.emit('down', this.error);
      return;
    }
    this.current = 'up';
    this.error = undefined;
    this.events.emit('up');
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.current !== 'up') throw new LinkError(this.url, `link is down (${this.error ?? 'not opened'})`);
    // Numbered before the first await, so two jobs written at once never share a file.
    const seq = ++this.seq;
    const base = join(this.dir, String(seq).padStart(4, '0'));
    const binPath = `${base}.bin`;
    try {
      // Written whole then renamed: anyone watching the folder never sees half a job.
      await writeFile(`${binPath}.tmp`, bytes);
      await rename(`${binPath}.tmp`, binPath);
    } catch (e) {
      throw new LinkError(this.url, reasonOf(e));
    }
    if (!this.hook) return;
    try {
      await this.hook({ device: this.name, seq, bytes, binPath, pngPath: `${base}.png` });
    } catch (e) {
      this.logger?.warn({ err: e, device: this.url, binPath }, 'sim device hook failed; the job itself was saved');
    }
  }

  async close(): Promise<void> {
    if (this.current === 'down') return;
    this.current = 'down';
    this.error = 'closed';
    this.events.emit('down', 'closed');
  }
}
