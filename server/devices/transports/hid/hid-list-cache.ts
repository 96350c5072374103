import type { HidBackend, HidDeviceInfo } from './hid-backend.js';

/**
 * Shares one device listing among every link that asks within `maxAgeMs`. Each link polls on its own,
 * and a provincial centre has 60+ counters: without this, 60 keypads polling every second would walk
 * the hidraw devices 60 times a second. Keep `maxAgeMs` under the links' pollMs so a plug is still
 * seen within one poll. Opens are not shared.
 */
export function sharedHidListing(
  backend: HidBackend,
  maxAgeMs: number,
  // Elapsed real time, not the hall's clock: a test's frozen clock must not freeze hot-plug.
  now: () => number = () => performance.now(),
): HidBackend {
  let last: { at: number; result: Promise<readonly HidDeviceInfo[]> } | undefined;
  return {
    list() {
      const t = now();
      if (!last || t - last.at >= maxAgeMs || t < last.at) last = { at: t, result: backend.list() };
      return last.result;
    },
    open: (path) => backend.open(path),
  };
}
