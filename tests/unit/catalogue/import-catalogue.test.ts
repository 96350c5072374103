import { describe, expect, it } from 'vitest';
import { importCatalogue } from '../../../server/catalogue/import-catalogue.js';

const CSV =
  '\ufeffMã số,Tên,Cơ quan ban hành,Cơ quan thực hiện,Lĩnh vực,URL\r\n' +
  '1.000001,Đăng ký khai sinh,Bộ Tư pháp,Ủy ban nhân dân tỉnh,Hộ tịch,https://dichvucong.gov.vn/a\r\n' +
  '1.000002,". Cấp  giấy phép, loại A",Bộ Công Thương,"Phòng Kinh tế; Ủy ban nhân dân CẤP XÃ",Công nghiệp,\r\n' +
  '1.000003,Cấp giấy xác nhận,Bộ X,Sở Y,Khác,\r\n' +
  '1.000001,Trùng mã,,,,\r\n' +
  '2.009182739,Mã quá dài,,,Khác,\r\n';

const record = (code: string, levels: string, extra = '') => `# Tên trong hồ sơ ${code}

## Thông tin chung

* **Mã thủ tục:** ${code}
* **Cấp thực hiện:** ${levels}
* **Lĩnh vực:** Hộ tịch
${extra}
## Trình tự thực hiện

1. Nộp hồ sơ.

## Cách thức thực hiện

Không có thông tin

## Thành phần hồ sơ

Không có thông tin

## Căn cứ pháp lý

Không có thông tin

## Yêu cầu, điều kiện thực hiện

Không có thông tin

## Kết quả xử lý

Không có thông tin
`;

describe('importCatalogue', () => {
  const result = importCatalogue({
    csv: CSV,
    records: [
      { name: '1_000001.md', text: record('1.000001', 'Cấp xã') },
      { name: '9_000009.md', text: record('9.000009', 'Cấp tỉnh') },
      { name: 'notes.md', text: 'nothing here' },
    ],
  });
  const byCode = new Map(result.procedures.map((p) => [p.code, p]));

  it('merges rows and records by code; a row without a record and a record without a row are both procedures', () => {
    expect([...byCode.keys()]).toEqual(['1.000001', '1.000002', '1.000003', '2.009182739', '9.000009']);
    expect(byCode.get('1.000001')).toMatchObject({
      name: 'Đăng ký khai sinh',
      hasFullRecord: true,
      steps: ['Nộp hồ sơ.'],
      portalUrl: 'https://dichvucong.gov.vn/a',
    });
    expect(byCode.get('1.000003')).toMatchObject({ hasFullRecord: false, steps: [], documents: [], levels: [] });
    expect(byCode.get('9.000009')).toMatchObject({ name: 'Tên trong hồ sơ 9.000009', field: 'Hộ tịch', portalUrl: null });
  });

  it('strips list numbering from names and tidies their spaces', () => {
    expect(byCode.get('1.000002')?.name).toBe('Cấp giấy phép, loại A');
  });

  it("marks commune level from the record's level or from the agency named in the catalogue", () => {
    expect(result.procedures.filter((p) => p.communeLevel).map((p) => p.code)).toEqual(['1.000001', '1.000002']);
  });

  it('reports what it could not read, and counts it', () => {
    const seen = result.problems.map((p) => `${p.kind} ${p.code ?? '-'} ${p.file}`);
    expect(seen).toEqual([
      'malformed-code 2.009182739 catalogue.csv',
      'duplicate-code 1.000001 catalogue.csv',
      'record-without-row 9.000009 9_000009.md',
      'record-unreadable - notes.md',
    ]);
    expect(result.stats).toEqual({
      csvRows: 5,
      records: 3,
      procedures: 5,
      withFullRecord: 2,
      communeLevel: 2,
      problems: 4,
      problemsByKind: { 'malformed-code': 1, 'duplicate-code': 1, 'record-unreadable': 1, 'record-without-row': 1 },
    });
  });
});
