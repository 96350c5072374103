import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { danhGiaPayload, dongBoHoSoPayload } from '../../../server/forwarding/dossier-payloads.js';
import { hallFiguresPayload } from '../../../server/forwarding/hall-figures.js';
import { checkShape, dossierCodeProblems } from '../../../server/forwarding/province-checks.js';
import { fromVnStamp, toVnStamp } from '../../../server/forwarding/province-shapes.js';
import { DAY, Hall } from '../../helpers/core-fixtures.js';
import { dossier, figures, progress, rating } from './province-fixtures.js';

describe('toVnStamp / fromVnStamp', () => {
  it('writes the local time in Asia/Ho_Chi_Minh, seven hours ahead of UTC', () => {
    expect(toVnStamp(Date.UTC(2025, 6, 2, 2, 15, 7))).toBe('20250702091507');
    // 17:00 UTC on 31 December is already New Year's Day in Vietnam.
    expect(toVnStamp(Date.UTC(2025, 11, 31, 17, 0, 0))).toBe('20260101000000');
    expect(toVnStamp(Date.UTC(2024, 1, 29, 16, 59, 59))).toBe('20240229235959');
  });

  it('reads back what it writes, to the second, on any day of the year (no daylight saving)', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 86_400_000 / 3 + 7_001) {
      const whole = Math.floor(t / 1000) * 1000;
      expect(fromVnStamp(toVnStamp(whole))).toBe(whole);
    }
  });

  it('refuses stamps of the wrong shape and dates that cannot exist', () => {
    for (const bad of ['', '2025070209150', '202507020915071', '2025-07-02 09:15', '2025070209150x', ' 20250702091507']) {
      expect(fromVnStamp(bad), bad).toBeNull();
    }
    for (const impossible of [
      '20250230090000',
      '20250431090000',
      '20230229000000',
      '20251301000000',
      '20250001000000',
      '20250700000000',
      '20250702240000',
      '20250702096000',
      '20250702090060',
    ]) {
      expect(fromVnStamp(impossible), impossible).toBeNull();
    }
    expect(fromVnStamp('20240229000000')).toBe(Date.UTC(2024, 1, 28, 17));
  });

  it('refuses to write a time that has no stamp', () => {
    expect(() => toVnStamp(Number.NaN)).toThrow(RangeError);
    expect(() => toVnStamp(Date.UTC(10000, 0, 1))).toThrow(RangeError);
  });
});

describe('checkShape', () => {
  it('accepts well-formed items of every operation', () => {
    expect(checkShape('DongBoHoSoMC', dossier())).toEqual([]);
    expect(checkShape('DongBoHoSoMC', dossier(undefined, { SoDinhDanh: undefined, SoCMND: '025123456' }))).toEqual([]);
    expect(checkShape('CapNhatTienDoHoSoMC', progress())).toEqual([]);
    expect(checkShape('DanhGia', rating())).toEqual([]);
    expect(checkShape('SoLieuXepHang', figures())).toEqual([]);
  });

  it('accepts what the hub really builds for a dossier, a rating and a day’s figures', () => {
    const record = {
      code: '000.00.31.H38-260302-0007',
      receivedAt: Date.UTC(2026, 2, 2, 2, 0),
      appointmentAt: Date.UTC(2026, 2, 4, 9, 0),
      procedure: { code: '1.001193', name: 'Đăng ký khai sinh', fieldName: 'Hộ tịch' },
      workingDays: 2,
      applicant: { name: 'Lê Văn Tám', idNumber: '025123456', address: null, phone: null, email: 'tam@example.vn' },
      documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
      dossierSets: 1,
      channel: 1 as const,
      resultDelivery: 'buu-chinh' as const,
      agencyCode: '000.00.31.H38',
      officerName: null,
      secret: '123456',
    };
    expect(checkShape('DongBoHoSoMC', dongBoHoSoPayload(record))).toEqual([]);
    const r = danhGiaPayload({
      at: record.receivedAt,
      ticketNumber: 'A007',
      dossierCode: record.code,
      counterId: 'c1',
      officerId: null,
      queueId: 'ho-tich',
      scaleId: 'ba-muc',
      answers: { 'tong-the': 'hai-long' },
      levelId: 'hai-long',
      reasonId: null,
      agencyCode: record.agencyCode,
    });
    expect(checkShape('DanhGia', r)).toEqual([]);
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.issue('ho-tich');
    hall.advance(12);
    hall.do(callNext, { counterId: 'c1' }, lan);
    expect(
      checkShape(
        'SoLieuXepHang',
        hallFiguresPayload(DAY, hall.state.tickets.values(), ['ho-tich', 'dat-dai'], '000.00.31.H38', hall.now),
      ),
    ).toEqual([]);
  });

  it('names every problem with its path', () => {
    const bad = {
      ...dossier(),
      MaHoSo: '000.00.00.H38-250702-001',
      KenhThucHien: 4,
      NgayTiepNhan: '2025-07-02',
      extra: 1,
    } as unknown;
    const paths = checkShape('DongBoHoSoMC', bad).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/MaHoSo', '/KenhThucHien', '/NgayTiepNhan', '/extra']));
    expect(checkShape('DongBoHoSoMC', null)).not.toEqual([]);
    expect(checkShape('DongBoHoSoMC', 'garbage')).not.toEqual([]);
    expect(checkShape('CapNhatTienDoHoSoMC', { ...progress(), TrangThaiHoSo: 11 }).map((p) => p.path)).toEqual([
      '/TrangThaiHoSo',
    ]);
    expect(
      checkShape('SoLieuXepHang', figures('20250702', { HangDoi: [{ ...figures().HangDoi[0]!, SoPhieuCap: -1 }] })).map(
        (p) => p.path,
      ),
    ).toEqual(['/HangDoi/0/SoPhieuCap']);
  });

  it('refuses what the schema cannot see: dates that do not exist, two identity numbers or none, an appointment before receipt, a rating about nothing', () => {
    const paths = (name: Parameters<typeof checkShape>[0], v: unknown) => checkShape(name, v).map((p) => p.path);
    expect(paths('DongBoHoSoMC', dossier(undefined, { NgayHenTra: '20250231120000' }))).toEqual(['/NgayHenTra']);
    expect(paths('DongBoHoSoMC', dossier('000.00.00.H38-250231-0001'))).toEqual(['/MaHoSo']);
    expect(paths('DongBoHoSoMC', dossier(undefined, { SoCMND: '025123456' }))).toEqual(['/SoDinhDanh']);
    expect(paths('DongBoHoSoMC', dossier(undefined, { SoDinhDanh: undefined }))).toEqual(['/SoDinhDanh']);
    expect(paths('DongBoHoSoMC', dossier(undefined, { NgayHenTra: '20250701090000' }))).toEqual(['/NgayHenTra']);
    expect(paths('DanhGia', rating({ MaHoSo: null, SoThuTu: null }))).toEqual(['/MaHoSo']);
    expect(paths('SoLieuXepHang', figures('20250230'))).toEqual(expect.arrayContaining(['/Ngay']));
  });

  it('reads a look-up code for its shape and its date', () => {
    expect(dossierCodeProblems('000.00.00.H38-250702-0001')).toEqual([]);
    expect(dossierCodeProblems('000.00.00.H38-250230-0001')).toHaveLength(1);
    expect(dossierCodeProblems("000.00.00.H38-250702-0001' OR 1=1")).toHaveLength(1);
    expect(dossierCodeProblems(undefined)).toHaveLength(1);
  });
});
