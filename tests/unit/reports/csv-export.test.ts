import { describe, expect, it } from 'vitest';
import { cellText, csvField, tableToCsv, tablesToCsv, vnDayText } from '../../../server/reports/csv-export.js';
import type { ReportTable } from '../../../server/reports/report-tables.js';
import { xlsxValue } from '../../../server/reports/xlsx-export.js';

const table: ReportTable = {
  key: 'queues',
  title: 'Theo hàng đợi',
  columns: [
    { header: 'Hàng đợi', width: 20 },
    { header: 'Số phiếu cấp', width: 10 },
    { header: 'Chờ trung bình (phút)', width: 10 },
    { header: 'Tỷ lệ hài lòng (%)', width: 10 },
  ],
  rows: [
    [
      { kind: 'text', value: 'Hộ tịch, Chứng thực "A"' },
      { kind: 'count', value: 12 },
      { kind: 'minutes', value: 754 },
      { kind: 'percent', value: 0.925 },
    ],
    [
      { kind: 'text', value: 'Nhận kết quả' },
      { kind: 'count', value: 0 },
      { kind: 'minutes', value: null },
      { kind: 'percent', value: null },
    ],
  ],
};

describe('CSV export', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(csvField('Đất đai – Xây dựng')).toBe('Đất đai – Xây dựng');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
  });

  it('writes minutes and percentages with one decimal, days as dd/mm/yyyy, nothing for no value', () => {
    expect(cellText({ kind: 'minutes', value: 754 })).toBe('12.6');
    expect(cellText({ kind: 'minutes', value: -90 })).toBe('-1.5');
    expect(cellText({ kind: 'percent', value: 0.9 })).toBe('90.0');
    expect(cellText({ kind: 'day', value: '2026-11-05' })).toBe('05/11/2026');
    expect(vnDayText('2026-01-31')).toBe('31/01/2026');
    expect(cellText({ kind: 'count', value: 1500 })).toBe('1500');
    expect(cellText({ kind: 'percent', value: null })).toBe('');
  });

  it('does not let a name run as a spreadsheet formula', () => {
    expect(cellText({ kind: 'text', value: '=HYPERLINK("http://x")' })).toBe(`'=HYPERLINK("http://x")`);
    expect(cellText({ kind: 'text', value: '-quầy' })).toBe(`'-quầy`);
    expect(cellText({ kind: 'text', value: 'Quầy 1' })).toBe('Quầy 1');
  });

  it('starts with the BOM, ends every line with CRLF, and stacks tables under their titles', () => {
    const one = tableToCsv(table);
    expect(one).toBe(
      '\uFEFFHàng đợi,Số phiếu cấp,Chờ trung bình (phút),Tỷ lệ hài lòng (%)\r\n' +
        '"Hộ tịch, Chứng thực ""A""",12,12.6,92.5\r\n' +
        'Nhận kết quả,0,,\r\n',
    );
    const both = tablesToCsv([table, { ...table, title: 'Theo ngày', rows: [] }]);
    expect(both.startsWith('\uFEFFTheo hàng đợi\r\nHàng đợi,')).toBe(true);
    expect(both).toContain('Nhận kết quả,0,,\r\n\r\nTheo ngày\r\nHàng đợi,');
    expect(both.split('\uFEFF')).toHaveLength(2);
  });

  it('gives the spreadsheet numbers, minutes rounded to a tenth, and days as dates', () => {
    expect(xlsxValue({ kind: 'minutes', value: 754 })).toBe(12.6);
    expect(xlsxValue({ kind: 'percent', value: 0.925 })).toBe(0.925);
    expect(xlsxValue({ kind: 'count', value: 7 })).toBe(7);
    expect(xlsxValue({ kind: 'day', value: '2026-11-05' })).toEqual(new Date(Date.UTC(2026, 10, 5)));
    expect(xlsxValue({ kind: 'minutes', value: null })).toBeNull();
  });
});
