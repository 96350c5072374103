/**
 * What the hub needs from a HID library, and nothing more: list the devices present, open one by its
 * path, hear its input reports. node-hid is the real one (node-hid-backend.ts); tests use a fake
 * behind this same interface (tests/helpers/fake-hid.ts), since no USB HID device exists in CI.
 *
 * Generic on purpose: counter keypads read it today, survey pads will tomorrow. Meaning is put on the
 * report bytes by a codec (server/devices/codecs/hid/), never here.
 */

/** One HID interface (one top-level collection) as the OS lists it. */
export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  /** What open() takes: /dev/hidrawN on Linux (hidraw driver), an OS-specific id elsewhere. */
  readonly path: string;
  readonly serialNumber?: string;
  readonly manufacturer?: string;
  readonly product?: string;
  /** The collection's usage page and usage: 0x01/0x06 for a keyboard, 0xFF60/0x61 for QMK raw HID. */
  readonly usagePage?: number;
  readonly usage?: number;
  /** USB interface number; -1 when the OS does not say. */
  readonly interface: number;
}

export interface HidHandleEvents {
  /** One input report as read: on Linux, prefixed by its report id only when the device numbers its reports. */
  data: [report: Uint8Array];
  /** The read failed: usually the device was unplugged. The handle is dead after it. */
  error: [err: unknown];
}

export interface HidHandle {
  on<E extends keyof HidHandleEvents>(event: E, listener: (...args: HidHandleEvents[E]) => void): void;
  /** Releases the device. Must not reject, also on a handle whose device is gone. */
  close(): Promise<void>;
}

export interface HidBackend {
  /** Every HID interface present now. Rejects with HidUnavailableError when HID cannot be used at all. */
  list(): Promise<readonly HidDeviceInfo[]>;
  /** Opens one interface by the path list() gave; rejects when the OS refuses (permissions, gone). */
  open(path: string): Promise<HidHandle>;
}

/** The HID library cannot be used on this machine (no native binding, no libusb/libudev). */
export class HidUnavailableError extends Error {
  constructor(reason: string) {
    super(`HID unavailable: ${reason}`);
    this.name = 'HidUnavailableError';
  }
}

/** "1209:4d43 (/dev/hidraw3)": how a device is named in logs and health reports. */
export function describeHidDevice(d: Pick<HidDeviceInfo, 'vendorId' | 'productId' | 'path'>): string {
  return `${hex4(d.vendorId)}:${hex4(d.productId)} (${d.path})`;
}

export function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
