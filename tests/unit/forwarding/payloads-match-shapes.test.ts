import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import type { DossierRecord } from '../../../common/dossier/dossier-record.js';
import { danhGiaPayload, dongBoHoSoPayload } from '../../../server/forwarding/dossier-payloads.js';
import { hallFiguresPayload } from '../../../server/forwarding/hall-figures.js';
import { DanhGia, DongBoHoSoMC, SoLieuXepHang } from '../../../server/forwarding/province-shapes.js';

const T = Date.parse('2026-11-23T09:00:00+07:00');
const record = (over: Partial<DossierRecord> = {}): DossierRecord => ({
  code: '000.00.31.H38-261123-0001',
  receivedAt: T,
  appointmentAt: T + 3 * 86_400_000,
  procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', fieldName: 'Hộ tịch' },
  workingDays: 3,
  applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234', address: null, phone: '0912345678', email: null },
  documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
  dossierSets: 1,
  channel: 1,
  resultDelivery: 'tai-bo-phan',
  agencyCode: '000.00.31.H38',
  officerName: 'Nguyễn Thị Lan',
  secret: '123456',
  ...over,
});

/** What the outbox stores must be what the province system's schema accepts, or it would be refused for ever. */
describe('outbox payloads match the province shapes', () => {
  it('DongBoHoSoMC, with a 12-digit ID and with a 9-digit CMND', () => {
    for (const r of [record(), record({ applicant: { ...record().applicant, idNumber: '123456789', email: 'an@example.vn' } })]) {
      const payload = dongBoHoSoPayload(r);
      expect([...Value.Errors(DongBoHoSoMC, payload)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
    }
  });

  it('DanhGia, with and without a dossier', () => {
    for (const dossierCode of [null, '000.00.31.H38-261123-0001']) {
      const payload = danhGiaPayload({
        at: T,
        ticketNumber: 'A001',
        dossierCode,
        counterId: 'quay-1',
        officerId: 'canbo1',
        queueId: 'ho-tich-chung-thuc',
        scaleId: 'theo-ho-so-3-muc',
        answers: { 'giai-quyet-tthc': 'hai-long' },
        levelId: 'hai-long',
        reasonId: null,
        agencyCode: '000.00.31.H38',
      });
      expect([...Value.Errors(DanhGia, payload)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
    }
  });

  it('SoLieuXepHang', () => {
    const payload = hallFiguresPayload('2026-11-23', [], ['ho-tich-chung-thuc'], '000.00.31.H38', T);
    expect([...Value.Errors(SoLieuXepHang, payload)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
  });
});
