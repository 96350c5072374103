import type { ConfigError } from './config-error.js';
import type { Entry } from './loose-view.js';

/**
 * Reports every repeat of `key` at the repeat, naming where the value was first used, so the clerk
 * fixes the copy and not the original. With `show` false the value stays out of the message (device
 * keys are secrets).
 */
export function unique(errors: ConfigError[], list: readonly Entry[], key: string, what: string, show = true): void {
  const first = new Map<unknown, string>();
  for (const e of list) {
    const v = e.rec[key];
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const path = `${e.path}/${key}`;
    const at = first.get(v);
    if (at === undefined) first.set(v, path);
    else errors.push({ path, message: `Duplicate ${what}${show ? ` ${JSON.stringify(v)}` : ''}: already used at ${at}` });
  }
}
