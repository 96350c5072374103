import { withTimeout } from './deadline.js';
import { Emitter } from './emitter.js';
import {
  LinkError,
  reasonOf,
  type DeviceLogger,
  type LinkState,
  type LinkTiming,
  type Transport,
  type TransportEvents,
} from './transport.js';

/**
 * What tcp, serial and usb-lp share: open, notice the loss, retry with backoff, come back. A subclass
 * only knows how to open its handle, write to it and close it, and calls `lost()` when the handle dies.
 *
 * States: 'connecting' during one attempt, 'up' once the handle is open, 'down' while waiting for the
 * next attempt. 'up'/'down' events fire on changes only, not on every failed retry, so a printer left
 * switched off over a weekend logs one line, not thousands.
 */
export abstract class ReconnectingLink implements Transport {
  abstract readonly duplex: boolean;
  protected readonly events: Emitter<TransportEvents>;
  private current: LinkState = 'down';
  private error: string | undefined = 'not opened yet';
  private announced: 'up' | 'down' | undefined;
  private opened = false;
  private closed = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  // Closing the old handle finishes before the next attempt opens a new one: a serial port is
  // exclusive, and a printer on port 9100 often takes one connection at a time.
  private teardown: Promise<void> = Promise.resolve();

  constructor(
    readonly url: string,
    protected readonly timing: LinkTiming,
    logger?: DeviceLogger,
  ) {
    this.events = new Emitter<TransportEvents>(logger);
  }

  /** Opens the device handle; rejects when it cannot. Called again after every loss. */
  protected abstract connect(): Promise<void>;
  /** Releases the current handle, if any. Must not reject. */
  protected abstract disconnect(): Promise<void>;
  /** Hands the bytes to the open handle. */
  protected abstract send(bytes: Uint8Array): Promise<void>;

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
    if (this.closed) throw new LinkError(this.url, 'the link was closed and cannot be opened again');
    if (this.opened) return;
    this.opened = true;
    await this.attempt();
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.current !== 'up') throw new LinkError(this.url, `link is ${this.current} (${this.error ?? 'no reason known'})`);
    try {
      await withTimeout(
        this.send(bytes),
        this.timing.writeTimeoutMs,
        `write of ${bytes.length} bytes timed out after ${this.timing.writeTimeoutMs} ms`,
      );
    } catch (e) {
      const reason = reasonOf(e);
      // A write that failed or stalled leaves the handle in an unknown state: start over with a fresh one.
      this.lost(reason);
      throw new LinkError(this.url, reason);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.current = 'down';
    this.error = 'closed';
    await this.teardown;
    await this.disconnect();
    this.announce('down', 'closed');
  }

  /** Subclasses call this when the open handle errors or closes. Repeated calls are harmless. */
  protected lost(reason: string): void {
    if (this.closed || !this.opened || this.current === 'down') return;
    this.current = 'down';
    this.error = reason;
    this.teardown = this.disconnect().catch(() => undefined);
    this.announce('down', reason);
    const delay = Math.min(this.timing.retryMaxMs, this.timing.retryMinMs * 2 ** Math.min(this.failures, 20));
    this.failures++;
    this.retryTimer = setTimeout(() => void this.attempt(), delay);
    // The hub's server keeps the process alive; a retry timer alone must not (tests, shutdown).
    this.retryTimer.unref();
  }

  private async attempt(): Promise<void> {
    this.retryTimer = undefined;
    if (this.closed) return;
    await this.teardown;
    this.current = 'connecting';
    try {
      await withTimeout(this.connect(), this.timing.connectTimeoutMs, `no connection within ${this.timing.connectTimeoutMs} ms`);
    } catch (e) {
      this.lost(reasonOf(e));
      return;
    }
    if (this.closed) {
      await this.disconnect();
      return;
    }
    // The handle may have died between opening and here (lost() was called while 'connecting').
    if (this.current !== 'connecting') return;
    this.failures = 0;
    this.current = 'up';
    this.error = undefined;
    this.announce('up');
  }

  private announce(state: 'up' | 'down', reason = ''): void {
    if (this.announced === state) return;
    this.announced = state;
    if (state === 'up') this.events.emit('up');
    else this.events.emit('down', reason);
  }
}
