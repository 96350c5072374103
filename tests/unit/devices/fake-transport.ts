import { Emitter } from '../../../server/devices/transports/emitter.js';
import { LinkError, type LinkState, type Transport, type TransportEvents } from '../../../server/devices/transports/transport.js';

/**
 * An in-memory link for driver unit tests: records every write, lets the test pull and restore the
 * "cable" (down/up events as a ReconnectingLink emits them: on changes only), and play a device that
 * answers each write through `reply`.
 */
export class FakeTransport implements Transport {
  readonly duplex = true;
  readonly writes: Uint8Array[] = [];
  /** What the device answers to one write (nothing by default). Called after the write resolves. */
  reply: (bytes: Uint8Array) => Uint8Array | Uint8Array[] | undefined = () => undefined;
  private current: LinkState = 'down';
  private error: string | undefined = 'not opened yet';
  private readonly events = new Emitter<TransportEvents>();

  constructor(
    readonly url = 'serial:///dev/ttyFAKE0',
    private readonly present = true,
  ) {}

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
    if (this.present) this.up();
    else this.down('ENOENT: no such device');
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.current !== 'up') throw new LinkError(this.url, `link is ${this.current}`);
    this.writes.push(bytes);
    const answer = this.reply(bytes);
    if (answer) {
      const chunks = Array.isArray(answer) ? answer : [answer];
      // As a serial port delivers it: later, in its own event.
      setImmediate(() => chunks.forEach((c) => this.events.emit('data', c)));
    }
  }

  async close(): Promise<void> {
    this.down('closed');
  }

  /** Bytes arriving from the device unasked. */
  receive(bytes: Uint8Array): void {
    this.events.emit('data', bytes);
  }

  up(): void {
    if (this.current === 'up') return;
    this.current = 'up';
    this.error = undefined;
    this.events.emit('up');
  }

  down(reason = 'device disconnected'): void {
    if (this.current === 'down') return;
    this.current = 'down';
    this.error = reason;
    this.events.emit('down', reason);
  }
}

/** A logger that keeps what it is told. */
export function recordingLogger() {
  const lines: { level: 'warn' | 'info' | 'error'; obj: object; msg: string | undefined }[] = [];
  return {
    lines,
    warn: (obj: object, msg?: string) => void lines.push({ level: 'warn', obj, msg }),
    info: (obj: object, msg?: string) => void lines.push({ level: 'info', obj, msg }),
    error: (obj: object, msg?: string) => void lines.push({ level: 'error', obj, msg }),
  };
}

export const bytes = (hexText: string): Uint8Array => Uint8Array.from(hexText.trim().split(/\s+/), (h) => parseInt(h, 16));
