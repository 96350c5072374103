import { describe, expect, it } from 'vitest';
import { readCatalogueCsv } from '../../../server/catalogue/catalogue-csv.js';
import { ProblemSink } from '../../../server/catalogue/import-problem.js';
import { parseCsv } from '../../../server/catalogue/parse-csv.js';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, after a byte-order mark', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\r\n\r\n3,,last\n';
    const { rows, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
      ['3', '', 'last'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });

  it('reads a last line without a newline, and an empty file as no rows', () => {
    expect(parseCsv('a,b\n1,2').rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('').rows).toEqual([]);
  });

  it('reports broken quoting with its line instead of throwing', () => {
    const unclosed = parseCsv('a,b\n1,"never closed\n2,3\n');
    expect(unclosed.errors).toEqual([{ line: 2, message: 'quoted field never closed' }]);
    const stray = parseCsv('a,b\n1,x"y\n');
    expect(stray.errors).toEqual([{ line: 2, message: 'quote inside an unquoted field' }]);
    expect(stray.rows[1]?.fields).toEqual(['1', 'x"y']);
  });
});

describe('readCatalogueCsv', () => {
  const header = 'Mã số,Tên,Cơ quan ban hành,Cơ quan thực hiện,Lĩnh vực,URL\n';

  it('cleans cells (NFC, spaces) and reports malformed codes but keeps their rows', () => {
    const sink = new ProblemSink('catalogue.csv');
    const rows = readCatalogueCsv(
      `${header}1.001193,"Thủ tục  đăng ký khai sinh",Bộ Tư pháp,Ủy ban nhân dân cấp xã,${'Hộ tịch'.normalize('NFD')},https://x\n` +
        '1.014955-Xoa,Xóa đăng ký,,,Đất đai,\n,Không mã,,,,\n',
      sink,
    );
    expect(rows.map((r) => r.code)).toEqual(['1.001193', '1.014955-Xoa']);
    expect(rows[0]).toMatchObject({
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      implementingAgency: 'Ủy ban nhân dân cấp xã',
    });
    expect(rows[1]).toMatchObject({ issuingAgency: null, implementingAgency: null, url: null });
    expect(sink.list.map((p) => [p.kind, p.code, p.section])).toEqual([
      ['malformed-code', '1.014955-Xoa', 'line 3'],
      ['malformed-code', null, 'line 4'],
    ]);
  });

  it('refuses a file without the code or name column, saying so', () => {
    const sink = new ProblemSink('catalogue.csv');
    expect(readCatalogueCsv('Tên,Lĩnh vực\nA,B\n', sink)).toEqual([]);
    expect(sink.list[0]?.kind).toBe('csv-header');
  });
});
