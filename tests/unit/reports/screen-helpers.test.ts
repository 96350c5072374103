import { describe, expect, it } from 'vitest';
import { customRangeProblem, presetRange } from '../../../admin/screens/reports/range-presets.js';
import { countText, minutesText, percentText, rangeText } from '../../../admin/screens/reports/report-format.js';

const vn = (local: string) => Date.parse(`${local}+07:00`);

describe("the reports screen's ranges and figures", () => {
  it('takes today, this ISO week from Monday and this month from the 1st, in Vietnam whatever the PC zone', () => {
    // Tuesday 24 November 2026, 04:40 in Hanoi: still Monday 23 in UTC.
    const now = vn('2026-11-24T04:40:00');
    expect(presetRange('today', now)).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(presetRange('week', now)).toEqual({ from: '2026-11-23', to: '2026-11-24' });
    expect(presetRange('month', now)).toEqual({ from: '2026-11-01', to: '2026-11-24' });
    // A Sunday belongs to the week that began on the Monday before; a week may start last month.
    expect(presetRange('week', vn('2026-11-01T10:00:00'))).toEqual({ from: '2026-10-26', to: '2026-11-01' });
    expect(presetRange('week', vn('2026-11-02T10:00:00'))).toEqual({ from: '2026-11-02', to: '2026-11-02' });
  });

  it('asks for both days and the right order before calling the hub', () => {
    expect(customRangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(customRangeProblem({ from: '2026-11-30', to: '2026-11-01' })).toBe('Ngày kết thúc phải sau ngày bắt đầu.');
    expect(customRangeProblem({ from: '', to: '2026-11-01' })).toBe('Vui lòng chọn ngày bắt đầu và ngày kết thúc.');
  });

  it('writes figures the Vietnamese way: decimal comma, dot for thousands, a dash for nothing measured', () => {
    expect(countText(45000)).toBe('45.000');
    expect(minutesText(754)).toBe('12,6');
    expect(minutesText(null)).toBe('–');
    expect(percentText(0.9375)).toBe('93,8%');
    expect(percentText(null)).toBe('–');
    expect(rangeText('2026-11-19', '2026-11-19')).toBe('Ngày 19/11/2026');
    expect(rangeText('2026-11-01', '2026-11-30')).toBe('Từ 01/11/2026 đến 30/11/2026');
  });
});
