import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Nullable } from '../../common/contract/nullable.js';
import { DOSSIER_CODE_FORMATS } from '../../common/dossier/dossier-code.js';
import { VN_OFFSET_MS, vnParts } from '../../common/time/vn-time.js';

/**
 * What travels between the hub and the province's one-stop system, with the national integration's
 * Vietnamese field names (DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo) kept as they are, so a real
 * province endpoint can be put behind the same client. The reference province system validates with
 * these same schemas, so hub and reference cannot drift apart. Dates are 'yyyyMMddHHmmss' in
 * Asia/Ho_Chi_Minh, as the national integration writes them.
 */

const STAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** 'yyyyMMddHHmmss' in Asia/Ho_Chi_Minh (UTC+7 all year: Vietnam has no daylight saving). */
export function toVnStamp(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`not a time: ${epochMs}`);
  const p = vnParts(epochMs);
  if (p.year < 1000 || p.year > 9999) throw new RangeError(`year ${p.year} does not fit a yyyyMMddHHmmss stamp`);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}${two(p.month)}${two(p.day)}${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

/** The instant a stamp names, or null for a wrong shape or a date that cannot exist (30 February, 24:00). */
export function fromVnStamp(stamp: string): number | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 31 April over into 1 May: a date that does not come back unchanged never existed.
  if (new Date(local).getUTCDate() !== d) return null;
  return local - VN_OFFSET_MS;
}

const Stamp = Type.String({ pattern: STAMP.source, description: 'yyyyMMddHHmmss, Asia/Ho_Chi_Minh' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Count = Type.Integer({ minimum: 0 });
/** The key the hub sends with every item (also as the Idempotency-Key header): a repeat is "đã tồn tại". */
const SyncKey = Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Idempotency key' }));

// Every code format in force (they are data, with the circular that set them), as one pattern.
const codeFormats = DOSSIER_CODE_FORMATS.map((f) => f.pattern.source.replace(/^\^/, '').replace(/\$$/, ''));

export const MaHoSo = Type.String({
  pattern: `^(?:${codeFormats.join('|')})$`,
  maxLength: 64,
  description: 'Dossier code (Thông tư 01/2018/TT-VPCP: 25 characters)',
});

export const TrangThaiHoSo = Type.Integer({ minimum: 1, maximum: 10, description: 'National status code 1-10' });

/** Push a received dossier: the national DongBoHoSoMC operation. */
export const DongBoHoSoMC = Type.Object(
  {
    MaHoSo,
    MaTTHC: Text(64),
    TenTTHC: Text(1000),
    MaLinhVuc: Nullable(Type.String({ maxLength: 64 })),
    TenLinhVuc: Nullable(Type.String({ maxLength: 500 })),
    KenhThucHien: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], {
      description: '1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích',
    }),
    ChuHoSo: Text(200),
    SoDinhDanh: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: 'Personal identification number' })),
    SoCMND: Type.Optional(Type.String({ pattern: '^\\d{9}$', description: 'Old 9-digit identity card' })),
    DiaChi: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    SoDienThoai: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+][0-9 .()-]{2,19}$' }))),
    Email: Type.Optional(Nullable(Type.String({ pattern: '^[^\\s@]+@[^\\s@]+$', maxLength: 254 }))),
    NgayTiepNhan: Stamp,
    NgayHenTra: Stamp,
    TrangThaiHoSo,
    HinhThucTraKetQua: Type.Union([Type.Literal(0), Type.Literal(1)], { description: '0 tại bộ phận, 1 bưu chính công ích' }),
    MaDonVi: Text(64),
    DanhSachGiayTo: Type.Array(
      Type.Object({ TenGiayTo: Text(1000), SoBanChinh: Count, SoBanSao: Count }, { additionalProperties: false }),
      { maxItems: 200 },
    ),
    SoLuongHoSo: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    CanBoTiepNhan: Nullable(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type DongBoHoSoMC = Static<typeof DongBoHoSoMC>;

/** Push a step in a dossier's handling: the national CapNhatTienDoHoSoMC operation. */
export const CapNhatTienDoHoSoMC = Type.Object(
  {
    MaHoSo,
    TrangThaiHoSo,
    NgayXuLy: Stamp,
    NoiDungXuLy: Type.String({ maxLength: 2000 }),
    NguoiXuLy: Nullable(Type.String({ maxLength: 200 })),
    NgayHenTra: Type.Optional(Stamp),
  },
  { additionalProperties: false },
);
export type CapNhatTienDoHoSoMC = Static<typeof CapNhatTienDoHoSoMC>;

/** The answer to a look-up by code: the national TraCuuHoSo operation (status and dates only). */
export const TraCuuHoSo = Type.Object({
  MaHoSo,
  TrangThaiHoSo,
  NgayTiepNhan: Stamp,
  NgayHenTra: Stamp,
  NgayCoKetQua: Type.Optional(Nullable(Stamp)),
  NgayTraKetQua: Type.Optional(Nullable(Stamp)),
});
export type TraCuuHoSo = Static<typeof TraCuuHoSo>;

/**
 * Push a citizen's rating of a service (DanhGia): about a dossier when one was received for the
 * ticket, else about the ticket number; the scale and level ids are the hub's survey scale data.
 */
export const DanhGia = Type.Object(
  {
    MaHoSo: Type.Optional(Nullable(MaHoSo)),
    SoThuTu: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 16 }))),
    MaDonVi: Type.Optional(Text(64)),
    MaQuay: Text(64),
    MaCanBo: Nullable(Type.String({ maxLength: 64 })),
    MaLinhVuc: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    MaHangDoi: Text(64),
    ThangDanhGia: Text(64),
    MucDo: Text(64),
    CacTieuChi: Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Text(64)),
    LyDo: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    NgayDanhGia: Stamp,
    MaDongBo: SyncKey,
  },
  { additionalProperties: false },
);
export type DanhGia = Static<typeof DanhGia>;

/** A day's figures per queue of the hall (SoLieuXepHang); waits in seconds, null when nobody was called. */
export const SoLieuXepHang = Type.Object(
  {
    Ngay: Type.String({ pattern: '^\\d{8}$', description: 'yyyyMMdd, the service day' }),
    MaDonVi: Text(64),
    ThoiDiemChot: Type.Optional(Stamp),
    HangDoi: Type.Array(
      Type.Object(
        {
          MaHangDoi: Text(64),
          TenHangDoi: Type.Optional(Type.String({ maxLength: 200 })),
          SoPhieuCap: Count,
          SoDaPhucVu: Count,
          SoVangMat: Count,
          ThoiGianChoTrungBinhGiay: Nullable(Count),
          ThoiGianChoP90Giay: Nullable(Count),
          TyLeChoQua30Phut: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Share, 0-1' })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    MaDongBo: SyncKey,
  },
  { additionalProperties: false },
);
export type SoLieuXepHang = Static<typeof SoLieuXepHang>;

/** The province's answers: `{ok: true, data?}`, or a refusal with a code and a reason in both languages. */
export const ProvinceAck = Type.Object({ ok: Type.Literal(true), data: Type.Optional(Type.Unknown()) });
export const ProvinceRefusal = Type.Object({
  ok: Type.Literal(false),
  code: Type.String({ minLength: 1 }),
  message: Type.String({ description: 'Vietnamese' }),
  messageEn: Type.Optional(Type.String()),
  details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});
export type ProvinceRefusal = Static<typeof ProvinceRefusal>;

/** The refusal code for an item the province already holds ("đã tồn tại"): the hub counts it as done. */
export const ALREADY_EXISTS = 'DA_TON_TAI';
/** The refusal code of a look-up for a dossier the province does not hold. */
export const NOT_FOUND = 'KHONG_TIM_THAY';

export type ShapeName = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC' | 'TraCuuHoSo' | 'DanhGia' | 'SoLieuXepHang';
export const SHAPES: { readonly [K in ShapeName]: TSchema } = {
  DongBoHoSoMC,
  CapNhatTienDoHoSoMC,
  TraCuuHoSo,
  DanhGia,
  SoLieuXepHang,
};
