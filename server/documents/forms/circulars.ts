/**
 * The circulars that annex the one-stop forms, with the day each took effect. A form layout names
 * one of these; a new circular is a new entry here and a new version in each form's file.
 *
 * - Thông tư 01/2018/TT-VPCP (23/11/2018, guiding Nghị định 61/2018/NĐ-CP), in force from
 *   08/01/2019: Mẫu số 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả, 02 Phiếu yêu cầu bổ sung, hoàn
 *   thiện hồ sơ, 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ, 04 Phiếu xin lỗi và hẹn lại ngày trả
 *   kết quả, 05 Phiếu kiểm soát quá trình giải quyết hồ sơ, 06 Sổ theo dõi hồ sơ.
 * - Thông tư 03/2025/TT-VPCP (15/9/2025, guiding Nghị định 118/2025/NĐ-CP), Phụ lục I, from
 *   15/9/2025: keeps 01, 02 and 03 under the same titles (04 becomes Văn bản xin lỗi và đề nghị gia
 *   hạn thời gian giải quyết, 05 Thông báo dừng giải quyết hồ sơ, 06 Phiếu kiểm soát, 07 Sổ theo dõi).
 */
export interface Circular {
  readonly name: string;
  readonly annex: string;
  readonly effectiveFrom: string;
}

export const TT_01_2018: Circular = { name: 'Thông tư 01/2018/TT-VPCP', annex: 'Phụ lục', effectiveFrom: '2019-01-08' };
export const TT_03_2025: Circular = { name: 'Thông tư 03/2025/TT-VPCP', annex: 'Phụ lục I', effectiveFrom: '2025-09-15' };

export const legalBasisOf = (c: Circular, formNumber: string): string => `${c.name}, ${c.annex}, ${formNumber}`;
