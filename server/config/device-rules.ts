import type { ConfigError } from './config-error.js';
import { checkDeviceLink } from './device-link.js';
import { displayOptionErrors } from './display-options.js';
import { KINDS_NEEDING_COUNTER, KINDS_NEEDING_KEY, type DeviceKind } from './device-schema.js';
import { str, type Entry } from './loose-view.js';
import { unique } from './unique-values.js';

/**
 * Rules over the device list (DESIGN §8: "two devices on one port, pad bound to no counter").
 * Keys are secrets, so no message quotes one.
 */
export function deviceRules(
  devices: readonly Entry[],
  counterIds: ReadonlySet<string>,
  queueIds: ReadonlySet<string>,
): ConfigError[] {
  const errors: ConfigError[] = [];
  unique(errors, devices, 'id', 'device id');
  // Two screens with one key could not be told apart: the hub would give both the same role and rooms.
  unique(errors, devices, 'key', 'device key', false);

  const byLink = new Map<string, { path: string; id: string }>();
  for (const d of devices) {
    const id = str(d.rec, 'id') ?? '';
    const kind = str(d.rec, 'kind') as DeviceKind | undefined;
    if (kind !== undefined && KINDS_NEEDING_KEY.has(kind) && str(d.rec, 'key') === undefined) {
      errors.push({ path: `${d.path}/key`, message: `A ${kind} device needs a key to connect with` });
    }
    if (kind === 'display') errors.push(...displayOptionErrors(d, { counters: counterIds, queues: queueIds }));
    const counterId = str(d.rec, 'counterId');
    if (counterId === undefined) {
      if (kind !== undefined && KINDS_NEEDING_COUNTER.has(kind)) {
        errors.push({ path: `${d.path}/counterId`, message: `A ${kind} device must be bound to a counter (counterId)` });
      }
    } else if (!counterIds.has(counterId)) {
      errors.push({ path: `${d.path}/counterId`, message: `Unknown counter ${JSON.stringify(counterId)}` });
    }

    if (kind === 'printer') {
      // A printer serves one kiosk (tickets) or one counter (dossier receipts), never both.
      const opts = d.rec['options'] as Record<string, unknown> | undefined;
      const kiosk = typeof opts?.['kioskId'] === 'string' ? opts['kioskId'] : undefined;
      const counter = typeof opts?.['counterId'] === 'string' ? opts['counterId'] : undefined;
      if (kiosk !== undefined && counter !== undefined)
        errors.push({
          path: `${d.path}/options`,
          message: 'A printer serves one kiosk (kioskId) or one counter (counterId), not both',
        });
      if (counter !== undefined && !counterIds.has(counter))
        errors.push({ path: `${d.path}/options/counterId`, message: `Unknown counter ${JSON.stringify(counter)}` });
    }

    const link = str(d.rec, 'link');
    if (link === undefined) continue;
    const path = `${d.path}/link`;
    const check = checkDeviceLink(link);
    if (!check.ok) {
      errors.push({ path, message: check.message });
      continue;
    }
    // The query holds transport options (baud, timeouts): the same port with other options is still one port.
    const other = byLink.get(check.identity);
    if (other)
      errors.push({
        path,
        message: `Device ${JSON.stringify(id)} uses the same link as device ${JSON.stringify(other.id)} (${other.path})`,
      });
    else byLink.set(check.identity, { path, id });
  }
  return errors;
}
