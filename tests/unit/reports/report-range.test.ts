import { describe, expect, it } from 'vitest';
import { addDays, checkReportRange, dayNumber, daysOf } from '../../../server/reports/report-range.js';

describe('report ranges', () => {
  it('knows real calendar days from look-alikes', () => {
    expect(dayNumber('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '2026-01-01x', '']) {
      expect(dayNumber(bad), bad).toBeNull();
    }
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysOf('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(daysOf('2026-11-29', '2026-11-29')).toEqual(['2026-11-29']);
  });

  it('takes a day, a week, a month or a year (366 days at most) and refuses the rest with where it is wrong', () => {
    expect(checkReportRange('2026-11-19', '2026-11-19')).toEqual({ ok: true, days: 1 });
    expect(checkReportRange('2026-11-01', '2026-11-30')).toEqual({ ok: true, days: 30 });
    expect(checkReportRange('2027-03-01', '2028-02-29')).toEqual({ ok: true, days: 366 });
    expect(checkReportRange('2026-01-01', '2027-01-01')).toEqual({ ok: true, days: 366 });
    expect(checkReportRange('2026-01-01', '2027-01-02')).toMatchObject({ ok: false, details: [{ path: '/querystring/to' }] });
    expect(checkReportRange('2026-11-20', '2026-11-19')).toEqual({
      ok: false,
      details: [{ path: '/querystring/to', message: 'must not be before from' }],
    });
    expect(checkReportRange('2026-02-30', '2026-13-01')).toEqual({
      ok: false,
      details: [
        { path: '/querystring/from', message: 'must be a calendar day YYYY-MM-DD' },
        { path: '/querystring/to', message: 'must be a calendar day YYYY-MM-DD' },
      ],
    });
  });
});
