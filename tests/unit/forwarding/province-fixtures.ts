import type { CapNhatTienDoHoSoMC, DanhGia, DongBoHoSoMC, SoLieuXepHang } from '../../../server/forwarding/province-shapes.js';

/** Items as the hub sends them, for the client's and the reference province system's tests. */
export function dossier(code = '000.00.00.H38-250702-0001', over: Partial<DongBoHoSoMC> = {}): DongBoHoSoMC {
  return {
    MaHoSo: code,
    MaTTHC: '1.001193',
    TenTTHC: 'Đăng ký khai sinh',
    MaLinhVuc: null,
    TenLinhVuc: 'Hộ tịch',
    KenhThucHien: 1,
    ChuHoSo: 'Nguyễn Thị Hoà',
    SoDinhDanh: '079203001234',
    DiaChi: 'Số 5, đường Lê Lợi, phường Bến Thành',
    SoDienThoai: '0903123456',
    Email: null,
    NgayTiepNhan: '20250702091500',
    NgayHenTra: '20250704163000',
    TrangThaiHoSo: 2,
    HinhThucTraKetQua: 0,
    MaDonVi: '000.00.00.H38',
    DanhSachGiayTo: [
      { TenGiayTo: 'Tờ khai đăng ký khai sinh', SoBanChinh: 1, SoBanSao: 0 },
      { TenGiayTo: 'Giấy chứng sinh', SoBanChinh: 1, SoBanSao: 0 },
    ],
    SoLuongHoSo: 1,
    CanBoTiepNhan: 'Trần Văn Bình',
    ...over,
  };
}

export function progress(
  code = '000.00.00.H38-250702-0001',
  status = 4,
  over: Partial<CapNhatTienDoHoSoMC> = {},
): CapNhatTienDoHoSoMC {
  return {
    MaHoSo: code,
    TrangThaiHoSo: status,
    NgayXuLy: '20250702100000',
    NoiDungXuLy: 'Chuyển phòng Tư pháp xử lý',
    NguoiXuLy: 'Trần Văn Bình',
    ...over,
  };
}

export function rating(over: Partial<DanhGia> = {}): DanhGia {
  return {
    MaHoSo: null,
    SoThuTu: 'A001',
    MaDonVi: '000.00.00.H38',
    MaQuay: 'quay-1',
    MaCanBo: 'binh.tv',
    MaHangDoi: 'ho-tich',
    ThangDanhGia: 'ba-muc-2025',
    MucDo: 'hai-long',
    CacTieuChi: { 'tong-the': 'hai-long' },
    LyDo: null,
    NgayDanhGia: '20250702093000',
    ...over,
  };
}

export function figures(day = '20250702', over: Partial<SoLieuXepHang> = {}): SoLieuXepHang {
  return {
    Ngay: day,
    MaDonVi: '000.00.00.H38',
    ThoiDiemChot: `${day}235900`,
    HangDoi: [
      {
        MaHangDoi: 'ho-tich',
        SoPhieuCap: 40,
        SoDaPhucVu: 36,
        SoVangMat: 3,
        ThoiGianChoTrungBinhGiay: 540,
        ThoiGianChoP90Giay: 1500,
        TyLeChoQua30Phut: 0.05,
      },
      {
        MaHangDoi: 'dat-dai',
        SoPhieuCap: 0,
        SoDaPhucVu: 0,
        SoVangMat: 0,
        ThoiGianChoTrungBinhGiay: null,
        ThoiGianChoP90Giay: null,
        TyLeChoQua30Phut: null,
      },
    ],
    ...over,
  };
}
