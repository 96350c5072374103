import {
  HidUnavailableError,
  type HidBackend,
  type HidDeviceInfo,
  type HidHandle,
  type HidHandleEvents,
} from '../../server/devices/transports/hid/hid-backend.js';

/** What a fake device is, as plugged: the rest of HidDeviceInfo is made up. */
export interface FakeHidSpec {
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber?: string;
  readonly product?: string;
  readonly usagePage?: number;
  readonly usage?: number;
  readonly interface?: number;
}

/**
 * A HID backend with devices a test plugs, unplugs, and presses, behind the same interface as
 * node-hid's (no USB HID device exists here). Like hidraw, each plug gets a fresh /dev/hidrawN, a
 * handle of an unplugged device fails its read with an 'error' (unless unplugged `silently`, as a hub
 * sometimes sees it), and opening a path that is gone fails.
 */
export class FakeHid implements HidBackend {
  private readonly plugged = new Map<string, FakeHidDevice>();
  private nextNode = 0;
  /** When set, list() and open() fail as node-hid does without its native library. */
  unavailable: string | undefined;
  listCalls = 0;
  openCalls = 0;

  plug(spec: FakeHidSpec): FakeHidDevice {
    const path = `/dev/hidraw${this.nextNode++}`;
    const device = new FakeHidDevice(this, spec, path);
    this.plugged.set(path, device);
    return device;
  }

  /** @internal used by FakeHidDevice.unplug */
  remove(path: string): void {
    this.plugged.delete(path);
  }

  async list(): Promise<readonly HidDeviceInfo[]> {
    this.listCalls++;
    if (this.unavailable) throw new HidUnavailableError(this.unavailable);
    return [...this.plugged.values()].map((d) => d.info);
  }

  async open(path: string): Promise<HidHandle> {
    this.openCalls++;
    if (this.unavailable) throw new HidUnavailableError(this.unavailable);
    const device = this.plugged.get(path);
    if (!device) throw new Error(`cannot open device with path ${path}`);
    return device.attach();
  }
}

export class FakeHidDevice {
  readonly info: HidDeviceInfo;
  private readonly handles = new Set<FakeHidHandle>();
  private failures: { count: number; reason: string } = { count: 0, reason: '' };
  private gone = false;

  constructor(
    private readonly backend: FakeHid,
    readonly spec: FakeHidSpec,
    readonly path: string,
  ) {
    this.info = { interface: -1, ...spec, path };
  }

  /** Handles open on this device now. */
  get openHandles(): number {
    return this.handles.size;
  }

  /** The next `count` opens fail with `reason` (as with a missing udev rule). */
  failNextOpens(count: number, reason = `cannot open device with path ${this.path}`): void {
    this.failures = { count, reason };
  }

  /** Sends one input report to every open handle; answers how many heard it. */
  send(report: readonly number[] | Uint8Array): number {
    if (this.gone) return 0;
    const bytes = Uint8Array.from(report);
    for (const h of this.handles) h.emit('data', bytes);
    return this.handles.size;
  }

  /** Pulls the cable. Open handles fail their read, unless `silently`: then only the list shows it. */
  unplug(opts: { silently?: boolean } = {}): void {
    this.gone = true;
    this.backend.remove(this.path);
    const handles = [...this.handles];
    this.handles.clear();
    if (!opts.silently) for (const h of handles) h.emit('error', new Error('could not read from HID device'));
  }

  /** Plugs the same device in again: a new FakeHidDevice on a new /dev/hidrawN. */
  replug(): FakeHidDevice {
    if (!this.gone) this.unplug();
    return this.backend.plug(this.spec);
  }

  /** @internal used by FakeHid.open */
  attach(): FakeHidHandle {
    if (this.failures.count > 0) {
      this.failures = { ...this.failures, count: this.failures.count - 1 };
      throw new Error(this.failures.reason);
    }
    const handle = new FakeHidHandle(() => this.handles.delete(handle));
    this.handles.add(handle);
    return handle;
  }
}

class FakeHidHandle implements HidHandle {
  private readonly listeners: { [E in keyof HidHandleEvents]: ((...args: HidHandleEvents[E]) => void)[] } = {
    data: [],
    error: [],
  };

  constructor(private readonly detach: () => void) {}

  on<E extends keyof HidHandleEvents>(event: E, listener: (...args: HidHandleEvents[E]) => void): void {
    this.listeners[event].push(listener);
  }

  emit<E extends keyof HidHandleEvents>(event: E, ...args: HidHandleEvents[E]): void {
    for (const l of this.listeners[event]) l(...args);
  }

  async close(): Promise<void> {
    this.detach();
  }
}
