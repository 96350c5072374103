import { describe, expect, it } from 'vitest';
import type { KeypadReportMap, KeysHeld } from '../../../../../server/devices/codecs/hid/keypad-report.js';
import {
  actionOf,
  hexOf,
  matchesPattern,
  NOTHING_HELD,
  readKeypadReport,
} from '../../../../../server/devices/codecs/hid/keypad-report.js';

const macroPad: KeypadReportMap = {
  report: { format: 'pattern', length: 32, release: '4d 43 00' },
  keys: [
    { action: 'next', match: '4d 43 01' },
    { action: 'recall', match: '4d 43 02' },
    { action: 'pause-toggle', match: '4d 43 06' },
  ],
};

const numpad: KeypadReportMap = {
  report: { format: 'boot-keyboard', length: 8 },
  keys: [
    { action: 'next', usage: 0x57 },
    { action: 'skip', usage: 0x56 },
    { action: 'finish', usage: 0x54 },
  ],
};

/** A QMK raw HID report: the bytes, zero-padded to 32. */
const raw = (...bytes: number[]) => Uint8Array.from({ length: 32 }, (_, i) => bytes[i] ?? 0);
const boot = (...bytes: number[]) => Uint8Array.from(bytes);

/** Feeds reports in order, as one pad would send them; answers each reading. */
function feed(map: KeypadReportMap, reports: Uint8Array[]) {
  let held: KeysHeld = NOTHING_HELD;
  return reports.map((r) => {
    const out = readKeypadReport(r, map, held);
    held = out.held;
    return out.reading;
  });
}

describe('readKeypadReport, pattern format (programmed macro pad)', () => {
  it('maps a press to its action, and counts a held key once', () => {
    const readings = feed(macroPad, [raw(0x4d, 0x43, 0x01), raw(0x4d, 0x43, 0x01), raw(0x4d, 0x43, 0x00), raw(0x4d, 0x43, 0x01)]);
    expect(readings).toEqual([
      { kind: 'press', action: 'next', key: '4d 43 01' },
      { kind: 'ignored', reason: 'repeat' },
      { kind: 'ignored', reason: 'release' },
      { kind: 'press', action: 'next', key: '4d 43 01' },
    ]);
  });

  it('a second key pressed while one is held is a press of its own', () => {
    expect(feed(macroPad, [raw(0x4d, 0x43, 0x01), raw(0x4d, 0x43, 0x02)]).map(actionOf)).toEqual(['next', 'recall']);
  });

  it('refuses reports that map to nothing, and they do not disturb the held key', () => {
    const readings = feed(macroPad, [raw(0x4d, 0x43, 0x01), raw(0x4d, 0x43, 0x09), raw(0x58, 0x58, 0x01), raw(0x4d, 0x43, 0x01)]);
    expect(readings.map((r) => r.kind)).toEqual(['press', 'refused', 'refused', 'ignored']);
    expect(readings[1]).toEqual({ kind: 'refused', reason: 'no key of this model matches the report' });
  });

  it('refuses a report of the wrong length, and a wrong report id', () => {
    const short = readKeypadReport(Uint8Array.of(0x4d, 0x43, 0x01), macroPad, NOTHING_HELD);
    expect(short.reading).toEqual({ kind: 'refused', reason: '3 bytes, expected 32' });
    const numbered: KeypadReportMap = { ...macroPad, report: { ...macroPad.report, reportId: 6, length: 3 } };
    expect(readKeypadReport(Uint8Array.of(0x06, 0x4d, 0x43, 0x02), numbered, NOTHING_HELD).reading).toEqual({
      kind: 'press',
      action: 'recall',
      key: '4d 43 02',
    });
    expect(readKeypadReport(Uint8Array.of(0x05, 0x4d, 0x43, 0x02), numbered, NOTHING_HELD).reading).toEqual({
      kind: 'refused',
      reason: 'report id 0x05, expected 0x06',
    });
  });

  it('without a release report, every matching report is a press (the driver debounces)', () => {
    const noRelease: KeypadReportMap = { report: { format: 'pattern' }, keys: [{ action: 'next', match: 'aa ??' }] };
    expect(feed(noRelease, [Uint8Array.of(0xaa, 0x01), Uint8Array.of(0xaa, 0x02), Uint8Array.of(0)]).map((r) => r.kind)).toEqual([
      'press',
      'press',
      'ignored',
    ]);
  });
});

describe('readKeypadReport, boot keyboard format (plain numpad)', () => {
  it('Keypad + then release then + again: two presses of next', () => {
    const readings = feed(numpad, [
      boot(0, 0, 0x57, 0, 0, 0, 0, 0),
      boot(0, 0, 0, 0, 0, 0, 0, 0),
      boot(0, 0, 0x57, 0, 0, 0, 0, 0),
    ]);
    expect(readings).toEqual([
      { kind: 'press', action: 'next', key: '0x57' },
      { kind: 'ignored', reason: 'release' },
      { kind: 'press', action: 'next', key: '0x57' },
    ]);
  });

  it('a report repeated while the key is held (idle rate) is not a second press', () => {
    const readings = feed(numpad, [boot(0, 0, 0x57, 0, 0, 0, 0, 0), boot(0, 0, 0x57, 0, 0, 0, 0, 0)]);
    expect(readings.map(actionOf)).toEqual(['next', null]);
    expect(readings[1]).toEqual({ kind: 'ignored', reason: 'repeat' });
  });

  it('a key pressed while another is held is a press; letting one of two go is a release', () => {
    const readings = feed(numpad, [
      boot(0, 0, 0x57, 0, 0, 0, 0, 0),
      boot(0, 0, 0x57, 0x56, 0, 0, 0, 0),
      boot(0, 0, 0x56, 0, 0, 0, 0, 0),
    ]);
    expect(readings).toEqual([
      { kind: 'press', action: 'next', key: '0x57' },
      { kind: 'press', action: 'skip', key: '0x56' },
      { kind: 'ignored', reason: 'release' },
    ]);
  });

  it('refuses two keys at once, an unmapped key, and a short report; ignores rollover errors', () => {
    expect(readKeypadReport(boot(0, 0, 0x57, 0x56, 0, 0, 0, 0), numpad, NOTHING_HELD).reading).toEqual({
      kind: 'refused',
      reason: '2 keys pressed at once (0x57 (NumpadAdd), 0x56 (NumpadSubtract)); none acted on',
    });
    expect(readKeypadReport(boot(0, 0, 0x5d, 0, 0, 0, 0, 0), numpad, NOTHING_HELD).reading).toEqual({
      kind: 'refused',
      reason: 'key 0x5d (Numpad5) is not mapped to an action',
    });
    expect(readKeypadReport(boot(0, 0), { ...numpad, report: { format: 'boot-keyboard' } }, NOTHING_HELD).reading).toEqual({
      kind: 'refused',
      reason: '2 bytes is too short for a keyboard report',
    });
    expect(readKeypadReport(boot(0, 0, 1, 1, 1, 1, 1, 1), numpad, ['0x57'])).toEqual({
      reading: { kind: 'ignored', reason: 'rollover' },
      held: ['0x57'],
    });
  });

  it('modifier bits (Num Lock state is not one) do not change the key', () => {
    expect(actionOf(readKeypadReport(boot(0x02, 0, 0x54, 0, 0, 0, 0, 0), numpad, NOTHING_HELD).reading)).toBe('finish');
  });

  it('an unmapped key held is not refused again on every repeat', () => {
    const readings = feed(numpad, [boot(0, 0, 0x5d, 0, 0, 0, 0, 0), boot(0, 0, 0x5d, 0, 0, 0, 0, 0)]);
    expect(readings.map((r) => r.kind)).toEqual(['refused', 'ignored']);
  });
});

describe('hex helpers', () => {
  it('matches a prefix with wildcards', () => {
    expect(matchesPattern(Uint8Array.of(0x4d, 0x43, 0x07, 0x00), '4d ?? 07')).toBe(true);
    expect(matchesPattern(Uint8Array.of(0x4d, 0x43), '4d 43 07')).toBe(false);
    expect(matchesPattern(Uint8Array.of(0x4d, 0x44, 0x07), '4d 43 ??')).toBe(false);
  });

  it('writes reports as logs show them, cut when long', () => {
    expect(hexOf(Uint8Array.of(0x4d, 0x43, 0x01, 0x0f))).toBe('4d 43 01 0f');
    expect(hexOf(new Uint8Array(70), 2)).toBe('00 00 … (70 bytes)');
  });
});
