import type { SurveyPadButton, SurveyPadReportSpec } from '../../catalogue/survey-pad-model-schema.js';
import { codeOfUsage, isErrorUsage } from './keyboard-usages.js';
import { matchesPattern } from './keypad-report.js';

/**
 * Survey pad input report -> button position (1 = best), pure (DESIGN §8: codecs are tested with
 * literal bytes). What the position means is the hub's business (the scale of the ticket rated).
 *
 * One press must be one rating attempt, though pads send a button in several reports: a boot
 * keyboard repeats its report while a key stays down and sends zeroes on release; a programmed pad
 * sends a press and a release report. So the reader carries the buttons held after the previous
 * report, and only a button not held already is a press. Two buttons at once (a hand across the pad)
 * is refused rather than guessed: the rating must be the one the citizen meant. Time-based debounce
 * is the driver's, which has the clock.
 */

/** The part of a survey pad model the codec reads. */
export interface SurveyPadReportMap {
  readonly report: SurveyPadReportSpec;
  readonly buttons: readonly SurveyPadButton[];
}

/** Buttons down after the last report, as the codec names them ("4d 53 01", "0x1e"). */
export type ButtonsHeld = readonly string[];
export const NO_BUTTON_HELD: ButtonsHeld = [];

export type SurveyPadReading =
  | { readonly kind: 'press'; readonly position: number; readonly button: string }
  /** A report that is part of a press already counted, or of none: release, repeat, rollover. */
  | { readonly kind: 'ignored'; readonly reason: string }
  /** A report that maps to nothing: logged with its bytes, rates nothing. */
  | { readonly kind: 'refused'; readonly reason: string };

type Read = { reading: SurveyPadReading; held: ButtonsHeld };

export function readSurveyPadReport(bytes: Uint8Array, map: SurveyPadReportMap, held: ButtonsHeld): Read {
  const { report } = map;
  let payload = bytes;
  if (report.reportId !== undefined) {
    if (bytes[0] !== report.reportId) return refused(`report id ${byte(bytes[0])}, expected ${byte(report.reportId)}`, held);
    payload = bytes.subarray(1);
  }
  if (report.length !== undefined && payload.length !== report.length) {
    return refused(`${payload.length} bytes, expected ${report.length}`, held);
  }
  return report.format === 'pattern' ? readPattern(payload, map, held) : readBootKeyboard(payload, map.buttons, held);
}

/** The position of a reading, or null. */
export function positionOf(reading: SurveyPadReading): number | null {
  return reading.kind === 'press' ? reading.position : null;
}

function readPattern(payload: Uint8Array, map: SurveyPadReportMap, held: ButtonsHeld): Read {
  const release = map.report.release;
  if (payload.length > 0 && (payload.every((b) => b === 0) || (release !== undefined && matchesPattern(payload, release)))) {
    return { reading: { kind: 'ignored', reason: 'release' }, held: NO_BUTTON_HELD };
  }
  const button = map.buttons.find((b) => b.match !== undefined && matchesPattern(payload, b.match));
  if (!button?.match) return refused('no button of this model matches the report', held);
  const press: SurveyPadReading = { kind: 'press', position: button.position, button: button.match };
  // Without a release report a pad's every report is a press; the driver's debounce catches bursts.
  if (release === undefined) return { reading: press, held: NO_BUTTON_HELD };
  if (held.includes(button.match)) return { reading: { kind: 'ignored', reason: 'repeat' }, held };
  return { reading: press, held: [button.match] };
}

/** An 8-byte boot keyboard report: modifiers, reserved, then up to six key usages (0 = none). */
function readBootKeyboard(payload: Uint8Array, buttons: readonly SurveyPadButton[], held: ButtonsHeld): Read {
  if (payload.length < 3) return refused(`${payload.length} bytes is too short for a keyboard report`, held);
  const usages = [...payload.subarray(2)].filter((u) => u !== 0);
  // Too many keys at once: the keyboard cannot say which; the next report will.
  if (usages.some(isErrorUsage)) return { reading: { kind: 'ignored', reason: 'rollover' }, held };
  const now = usages.map(byte);
  if (now.length === 0) return { reading: { kind: 'ignored', reason: 'release' }, held: NO_BUTTON_HELD };
  const fresh = usages.filter((u) => !held.includes(byte(u)));
  if (fresh.length === 0)
    return { reading: { kind: 'ignored', reason: now.length < held.length ? 'release' : 'repeat' }, held: now };
  if (fresh.length > 1)
    return refused(`${fresh.length} buttons pressed at once (${fresh.map(named).join(', ')}); none counted`, now);
  const usage = fresh[0] as number;
  const button = buttons.find((b) => b.usage === usage);
  if (!button) return refused(`key ${named(usage)} is not a button of this model`, now);
  return { reading: { kind: 'press', position: button.position, button: byte(usage) }, held: now };
}

function refused(reason: string, held: ButtonsHeld): Read {
  return { reading: { kind: 'refused', reason }, held };
}

function byte(n: number | undefined): string {
  return n === undefined ? 'none' : `0x${n.toString(16).padStart(2, '0')}`;
}

function named(usage: number): string {
  const code = codeOfUsage(usage);
  return code ? `${byte(usage)} (${code})` : byte(usage);
}
