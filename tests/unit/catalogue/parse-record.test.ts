import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../server/catalogue/parse-record.js';

/** A record as the portal export writes them, with the oddities the real files have. */
const RECORD = `# Thủ tục đăng ký khai sinh

## Thông tin chung

* **Mã thủ tục:** 1.001193
* **Số quyết định:** 163/QĐ-BTP
* **Cấp thực hiện:** Cấp xã, Cấp tỉnh
* **Loại thủ tục:** TTHC được luật giao quy định chi tiết
* **Lĩnh vực:** ${'Hộ tịch'.normalize('NFD')}
* **Đối tượng thực hiện:** Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)
* **Cơ quan có thẩm quyền:** Không có thông tin
* **Địa chỉ tiếp nhận HS:** "- Trực tiếp tại Trung tâm Phục vụ hành chính công
- Trung tâm Phục vụ hành chính công các xã, phường"
* **Cơ quan phối hợp:** Không có thông tin

## Trình tự thực hiện

1. **Bước 1:** Người yêu cầu nộp hồ sơ.
   Nộp lệ phí nếu có.
   Bước 2: Công chức\u00a0tư pháp thẩm tra hồ sơ.
   Bước 3: Trả kết quả.

## Cách thức thực hiện

| Hình thức nộp | Thời gian giải quyết | Phí, lệ phí | Mô tả |
| --- | --- | --- | --- |
| Trực tiếp | 1 ngày | Lệ phí: 8.000 đồng | Không có thông tin |
| Trực tuyến | Theo mô tả ngày | Không có thông tin | Nộp qua Cổng \\| Dịch vụ công |
| Dịch vụ bưu chính | 3 ngày làm việc | Không có thông tin | Không có thông tin |
| Qua fax | 1 ngày | Không có thông tin | Không có thông tin |

## Thành phần hồ sơ

### * Giấy tờ phải nộp:

| Tên giấy tờ | Bản chính | Bản sao | Tệp đính kèm |
| --- | --- | --- | --- |
| - Tờ khai đăng ký khai sinh | 1 | 0 | [Mẫu 01.docx](file:///C:/Users/x/Mau%2001.docx) |
| Giấy chứng sinh, hoặc văn bản
 của người làm chứng | 1 | 0 | Không có |

### * Giấy tờ phải xuất trình:

| Tên giấy tờ | Bản chính | Bản sao | Tệp đính kèm |
| --- | --- | --- | --- |
| Giấy tờ tùy thân | 1 | 0 | Không có |
| - Giấy tờ phải nộp: | 0 | 0 | Không có |
| Văn bản ủy quyền | một | 1 | Không có |

### Trường hợp 1

| Tên giấy tờ | Bản chính | Bản sao | Tệp đính kèm |
| --- | --- | --- | --- |
| Quyết định | 0 | 1 | Không có |

## Căn cứ pháp lý

| Tên văn bản pháp lý | Mã văn bản |
| --- | --- |
| Luật Hộ tịch | 60/2014/QH13 |
| Nghị định hướng dẫn | Không có thông tin |

## Cơ quan thực hiện

Không có thông tin

## Yêu cầu, điều kiện thực hiện

Không có thông tin

## Kết quả xử lý

* Giấy khai sinh (Mã: \`KQ.G15.000031\`)

## Từ khóa

khai sinh; giấy khai sinh, khai sinh

## Mô tả

Không có thông tin
`;

describe('parseRecord', () => {
  const { record, problems } = parseRecord('1_001193.md', RECORD);

  it('reads the general information, NFC and without "Không có thông tin"', () => {
    expect(record?.code).toBe('1.001193');
    expect(record?.title).toBe('Thủ tục đăng ký khai sinh');
    expect(record?.general).toEqual({
      code: '1.001193',
      decisionNumber: '163/QĐ-BTP',
      levels: ['Cấp xã', 'Cấp tỉnh'],
      procedureType: 'TTHC được luật giao quy định chi tiết',
      field: 'Hộ tịch',
      subjects: ['Công dân Việt Nam', 'Tổ chức (không bao gồm doanh nghiệp, HTX)'],
      competentAgency: null,
      submissionAddress: '- Trực tiếp tại Trung tâm Phục vụ hành chính công\n- Trung tâm Phục vụ hành chính công các xã, phường',
    });
  });

  it('splits one list item holding "Bước N" lines into steps', () => {
    expect(record?.steps).toEqual([
      'Bước 1: Người yêu cầu nộp hồ sơ.\nNộp lệ phí nếu có.',
      'Bước 2: Công chức tư pháp thẩm tra hồ sơ.',
      'Bước 3: Trả kết quả.',
    ]);
  });

  it('reads channels with times as written and as numbers, and reports an unknown channel', () => {
    expect(record?.channels).toEqual([
      {
        channel: 'truc-tiep',
        label: 'Trực tiếp',
        processingTime: '1 ngày',
        workingDays: null,
        days: 1,
        fees: 'Lệ phí: 8.000 đồng',
        description: null,
      },
      {
        channel: 'truc-tuyen',
        label: 'Trực tuyến',
        processingTime: 'Theo mô tả',
        workingDays: null,
        days: null,
        fees: null,
        description: 'Nộp qua Cổng | Dịch vụ công',
      },
      {
        channel: 'buu-chinh',
        label: 'Dịch vụ bưu chính',
        processingTime: '3 ngày làm việc',
        workingDays: 3,
        days: null,
        fees: null,
        description: null,
      },
    ]);
    expect(problems.list).toContainEqual(
      expect.objectContaining({ kind: 'unknown-channel', code: '1.001193', section: '## Cách thức thực hiện' }),
    );
  });

  it('groups documents by headings and by group rows, joins wrapped cells, keeps only the form name of a link', () => {
    expect(record?.documents).toEqual([
      {
        group: 'nop',
        items: [
          { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'Mẫu 01.docx' },
          { name: 'Giấy chứng sinh, hoặc văn bản của người làm chứng', originals: 1, copies: 0, form: null },
          { name: 'Văn bản ủy quyền', originals: null, copies: 1, form: null },
        ],
      },
      { group: 'xuat-trinh', items: [{ name: 'Giấy tờ tùy thân', originals: 1, copies: 0, form: null }] },
      { group: 'Trường hợp 1', items: [{ name: 'Quyết định', originals: 0, copies: 1, form: null }] },
    ]);
    expect(problems.list).toContainEqual(
      expect.objectContaining({ kind: 'table-row', problem: '"một" is not a number of copies' }),
    );
  });

  it('reads legal basis, result, keywords; "Không có thông tin" sections are empty', () => {
    expect(record?.legalBasis).toEqual([
      { title: 'Luật Hộ tịch', code: '60/2014/QH13' },
      { title: 'Nghị định hướng dẫn', code: null },
    ]);
    expect(record?.result).toBe('Giấy khai sinh');
    expect(record?.keywords).toEqual(['khai sinh', 'giấy khai sinh']);
    expect([record?.agency, record?.conditions, record?.description]).toEqual([null, null, null]);
  });

  it('reports nothing else', () => {
    expect(problems.list.map((p) => p.kind).sort()).toEqual(['table-row', 'unknown-channel']);
  });
});
