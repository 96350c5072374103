import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { ProcedureSchema } from '../../../common/catalogue/procedure-schema.js';
import { fromPortalJson, type PortalProcedure } from '../../../server/catalogue/from-portal-json.js';

/** A LayThuTuc answer as integrations of the national portal receive it (hand-made, values abridged). */
const SAMPLE: PortalProcedure = {
  MATTHC: '1.001193',
  TENTTHC: 'Thủ tục đăng ký khai sinh',
  LOAITTHC: '1',
  MOTADOITUONGTHUCHIEN: 'Công dân Việt Nam',
  DIACHITIEPNHAN: 'Trung tâm Phục vụ hành chính công cấp xã',
  YEUCAU: 'Không có thông tin',
  TUKHOA: 'khai sinh; giấy khai sinh',
  CAPTHUCHIEN: [{ CAPTHUCHIEN: '3', TENCAP: 'Cấp xã' }],
  LINHVUCTHUCHIEN: [{ MALINHVUC: 'G15-HT', TENLINHVUC: 'Hộ tịch' }],
  DOITUONGTHUCHIEN: [
    { MADOITUONG: '1', TENDOITUONG: 'Công dân Việt Nam' },
    { TENDOITUONG: 'Người Việt Nam định cư ở nước ngoài' },
  ],
  CACHTHUCTHUCHIEN: [
    {
      KENH: 1,
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: 1,
          DONVITINH: 'Ngày làm việc',
          MOTA: '',
          PHILEPHI: [{ MAPHILEPHI: 'LP', SOTIEN: '8000', DONVI: 'Đồng', MOTA: 'Lệ phí' }],
        },
      ],
    },
    { KENH: '2', THOIGIAN: [{ THOIGIANGIAIQUYET: '1', DONVITINH: 'Ngày', MOTA: 'Nộp trên Cổng Dịch vụ công quốc gia' }] },
    { KENH: 3 },
    { KENH: 9 },
  ],
  THANHPHANHOSO: [
    {
      TRUONGHOP: '',
      GIAYTO: [{ TENGIAYTO: 'Tờ khai đăng ký khai sinh', SOBANCHINH: '1', SOBANSAO: '0', TENMAUDON: 'Mau01.docx' }],
    },
    { TRUONGHOP: 'Giấy tờ phải xuất trình', GIAYTO: [{ TENGIAYTO: 'Giấy tờ tùy thân', SOBANCHINH: 1, SOBANSAO: 0 }] },
  ],
  TRINHTUTHUCHIEN: [
    { TRUONGHOP: 'Trực tiếp', TRINHTU: [{ TENTRINHTU: 'Bước 1: Nộp hồ sơ' }, { TENTRINHTU: 'Bước 2: Nhận kết quả' }] },
  ],
  KETQUATHUCHIEN: [{ MAKETQUA: 'KQ.G15.000031', TENKETQUA: 'Giấy khai sinh' }],
  CANCUPHAPLY: [{ SOVANBAN: '60/2014/QH13', TENVANBAN: 'Luật Hộ tịch' }, { SOVANBAN: '123/2015/NĐ-CP' }],
  COQUANTHUCHIEN: [{ MADONVI: 'X', TENDONVI: 'Ủy ban nhân dân cấp xã' }],
};

describe('fromPortalJson', () => {
  const p = fromPortalJson(SAMPLE);

  it('gives a valid catalogue model', () => {
    expect([...Value.Errors(ProcedureSchema, p)]).toEqual([]);
  });

  it('maps the upper-case keys to the same model the Markdown records give', () => {
    expect(p).toMatchObject({
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      levels: ['Cấp xã'],
      communeLevel: true,
      subjects: ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
      implementingAgency: 'Ủy ban nhân dân cấp xã',
      submissionAddress: 'Trung tâm Phục vụ hành chính công cấp xã',
      conditions: null,
      keywords: ['khai sinh', 'giấy khai sinh'],
      result: 'Giấy khai sinh',
      steps: ['Trực tiếp\nBước 1: Nộp hồ sơ', 'Bước 2: Nhận kết quả'],
      legalBasis: [
        { title: 'Luật Hộ tịch', code: '60/2014/QH13' },
        { title: '123/2015/NĐ-CP', code: '123/2015/NĐ-CP' },
      ],
    });
    expect(p.channels).toEqual([
      {
        channel: 'truc-tiep',
        label: 'Trực tiếp',
        processingTime: '1 ngày làm việc',
        workingDays: 1,
        days: null,
        fees: '8000 Đồng Lệ phí',
        description: null,
      },
      {
        channel: 'truc-tuyen',
        label: 'Trực tuyến',
        processingTime: '1 ngày',
        workingDays: null,
        days: 1,
        fees: null,
        description: 'Nộp trên Cổng Dịch vụ công quốc gia',
      },
      {
        channel: 'buu-chinh',
        label: 'Dịch vụ bưu chính',
        processingTime: null,
        workingDays: null,
        days: null,
        fees: null,
        description: null,
      },
    ]);
    expect(p.documents).toEqual([
      { group: 'nop', items: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'Mau01.docx' }] },
      { group: 'xuat-trinh', items: [{ name: 'Giấy tờ tùy thân', originals: 1, copies: 0, form: null }] },
    ]);
  });

  it('accepts MaTTHC too, and refuses an object without code or name', () => {
    expect(fromPortalJson({ MaTTHC: '2.000001', TENTTHC: 'X' }).code).toBe('2.000001');
    expect(() => fromPortalJson({ TENTTHC: 'X' })).toThrow(/MATTHC/);
  });
});
