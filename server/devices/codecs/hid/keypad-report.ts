import type { CounterAction } from '../../../../common/contract/counter-actions.js';
import type { KeypadKey, KeypadReportSpec } from '../../catalogue/keypad-model-schema.js';
import { codeOfUsage, isErrorUsage } from './keyboard-usages.js';

/**
 * Keypad input report -> counter action, pure (DESIGN §8: codecs are tested with literal bytes).
 *
 * One press must be one action, though pads send a key in several reports: a boot keyboard repeats
 * its report while keys stay down and sends all zeroes on release; a programmed pad may send a press
 * and a release report. So the reader carries the keys held after the previous report, and only a
 * key that was not held already is a press. (Time-based debounce of a bouncing switch or a double
 * tap is the driver's job: it has the clock.)
 */

/** The part of a keypad model the codec reads. */
export interface KeypadReportMap {
  readonly report: KeypadReportSpec;
  readonly keys: readonly KeypadKey[];
}

/** Keys down after the last report, as the codec names them ("4d 43 01", "0x57"). */
export type KeysHeld = readonly string[];
export const NOTHING_HELD: KeysHeld = [];

export type KeypadReading =
  | { readonly kind: 'press'; readonly action: CounterAction; readonly key: string }
  /** A report that is part of a press already counted, or of none: release, repeat, rollover. */
  | { readonly kind: 'ignored'; readonly reason: string }
  /** A report that maps to nothing: logged with its bytes, acts on nothing. */
  | { readonly kind: 'refused'; readonly reason: string };

export function readKeypadReport(
  bytes: Uint8Array,
  map: KeypadReportMap,
  held: KeysHeld,
): { reading: KeypadReading; held: KeysHeld } {
  const { report } = map;
  let payload = bytes;
  if (report.reportId !== undefined) {
    if (bytes[0] !== report.reportId) {
      return refused(`report id ${byte(bytes[0])}, expected ${byte(report.reportId)}`, held);
    }
    payload = bytes.subarray(1);
  }
  if (report.length !== undefined && payload.length !== report.length) {
    return refused(`${payload.length} bytes, expected ${report.length}`, held);
  }
  return report.format === 'pattern' ? readPattern(payload, map, held) : readBootKeyboard(payload, map.keys, held);
}

/** The action of a reading, or null. */
export function actionOf(reading: KeypadReading): CounterAction | null {
  return reading.kind === 'press' ? reading.action : null;
}

function readPattern(payload: Uint8Array, map: KeypadReportMap, held: KeysHeld): { reading: KeypadReading; held: KeysHeld } {
  const release = map.report.release;
  if (payload.every((b) => b === 0) || (release !== undefined && matchesPattern(payload, release))) {
    return { reading: { kind: 'ignored', reason: 'release' }, held: NOTHING_HELD };
  }
  const key = map.keys.find((k) => k.match !== undefined && matchesPattern(payload, k.match));
  if (!key?.match) return refused('no key of this model matches the report', held);
  // Without a release report a pad's every report is a press; the driver's debounce catches bursts.
  if (release === undefined) return { reading: { kind: 'press', action: key.action, key: key.match }, held: NOTHING_HELD };
  if (held.includes(key.match)) return { reading: { kind: 'ignored', reason: 'repeat' }, held };
  return { reading: { kind: 'press', action: key.action, key: key.match }, held: [key.match] };
}

/** An 8-byte boot keyboard report: modifiers, reserved, then up to six key usages (0 = none). */
function readBootKeyboard(
  payload: Uint8Array,
  keys: readonly KeypadKey[],
  held: KeysHeld,
): { reading: KeypadReading; held: KeysHeld } {
  if (payload.length < 3) return refused(`${payload.length} bytes is too short for a keyboard report`, held);
  const usages = [...payload.subarray(2)].filter((u) => u !== 0);
  // Too many keys at once: the keyboard cannot say which; the next report will.
  if (usages.some(isErrorUsage)) return { reading: { kind: 'ignored', reason: 'rollover' }, held };
  const now = usages.map(byte);
  if (now.length === 0) return { reading: { kind: 'ignored', reason: 'release' }, held: NOTHING_HELD };
  const fresh = usages.filter((u) => !held.includes(byte(u)));
  if (fresh.length === 0)
    return { reading: { kind: 'ignored', reason: now.length < held.length ? 'release' : 'repeat' }, held: now };
  // A palm on the keypad must not call next and skip at once.
  if (fresh.length > 1)
    return refused(`${fresh.length} keys pressed at once (${fresh.map(named).join(', ')}); none acted on`, now);
  const usage = fresh[0] as number;
  const key = keys.find((k) => k.usage === usage);
  if (!key) return refused(`key ${named(usage)} is not mapped to an action`, now);
  return { reading: { kind: 'press', action: key.action, key: byte(usage) }, held: now };
}

/** Whether the bytes start with the pattern ("4d 43 ??"); the report may go on after it. */
export function matchesPattern(bytes: Uint8Array, pattern: string): boolean {
  const want = parseHexPattern(pattern);
  if (bytes.length < want.length) return false;
  return want.every((b, i) => b === null || bytes[i] === b);
}

/** "4d 43 ??" -> [0x4d, 0x43, null]. */
export function parseHexPattern(pattern: string): (number | null)[] {
  return pattern.split(' ').map((p) => (p === '??' ? null : parseInt(p, 16)));
}

/** "4d 43 01 00": report bytes as logged. */
export function hexOf(bytes: Uint8Array, max = 64): string {
  const shown = [...bytes.subarray(0, max)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} … (${bytes.length} bytes)` : shown;
}

function refused(reason: string, held: KeysHeld): { reading: KeypadReading; held: KeysHeld } {
  return { reading: { kind: 'refused', reason }, held };
}

function byte(n: number | undefined): string {
  return n === undefined ? 'none' : `0x${n.toString(16).padStart(2, '0')}`;
}

function named(usage: number): string {
  const code = codeOfUsage(usage);
  return code ? `${byte(usage)} (${code})` : byte(usage);
}
