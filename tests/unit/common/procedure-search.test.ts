import { beforeAll, describe, expect, it } from 'vitest';
import { ProcedureSearch } from '../../../common/search/procedure-search.js';
import { importCatalogueFromDir } from '../../../server/catalogue/import-from-dir.js';
import { sharedDataPath } from '../../helpers/shared-data.js';

/**
 * Search over the real catalogue (5,607 procedures): what citizens type at a commune's kiosk, with
 * the procedure they mean. Codes looked up in ../shared/data/procedures.
 */
const CITIZEN_QUERIES: readonly [query: string, code: string, what: string][] = [
  ['dang ky khai sinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
  ['khai sinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
  ['giấy khai sinh', '1.001193', 'Thủ tục đăng ký khai sinh'],
  ['đăng ký kết hôn', '1.000894', 'Thủ tục đăng ký kết hôn'],
  ['ket hon', '1.000894', 'Thủ tục đăng ký kết hôn'],
  ['khai tu', '1.000656', 'Thủ tục đăng ký khai tử'],
  ['dang ky lai khai sinh', '1.004884', 'Thủ tục đăng ký lại khai sinh'],
  ['cap doi can cuoc', '1.014063', 'Cấp đổi thẻ căn cước'],
  ['cấp lại thẻ căn cước', '1.014064', 'Cấp lại thẻ căn cước'],
  ['lam cccd', '1.014063', 'Cấp đổi thẻ căn cước'],
  ['đăng ký thường trú', '1.004222', 'Đăng ký thường trú'],
  ['dang ky tam tru', '1.004194', 'Đăng ký tạm trú'],
  ['khai bao tam vang', '1.003677', 'Khai báo tạm vắng'],
  ['tach ho', '1.010038', 'Tách hộ'],
  ['xac nhan tinh trang hon nhan', '1.004873', 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân'],
  ['nhan cha me con', '1.001022', 'Thủ tục đăng ký nhận cha, mẹ, con'],
  ['dang ky giam ho', '1.004837', 'Thủ tục đăng ký giám hộ'],
  ['thay doi cai chinh ho tich', '1.004859', 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc'],
  ['ban sao giay khai sinh', '2.000635', 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh'],
  ['chung thuc ban sao', '2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản …'],
  ['chứng thực chữ ký', '2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản …'],
  ['thanh lap ho kinh doanh', '1.001612', 'Đăng ký thành lập hộ kinh doanh'],
  ['dang ky kinh doanh', '1.001612', 'Đăng ký thành lập hộ kinh doanh'],
  ['doi bang lai xe', '3.000347', 'Đổi giấy phép lái xe'],
  ['giay phep xay dung nha o rieng le', '1.009122', 'Cấp giấy phép xây dựng có thời hạn đối với công trình, nhà ở riêng lẻ …'],
  ['tro cap xa hoi hang thang', '1.001776', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng …'],
  ['ho tro chi phi mai tang', '1.001731', 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội'],
  ['hộ nghèo', '1.011607', 'Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm'],
  ['mất hộ chiếu', '1.010386', 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)'],
  ['tham vieng mo liet si', '1.013750', 'Thăm viếng mộ liệt sĩ'],
];

const TYPOS: readonly [query: string, code: string][] = [
  ['khai snh', '1.001193'],
  ['dang ky khia sinh', '1.001193'],
  ['dang ki khai sinh', '1.001193'],
  ['đăng kí kết hôn', '1.000894'],
  ['dang ky kest hon', '1.000894'],
  ['dăng kí kêt hôn', '1.000894'],
  ['cap doi can cuco', '1.014063'],
  ['dang ky thuong truu', '1.004222'],
];

describe('procedure search over the real catalogue', () => {
  let search: ProcedureSearch;
  beforeAll(() => {
    const { procedures } = importCatalogueFromDir(sharedDataPath('procedures'));
    search = new ProcedureSearch(procedures);
  });
  const top = (q: string, n = 3, opts = {}) => search.search(q, { limit: n, ...opts }).map((s) => s.code);

  it('finds Thủ tục đăng ký khai sinh first for "dang ky khai sinh"', () => {
    expect(search.search('dang ky khai sinh')[0]?.code).toBe('1.001193');
  });

  it.each(CITIZEN_QUERIES)('%j has %s in its first three (%s)', (query, code) => {
    expect(top(query)).toContain(code);
  });

  it.each(TYPOS)('tolerates the slip in %j (%s in the first three)', (query, code) => {
    expect(top(query)).toContain(code);
  });

  it('finds by code, whole or in part, including the malformed codes imported as written', () => {
    expect(top('1.001193', 5)).toEqual(['1.001193']);
    expect(top('001193', 5)).toEqual(['1.001193']);
    expect(top(' 1001193 ', 5)).toEqual(['1.001193']);
    expect(top('1.014955', 5)).toEqual(['1.014955', '1.014955-Xoa']);
    expect(top('2.009182739', 5)).toEqual(['2.009182739']);
  });

  it('filters by field and by commune level', () => {
    const inField = search.search('cap', { field: 'Hộ tịch', limit: 50 });
    expect(inField.length).toBeGreaterThan(5);
    expect(inField.every((s) => s.field === 'Hộ tịch')).toBe(true);
    const commune = search.search('giay phep', { communeOnly: true, limit: 50 });
    expect(commune.length).toBeGreaterThan(5);
    expect(commune.every((s) => s.communeLevel)).toBe(true);
    expect(
      search.search('', { field: 'Cấp, quản lý căn cước', limit: 50 }).every((s) => s.field === 'Cấp, quản lý căn cước'),
    ).toBe(true);
  });

  it('answers nothing to empty or meaningless queries', () => {
    for (const q of ['', '   ', '@@##!!', '∑∂ƒ', 'zzqxw', '\u0000\u200b']) expect(search.search(q)).toEqual([]);
  });

  it('handles a 10,000-character query fast, by reading only its start', () => {
    for (const q of ['a'.repeat(10_000), 'dang ky khai sinh '.repeat(600), 'ư̛̛̛̛'.repeat(2000), '1'.repeat(10_000)]) {
      const started = performance.now();
      const results = search.search(q);
      expect(performance.now() - started).toBeLessThan(100);
      expect(results.length).toBeLessThanOrEqual(20);
    }
    expect(search.search('dang ky khai sinh '.repeat(600))[0]?.code).toBe('1.001193');
  });
});
