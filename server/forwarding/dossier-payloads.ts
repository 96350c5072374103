import type { DossierRecord } from '../../common/dossier/dossier-record.js';
import { toVnStamp as vnStamp } from './province-shapes.js';

/**
 * A received dossier as the province system takes it (DongBoHoSoMC): status 2, Được tiếp nhận.
 * The outbox stores this payload, so what is sent is exactly what was owed at the time of receipt.
 */
export function dongBoHoSoPayload(r: DossierRecord): Record<string, unknown> {
  const id = r.applicant.idNumber;
  return {
    MaHoSo: r.code,
    MaTTHC: r.procedure.code,
    TenTTHC: r.procedure.name,
    MaLinhVuc: null,
    TenLinhVuc: r.procedure.fieldName,
    KenhThucHien: r.channel,
    ChuHoSo: r.applicant.name,
    ...(id.length === 12 ? { SoDinhDanh: id } : { SoCMND: id }),
    DiaChi: r.applicant.address,
    SoDienThoai: r.applicant.phone,
    Email: r.applicant.email,
    NgayTiepNhan: vnStamp(r.receivedAt),
    NgayHenTra: vnStamp(r.appointmentAt),
    TrangThaiHoSo: 2,
    HinhThucTraKetQua: r.resultDelivery === 'buu-chinh' ? 1 : 0,
    MaDonVi: r.agencyCode,
    DanhSachGiayTo: r.documents.map((d) => ({ TenGiayTo: d.name, SoBanChinh: d.originals, SoBanSao: d.copies })),
    SoLuongHoSo: r.dossierSets,
    CanBoTiepNhan: r.officerName,
  };
}

/**
 * A citizen's rating as the province system takes it (DanhGia): tied to the dossier when one was
 * received for the ticket, else to the ticket number; the scale it was given on travels with it.
 */
export function danhGiaPayload(r: {
  at: number;
  ticketNumber: string | null;
  dossierCode: string | null;
  counterId: string;
  officerId: string | null;
  queueId: string;
  scaleId: string;
  answers: Readonly<Record<string, string>>;
  levelId: string;
  reasonId: string | null;
  agencyCode: string;
}): Record<string, unknown> {
  return {
    MaHoSo: r.dossierCode,
    SoThuTu: r.ticketNumber,
    MaDonVi: r.agencyCode,
    MaQuay: r.counterId,
    MaCanBo: r.officerId,
    MaHangDoi: r.queueId,
    ThangDanhGia: r.scaleId,
    MucDo: r.levelId,
    CacTieuChi: { ...r.answers },
    LyDo: r.reasonId,
    NgayDanhGia: vnStamp(r.at),
  };
}

/** The outbox's stream for a dossier: its progress items queue behind it, in order. */
export const dossierStream = (code: string) => `dossier:${code}`;
