import type * as NodeHid from 'node-hid';
import { withTimeout } from '../deadline.js';
import { reasonOf } from '../transport.js';
import { HidUnavailableError, type HidBackend, type HidDeviceInfo, type HidHandle } from './hid-backend.js';

type NodeHidModule = typeof NodeHid;

export interface NodeHidBackendOptions {
  /** How node-hid is loaded; tests give one that fails, as it does on a machine without libusb. */
  readonly load?: () => Promise<NodeHidModule>;
  readonly platform?: NodeJS.Platform;
}

/**
 * The real HID backend, through node-hid 3 (hidapi). Loaded on first use, not at import: its native
 * binding needs libudev and libusb-1.0 at load time, and a hall whose mini-PC lacks them must still
 * start and serve every screen, with the keypads reported "HID unavailable: …" in /api/health.
 * A failed load is kept, not retried on every poll: installing the library needs a hub restart.
 *
 * Driver: on Linux node-hid 3 picks between two prebuilt bindings when it first loads: HID_hidraw
 * (hidapi over /dev/hidrawN, the default when no driver type is set or 'hidraw' is) and HID (hidapi
 * over libusb, chosen by setDriverType('libusb')). We ask for hidraw explicitly: the kernel keeps its
 * own driver bound (a numpad stays a keyboard for the desktop), and access is granted per device with
 * a udev rule on SUBSYSTEM=="hidraw" (firmware-configs/keypads/README.md). setDriverType only takes
 * effect before the binding is loaded, which is why nothing else in the hub may touch node-hid first.
 *
 * HIDAsync reads on node-hid's own thread per device, so a keypad never holds one of libuv's four
 * pool threads the way a blocking read would.
 */
export function nodeHidBackend(opts: NodeHidBackendOptions = {}): HidBackend {
  const platform = opts.platform ?? process.platform;
  let ready: Promise<NodeHidModule> | undefined;
  const hid = (): Promise<NodeHidModule> => (ready ??= loadOnce(opts.load ?? importNodeHid, platform));
  return {
    async list() {
      const mod = await hid();
      const all = await mod.devicesAsync();
      return all.flatMap((d) => (d.path ? [toInfo(d, d.path)] : []));
    },
    async open(path) {
      const mod = await hid();
      return wrap(await mod.HIDAsync.open(path));
    },
  };
}

async function importNodeHid(): Promise<NodeHidModule> {
  // node-hid is CommonJS: its exports arrive as `default`, and usually as named exports too.
  const mod = (await import('node-hid')) as NodeHidModule & { default?: NodeHidModule };
  return mod.default ?? mod;
}

async function loadOnce(load: () => Promise<NodeHidModule>, platform: NodeJS.Platform): Promise<NodeHidModule> {
  try {
    const mod = await load();
    if (platform === 'linux') mod.setDriverType('hidraw');
    // node-hid loads its native binding lazily too; asking its version makes a missing library fail here.
    mod.getHidapiVersion();
    return mod;
  } catch (e) {
    throw new HidUnavailableError(reasonOf(e));
  }
}

function toInfo(d: NodeHid.Device, path: string): HidDeviceInfo {
  return {
    vendorId: d.vendorId,
    productId: d.productId,
    path,
    interface: d.interface,
    ...(d.serialNumber ? { serialNumber: d.serialNumber } : {}),
    ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
    ...(d.product ? { product: d.product } : {}),
    ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}),
    ...(d.usage !== undefined ? { usage: d.usage } : {}),
  };
}

function wrap(device: NodeHid.HIDAsync): HidHandle {
  return {
    on(event, listener) {
      device.on(event, listener as (...args: unknown[]) => void);
    },
    async close() {
      // Closing joins node-hid's read thread; a device that vanished mid-read must not hold the link's teardown.
      await withTimeout(device.close(), 2_000, 'close').catch(() => undefined);
    },
  };
}
