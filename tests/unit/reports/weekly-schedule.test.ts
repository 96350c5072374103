import { describe, expect, it } from 'vitest';
import { lastWeeklyDue, nextWeeklyDueAt } from '../../../server/reports/weekly-schedule.js';

const vn = (local: string) => Date.parse(`${local}+07:00`);

describe('when the weekly report is due', () => {
  it('is due at Thursday 15:00 Asia/Ho_Chi_Minh, for Thursday..Wednesday just ended', () => {
    expect(lastWeeklyDue(vn('2026-11-19T15:00:00'))).toEqual({
      at: vn('2026-11-19T15:00:00'),
      from: '2026-11-12',
      to: '2026-11-18',
    });
    // A second before: still the week before's.
    expect(lastWeeklyDue(vn('2026-11-19T14:59:59'))).toEqual({
      at: vn('2026-11-12T15:00:00'),
      from: '2026-11-05',
      to: '2026-11-11',
    });
    // Thursday 15:00 in Vietnam is 08:00 UTC: a UTC-minded clock would be seven hours off.
    expect(lastWeeklyDue(Date.parse('2026-11-19T07:59:59Z')).from).toBe('2026-11-05');
    expect(lastWeeklyDue(Date.parse('2026-11-19T08:00:00Z')).from).toBe('2026-11-12');
  });

  it('finds the same due week on every other day of the week, across a month and a year end', () => {
    for (const local of ['2026-11-20T00:00:00', '2026-11-22T12:00:00', '2026-11-25T23:59:59', '2026-11-26T14:59:59']) {
      expect(lastWeeklyDue(vn(local)), local).toMatchObject({ from: '2026-11-12', to: '2026-11-18' });
    }
    expect(lastWeeklyDue(vn('2027-01-01T09:00:00'))).toMatchObject({ from: '2026-12-24', to: '2026-12-30' });
  });

  it('is next due a week after the last', () => {
    expect(nextWeeklyDueAt(vn('2026-11-19T15:00:00'))).toBe(vn('2026-11-26T15:00:00'));
    expect(nextWeeklyDueAt(vn('2026-11-19T14:59:59'))).toBe(vn('2026-11-19T15:00:00'));
  });
});
