import { withTimeout } from '../deadline.js';
import { Emitter } from '../emitter.js';
import { reasonOf, type DeviceLogger, type LinkState } from '../transport.js';
import { describeHidDevice, type HidBackend, type HidDeviceInfo, type HidHandle } from './hid-backend.js';
import { describeHidMatch, matchesHid, parseHidLink, type HidMatch } from './hid-match.js';

export interface HidLinkEvents {
  /** One input report of the device, as read. */
  report: [bytes: Uint8Array];
  up: [device: HidDeviceInfo];
  /** Unplugged, not plugged in, cannot be opened, or HID unavailable; `reason` is for logs and health. */
  down: [reason: string];
}

export interface HidLinkTiming {
  /** How often the device list is read: how soon a plug or a silent unplug is noticed. */
  readonly pollMs: number;
  /** After a failed open, the first retry delay; doubles up to retryMaxMs. */
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /** One open: a device that never answers must not hold the link. */
  readonly openTimeoutMs: number;
}

export interface HidLinkOptions {
  /** hid://VID:PID[/SERIAL][?serial=…&usagePage=…&usage=…&interface=…] */
  readonly url: string;
  readonly backend: HidBackend;
  readonly timing?: Partial<HidLinkTiming>;
  readonly logger?: DeviceLogger;
  /** The interface to open, when the caller has refined the link's (e.g. with a model's usage page). */
  readonly match?: HidMatch;
}

export const DEFAULT_HID_TIMING: HidLinkTiming = { pollMs: 1_000, retryMinMs: 500, retryMaxMs: 10_000, openTimeoutMs: 5_000 };

/**
 * One HID device by link (hid://VID:PID?…), kept open while it is plugged in: reports in, state
 * up/down/connecting out. The device list is polled rather than watched (no udev monitor in node-hid):
 * a keypad plugged in after the hub started, unplugged, or plugged into another port (a new
 * /dev/hidrawN) is picked up within pollMs, with no restart. A device that is present but refuses to
 * open (udev rule missing, another program holds it) is retried with backoff.
 *
 * Like the byte transports, 'up'/'down' fire on changes only, so a keypad left unplugged logs once.
 * Generic: keypads and survey pads put their own meaning on the reports.
 */
export class HidLink {
  readonly match: HidMatch;
  private readonly events: Emitter<HidLinkEvents>;
  private current: LinkState = 'down';
  private error: string | undefined = 'not opened yet';
  private announced: 'up' | 'down' | undefined;
  private opened = false;
  private closed = false;
  private running = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private handle: HidHandle | undefined;
  private openDevice: HidDeviceInfo | undefined;
  // Bumped whenever a handle is given up, so a late report or error of a dead handle is ignored.
  private generation = 0;

  readonly url: string;
  private readonly backend: HidBackend;
  private readonly timing: HidLinkTiming;

  /** Throws TransportUrlError for a link that is not a valid hid:// link. */
  constructor(opts: HidLinkOptions) {
    this.url = opts.url;
    this.backend = opts.backend;
    this.timing = { ...DEFAULT_HID_TIMING, ...opts.timing };
    this.match = opts.match ?? parseHidLink(opts.url);
    this.events = new Emitter<HidLinkEvents>(opts.logger);
  }

  get state(): LinkState {
    return this.current;
  }

  /** Why the link is (or last went) down; undefined while up. */
  get lastError(): string | undefined {
    return this.error;
  }

  /** The device open now, if any. */
  get device(): HidDeviceInfo | undefined {
    return this.openDevice;
  }

  on<E extends keyof HidLinkEvents>(event: E, listener: (...args: HidLinkEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Starts watching and waits for the first look. Never rejects because the device is absent. */
  async open(): Promise<void> {
    if (this.closed) throw new Error(`${this.url}: the link was closed and cannot be opened again`);
    if (this.opened) return;
    this.opened = true;
    await this.tick();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.generation++;
    const handle = this.handle;
    this.handle = undefined;
    this.openDevice = undefined;
    this.current = 'down';
    this.error = 'closed';
    await handle?.close();
    this.announce('down', 'closed');
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.closed) return;
    this.running = true;
    let next: number;
    try {
      next = await this.step();
    } catch (e) {
      next = this.timing.pollMs;
      this.down(reasonOf(e));
    } finally {
      this.running = false;
    }
    if (!this.closed) this.schedule(next);
  }

  /** One look at the device list; answers how long to wait before the next. */
  private async step(): Promise<number> {
    let devices: readonly HidDeviceInfo[];
    try {
      devices = await this.backend.list();
    } catch (e) {
      // A list that fails while the handle is up says nothing about the device: the handle's own
      // error will tell if it is gone.
      if (this.current !== 'up') this.down(reasonOf(e));
      return this.timing.pollMs;
    }
    if (this.closed) return this.timing.pollMs;
    const found = devices.filter((d) => matchesHid(this.match, d));
    const paths = [...new Set(found.map((d) => d.path))];
    if (this.current === 'up') {
      // Checked here too: an unplugged hidraw handle does not always fail its pending read.
      if (!paths.includes(this.openDevice?.path ?? '')) this.lost(`${describeHidMatch(this.match)} was unplugged`);
      return this.current === 'up' ? this.timing.pollMs : this.backoff();
    }
    if (paths.length === 0) {
      this.down(`no HID device ${describeHidMatch(this.match)} is plugged in`);
      return this.timing.pollMs;
    }
    if (paths.length > 1) {
      // Two pads answering one link would act twice for one counter: refuse rather than guess.
      this.down(
        `${paths.length} HID devices match ${describeHidMatch(this.match)} (${paths.join(', ')}); add ?serial=, ?interface= or ?usagePage= to the link`,
      );
      return this.timing.pollMs;
    }
    const device = found[0] as HidDeviceInfo;
    return this.connect(device);
  }

  private async connect(device: HidDeviceInfo): Promise<number> {
    this.current = 'connecting';
    const generation = ++this.generation;
    const opening = this.backend.open(device.path);
    let handle: HidHandle;
    try {
      handle = await withTimeout(opening, this.timing.openTimeoutMs, `no answer within ${this.timing.openTimeoutMs} ms`);
    } catch (e) {
      // An open that answers after the timeout must not leak its handle.
      opening.then(
        (h) => h.close(),
        () => undefined,
      );
      this.failures++;
      this.down(`cannot open ${describeHidDevice(device)}: ${reasonOf(e)}`);
      return this.backoff();
    }
    if (this.closed || generation !== this.generation) {
      await handle.close();
      return this.timing.pollMs;
    }
    handle.on('data', (bytes) => {
      if (generation === this.generation && this.current === 'up') this.events.emit('report', bytes);
    });
    handle.on('error', (err) => {
      if (generation === this.generation) this.lost(`${describeHidDevice(device)}: ${reasonOf(err)}`);
    });
    this.handle = handle;
    this.openDevice = device;
    this.failures = 0;
    this.current = 'up';
    this.error = undefined;
    this.announce('up', '', device);
    return this.timing.pollMs;
  }

  /** The open handle died (read error, unplug). Repeated calls are harmless. */
  private lost(reason: string): void {
    if (this.closed || this.current !== 'up') return;
    this.generation++;
    const handle = this.handle;
    this.handle = undefined;
    this.openDevice = undefined;
    void handle?.close();
    this.failures++;
    this.down(reason);
    // Between looks, come back at the backoff's pace; a look in progress schedules the next itself.
    if (!this.running) this.schedule(this.backoff());
  }

  private down(reason: string): void {
    this.current = 'down';
    this.error = reason;
    this.announce('down', reason);
  }

  private backoff(): number {
    return Math.min(this.timing.retryMaxMs, this.timing.retryMinMs * 2 ** Math.min(Math.max(this.failures - 1, 0), 20));
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    // The hub's server keeps the process alive; a poll timer alone must not (tests, shutdown).
    this.timer.unref();
  }

  private announce(state: 'up' | 'down', reason: string, device?: HidDeviceInfo): void {
    if (this.announced === state) return;
    this.announced = state;
    if (state === 'up' && device) this.events.emit('up', device);
    else this.events.emit('down', reason);
  }
}
