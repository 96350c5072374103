import { describe, expect, it } from 'vitest';
import { appointmentFor, DEFAULT_CALENDAR, isWorkingDay, nextWorkingDay } from '../../../common/dossier/appointment.js';
import { checkIdNumber, maskIdNumber } from '../../../common/dossier/id-number.js';

/** Epoch ms of a wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no DST). */
const vn = (day: string, time: string) => Date.parse(`${day}T${time}:00+07:00`);
const calendar = { ...DEFAULT_CALENDAR, holidays: ['2026-09-01', '2026-09-02'] };

describe('appointmentFor (working days, holidays, the 15:00 rule)', () => {
  it.each([
    // received (Asia/Ho_Chi_Minh), days, due day
    ['2026-11-23', '09:00', 3, '2026-11-26'], // Monday morning, 3 days: Tue, Wed, Thu
    ['2026-11-23', '14:59', 3, '2026-11-26'],
    ['2026-11-23', '15:00', 3, '2026-11-27'], // at the cut-off: counts from Tuesday
    ['2026-11-27', '10:00', 1, '2026-11-30'], // Friday + 1 skips the weekend
    ['2026-11-27', '16:30', 1, '2026-12-01'], // Friday after 15:00: starts Monday, due Tuesday
    ['2026-11-28', '09:00', 1, '2026-12-01'], // a Saturday: starts Monday
    ['2026-11-23', '09:00', 0, '2026-11-23'], // within the day
    ['2026-08-31', '09:00', 1, '2026-09-03'], // National Day holidays skipped
    ['2026-08-28', '09:00', 5, '2026-09-08'], // Fri: Mon 31, Thu 3, Fri 4, Mon 7, Tue 8
    ['2026-11-23', '09:00', 0.5, '2026-11-24'], // half a day never promises less time
  ])('received %s %s, %s working day(s): due %s', (day, time, days, due) => {
    const r = appointmentFor(vn(day, time), days, calendar);
    expect(r.dueDay).toBe(due);
    expect(r.appointmentAt).toBe(vn(due, '16:00'));
  });

  it('ignores the cut-off where the procedure says it does not apply', () => {
    expect(appointmentFor(vn('2026-11-23', '16:00'), 3, calendar, { cutoffApplies: false }).dueDay).toBe('2026-11-26');
  });

  it('follows an office working Saturday mornings too', () => {
    const sixDays = { ...calendar, workDays: [1, 2, 3, 4, 5, 6] };
    expect(appointmentFor(vn('2026-11-27', '10:00'), 1, sixDays).dueDay).toBe('2026-11-28');
    expect(isWorkingDay('2026-11-29', sixDays)).toBe(false);
  });

  it('refuses a negative number of days and a week with no working day', () => {
    expect(() => appointmentFor(vn('2026-11-23', '09:00'), -1, calendar)).toThrow(RangeError);
    expect(() => nextWorkingDay('2026-11-23', { ...calendar, workDays: [] })).toThrow(RangeError);
  });
});

describe('identity numbers (shape only)', () => {
  it.each([
    ['079203001234', 'dinh-danh'],
    ['0792 0300 1234', 'dinh-danh'],
    ['001099000001', 'dinh-danh'],
    ['123456789', 'cmnd'],
  ])('accepts %s as %s', (raw, kind) => {
    expect(checkIdNumber(raw)).toMatchObject({ ok: true, kind });
  });

  it.each([
    ['', 'empty'],
    ['07920300123A', 'not-digits'],
    ['0792030012345', 'wrong-length'],
    ['12345678', 'wrong-length'],
    ['000203001234', 'bad-province'],
    ['097203001234', 'bad-province'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(checkIdNumber(raw)).toEqual({ ok: false, problem });
  });

  it('masks all but what the citizen recognises', () => {
    expect(maskIdNumber('079203001234')).toBe('0792******34');
    expect(maskIdNumber('123456789')).toBe('1234***89');
  });
});
