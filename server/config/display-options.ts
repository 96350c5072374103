import { DEFAULT_DISPLAY_LAYOUT, type DisplayLayout } from '../../common/contract/screen-config.js';
import type { ConfigError } from './config-error.js';
import type { Entry } from './loose-view.js';
import { field, isRec } from './loose-view.js';

/**
 * A hall TV's layout lives in its device's `options` (one URL per TV, its own layout): the options
 * are a free-form record in the device schema, so their names and types are checked here, with a
 * path to the wrong one. Lists are comma-separated ids, as a clerk types them in YAML or a form.
 */
const KNOWN = ['callRows', 'counters', 'queues', 'showQueues', 'speaks'] as const;

export function displayOptionErrors(
  device: Entry,
  ids: { counters: ReadonlySet<string>; queues: ReadonlySet<string> },
): ConfigError[] {
  const options = field(device.rec, 'options');
  if (!isRec(options)) return [];
  const errors: ConfigError[] = [];
  const at = (key: string) => `${device.path}/options/${key}`;
  for (const [key, value] of Object.entries(options)) {
    if (!(KNOWN as readonly string[]).includes(key)) {
      errors.push({ path: at(key), message: `Unknown display option ${JSON.stringify(key)}; known: ${KNOWN.join(', ')}` });
    } else if (key === 'callRows') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 20)
        errors.push({ path: at(key), message: 'Expected a whole number of rows from 1 to 20' });
    } else if (key === 'showQueues' || key === 'speaks') {
      if (typeof value !== 'boolean') errors.push({ path: at(key), message: 'Expected true or false' });
    } else {
      const known = key === 'counters' ? ids.counters : ids.queues;
      const what = key === 'counters' ? 'counter' : 'queue';
      if (typeof value !== 'string') {
        errors.push({ path: at(key), message: `Expected ${what} ids separated by commas` });
        continue;
      }
      const list = idList(value);
      if (list.length === 0) errors.push({ path: at(key), message: `Expected at least one ${what} id` });
      for (const id of list) if (!known.has(id)) errors.push({ path: at(key), message: `Unknown ${what} ${JSON.stringify(id)}` });
    }
  }
  return errors;
}

/** The layout of a valid display device (checked by displayOptionErrors first). */
export function displayLayoutOf(options: Readonly<Record<string, string | number | boolean>> | undefined): DisplayLayout {
  const o = options ?? {};
  const ids = (v: unknown) => (typeof v === 'string' ? idList(v) : null);
  return {
    callRows: typeof o['callRows'] === 'number' ? o['callRows'] : DEFAULT_DISPLAY_LAYOUT.callRows,
    counterIds: ids(o['counters']),
    queueIds: ids(o['queues']),
    showQueues: typeof o['showQueues'] === 'boolean' ? o['showQueues'] : DEFAULT_DISPLAY_LAYOUT.showQueues,
    speaks: typeof o['speaks'] === 'boolean' ? o['speaks'] : DEFAULT_DISPLAY_LAYOUT.speaks,
  };
}

function idList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
