import { describe, expect, it } from 'vitest';
import {
  NO_BUTTON_HELD,
  positionOf,
  readSurveyPadReport,
  type ButtonsHeld,
  type SurveyPadReportMap,
} from '../../../../../server/devices/codecs/hid/survey-pad-report.js';

/** The QMK survey box: 32-byte raw HID reports "MS" + position, "MS" 0 on release. */
const qmkBox: SurveyPadReportMap = {
  report: { format: 'pattern', length: 32, release: '4d 53 00' },
  buttons: [1, 2, 3, 4, 5].map((p) => ({ position: p, match: `4d 53 0${p}` })),
};

/** The CH552 three-key pad: numbered keyboard reports (id 1), keys typing 1, 2, 3. */
const ch552: SurveyPadReportMap = {
  report: { format: 'boot-keyboard', reportId: 1, length: 8 },
  buttons: [
    { position: 1, usage: 0x1e },
    { position: 2, usage: 0x1f },
    { position: 3, usage: 0x20 },
  ],
};

/** A pad that sends one report per press and none on release. */
const noRelease: SurveyPadReportMap = {
  report: { format: 'pattern' },
  buttons: [
    { position: 1, match: 'a5 ?? 01' },
    { position: 2, match: 'a5 ?? 02' },
  ],
};

const raw = (...bytes: number[]) => Uint8Array.from({ length: 32 }, (_, i) => bytes[i] ?? 0);
const kbd = (...usages: number[]) => Uint8Array.of(0x01, 0x00, 0x00, ...Array.from({ length: 6 }, (_, i) => usages[i] ?? 0));

function feed(map: SurveyPadReportMap, reports: Uint8Array[]) {
  let held: ButtonsHeld = NO_BUTTON_HELD;
  return reports.map((r) => {
    const out = readSurveyPadReport(r, map, held);
    held = out.held;
    return out.reading;
  });
}

describe('readSurveyPadReport, pattern format (QMK raw HID box)', () => {
  it('maps a press to its position, and counts a held or repeated button once', () => {
    expect(feed(qmkBox, [raw(0x4d, 0x53, 0x02), raw(0x4d, 0x53, 0x02), raw(0x4d, 0x53, 0x00), raw(0x4d, 0x53, 0x05)])).toEqual([
      { kind: 'press', position: 2, button: '4d 53 02' },
      { kind: 'ignored', reason: 'repeat' },
      { kind: 'ignored', reason: 'release' },
      { kind: 'press', position: 5, button: '4d 53 05' },
    ]);
  });

  it('an all-zero report is a release too', () => {
    expect(feed(qmkBox, [raw(0x4d, 0x53, 0x01), raw(), raw(0x4d, 0x53, 0x01)]).map(positionOf)).toEqual([1, null, 1]);
  });

  it('refuses what maps to nothing, naming why, and keeps the held button', () => {
    const readings = feed(qmkBox, [
      raw(0x4d, 0x53, 0x01),
      raw(0x4d, 0x53, 0x09),
      raw(0x4d, 0x43, 0x01),
      Uint8Array.of(0xff, 0xff),
      raw(0x4d, 0x53, 0x01),
    ]);
    expect(readings).toEqual([
      { kind: 'press', position: 1, button: '4d 53 01' },
      { kind: 'refused', reason: 'no button of this model matches the report' },
      // A keypad's report ("MC") on a survey pad's link is not a rating.
      { kind: 'refused', reason: 'no button of this model matches the report' },
      { kind: 'refused', reason: '2 bytes, expected 32' },
      { kind: 'ignored', reason: 'repeat' },
    ]);
  });

  it('without a release report every matching report is a press (the driver debounces)', () => {
    expect(
      feed(noRelease, [Uint8Array.of(0xa5, 0x10, 0x01), Uint8Array.of(0xa5, 0x11, 0x01), Uint8Array.of(0xa5, 0x00, 0x02)]).map(
        positionOf,
      ),
    ).toEqual([1, 1, 2]);
    expect(feed(noRelease, [Uint8Array.of()])).toEqual([
      { kind: 'refused', reason: 'no button of this model matches the report' },
    ]);
  });
});

describe('readSurveyPadReport, boot-keyboard format with a report id (CH552 pad)', () => {
  it('maps a digit to its position; held, repeated and released keys count nothing more', () => {
    expect(feed(ch552, [kbd(0x1f), kbd(0x1f), kbd(), kbd(0x20), kbd()])).toEqual([
      { kind: 'press', position: 2, button: '0x1f' },
      { kind: 'ignored', reason: 'repeat' },
      { kind: 'ignored', reason: 'release' },
      { kind: 'press', position: 3, button: '0x20' },
      { kind: 'ignored', reason: 'release' },
    ]);
  });

  it('refuses two buttons pressed at once, and takes neither', () => {
    const readings = feed(ch552, [kbd(0x1e, 0x20), kbd(0x1e), kbd()]);
    expect(readings).toEqual([
      { kind: 'refused', reason: '2 buttons pressed at once (0x1e (Digit1), 0x20 (Digit3)); none counted' },
      { kind: 'ignored', reason: 'release' },
      { kind: 'ignored', reason: 'release' },
    ]);
  });

  it('a second key while one is held is its own press; rollover is ignored', () => {
    expect(feed(ch552, [kbd(0x1e), kbd(0x1e, 0x1f), kbd(0x01, 0x01, 0x01)]).map((r) => r.kind)).toEqual([
      'press',
      'press',
      'ignored',
    ]);
  });

  it('refuses a wrong report id, a wrong length, and a key that is not a button', () => {
    expect(readSurveyPadReport(Uint8Array.of(0x02, 0xe9, 0x00, 0, 0, 0, 0, 0, 0), ch552, NO_BUTTON_HELD).reading).toEqual({
      kind: 'refused',
      reason: 'report id 0x02, expected 0x01',
    });
    expect(readSurveyPadReport(Uint8Array.of(0x01, 0x00, 0x00, 0x1e), ch552, NO_BUTTON_HELD).reading).toEqual({
      kind: 'refused',
      reason: '3 bytes, expected 8',
    });
    expect(readSurveyPadReport(kbd(0x21), ch552, NO_BUTTON_HELD).reading).toEqual({
      kind: 'refused',
      reason: 'key 0x21 (Digit4) is not a button of this model',
    });
  });
});
