import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../server/catalogue/parse-record.js';

/** The 55 fallback records hold their tables as one flattened line each. */
describe('parseRecord on the flattened fallback records', () => {
  const FLAT = `# Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội

## Thông tin chung
* **Mã thủ tục:** 1.001731
* **Nguồn fallback:** https://vpcp.dichvucong.gov.vn/p/home/x

* **Lĩnh vực:** Bảo trợ xã hội

## Trình tự thực hiện
- Bước 1: Cá nhân làm hồ sơ. - Bước 2: Chủ tịch xem xét.

## Cách thức thực hiện
Hình thức nộp Thời hạn giải quyết Phí, lệ phí Mô tả Trực tiếp 3 Ngày làm việc 03 ngày làm việc kể từ ngày nhận đủ hồ sơ - Trực tiếp tại UBND Trực tuyến 3 Ngày làm việc Lệ phí: 400.000 ĐồngXem chi tiết Nộp trực tuyến

## Thành phần hồ sơ
Bao gồm Tên giấy tờ Mẫu đơn, tờ khai Số lượng Tờ khai đề nghị hỗ trợ (theo Mẫu số 04 ban hành kèm theo Nghị định số 20/2021/NĐ-CP); Mus04.docx Bản chính: 1 - Bản sao: 0 Bản sao giấy chứng tử Bản chính: 0 - Bản sao: 1

## Cơ quan thực hiện
Ủy ban nhân dân cấp xã

## Yêu cầu, điều kiện thực hiện
Không
`;
  const { record, problems } = parseRecord('1_001731.md', FLAT);

  it('reads channels and documents from the flattened text, and says it did', () => {
    expect(record?.channels.map((c) => [c.channel, c.processingTime, c.workingDays, c.fees, c.description])).toEqual([
      ['truc-tiep', '3 ngày làm việc', 3, null, '03 ngày làm việc kể từ ngày nhận đủ hồ sơ - Trực tiếp tại UBND'],
      ['truc-tuyen', '3 ngày làm việc', 3, 'Lệ phí: 400.000 Đồng', 'Nộp trực tuyến'],
    ]);
    expect(record?.documents).toEqual([
      {
        group: 'nop',
        items: [
          {
            name: 'Tờ khai đề nghị hỗ trợ (theo Mẫu số 04 ban hành kèm theo Nghị định số 20/2021/NĐ-CP)',
            originals: 1,
            copies: 0,
            form: 'Mus04.docx',
          },
          { name: 'Bản sao giấy chứng tử', originals: 0, copies: 1, form: null },
        ],
      },
    ]);
    expect(record?.steps).toEqual(['- Bước 1: Cá nhân làm hồ sơ. - Bước 2: Chủ tịch xem xét.']);
    expect([record?.general.field, record?.agency, record?.conditions]).toEqual([
      'Bảo trợ xã hội',
      'Ủy ban nhân dân cấp xã',
      'Không',
    ]);
    const kinds = problems.list.map((p) => `${p.kind} ${p.section}`).sort();
    expect(kinds).toEqual([
      'flattened-section ## Cách thức thực hiện',
      'flattened-section ## Thành phần hồ sơ',
      'missing-section can cu phap ly',
      'missing-section ket qua',
    ]);
  });

  it('says a file without sections is not a record', () => {
    const { record: none, problems: p } = parseRecord('README.md', 'just some text\n');
    expect(none).toBeNull();
    expect(p.list.map((x) => x.kind)).toEqual(['record-unreadable']);
  });

  it('reads a missing count as unknown, and reports a documents table without rows', () => {
    const text = FLAT.replace('Bản chính: 0 - Bản sao: 1', 'Bản chính: - Bản sao: 1');
    const items = parseRecord('1_001731.md', text).record?.documents[0]?.items;
    expect(items?.[1]).toEqual({ name: 'Bản sao giấy chứng tử', originals: null, copies: 1, form: null });
    const empty = FLAT.replace(
      /## Thành phần hồ sơ\n.*\n/,
      '## Thành phần hồ sơ\n| Tên giấy tờ | Bản chính | Bản sao | Tệp đính kèm |\n| --- | --- | --- | --- |\n',
    );
    const parsed = parseRecord('1_001731.md', empty);
    expect(parsed.record?.documents).toEqual([]);
    expect(parsed.problems.list.map((p) => p.kind)).toContain('empty-table');
  });
});
