import { describe, expect, it } from 'vitest';
import { ProcedureSearch, type SearchDoc } from '../../../common/search/procedure-search.js';
import { applyCitizenWords, canonicalToken } from '../../../common/search/search-text.js';
import { editDistanceWithin } from '../../../common/search/edit-distance.js';

const doc = (code: string, name: string, field: string, communeLevel = false, keywords: string[] = []): SearchDoc => ({
  code,
  name,
  field,
  communeLevel,
  keywords,
});

/** A small catalogue made to tell the ranking rules apart. */
const DOCS: SearchDoc[] = [
  doc('1.000001', 'Cấp giấy phép khai thác cát sỏi', 'Khoáng sản'),
  doc('1.000002', 'Đăng ký khai sinh lưu động', 'Hộ tịch', true),
  doc('1.000003', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', true),
  doc('1.000004', 'Đăng ký lại khai sinh', 'Hộ tịch', true),
  doc('1.000005', 'Đăng ký khai sinh có yếu tố nước ngoài', 'Hộ tịch', false),
  doc('1.000006', 'Cấp bản sao trích lục', 'Hộ tịch', true, ['khai sinh']),
  doc('1.000007', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', false),
  doc('1.000008', 'Xác nhận thông tin', 'Khai sinh đặc biệt', true),
  doc('2.000001', 'Đăng ký kết hôn', 'Hộ tịch', true),
  doc('2.000002', 'Cấp đổi thẻ căn cước', 'Cấp, quản lý căn cước', true),
];
const search = new ProcedureSearch(DOCS);
const codes = (q: string, opts = {}) => search.search(q, opts).map((s) => s.code);

describe('ProcedureSearch ranking', () => {
  it('puts the phrase in the name first, then all words in the name, then keywords, then field', () => {
    expect(codes('dang ky khai sinh').slice(0, 5)).toEqual([
      // Phrase in the name, commune level, shortest name first (a leading "Thủ tục" not counted).
      '1.000003',
      '1.000002',
      // Phrase, not commune level.
      '1.000007',
      '1.000005',
      // Every word in the name, not as a phrase.
      '1.000004',
    ]);
    // All phrases: commune level first, then the shorter name; then keywords; then the field.
    expect(codes('khai sinh')).toEqual(['1.000003', '1.000004', '1.000002', '1.000007', '1.000005', '1.000006', '1.000008']);
  });

  it('matches without diacritics, with them, and with i for y', () => {
    for (const q of ['đăng ký kết hôn', 'dang ky ket hon', 'DANG KI KET HON', 'đăng kí kết hôn'])
      expect(codes(q)[0]).toBe('2.000001');
  });

  it('takes the word being typed as a prefix, and tolerates a slip', () => {
    expect(codes('ket h')[0]).toBe('2.000001');
    expect(codes('khai snh')[0]).toBe('1.000003');
    expect(codes('dang ky khia sinh')[0]).toBe('1.000003');
    expect(codes('cap doi can cuco')[0]).toBe('2.000002');
  });

  it('finds by code, whole or in part, and filters by field and commune level', () => {
    expect(codes('1.000003')).toEqual(['1.000003']);
    expect(codes('000003')).toEqual(['1.000003']);
    expect(codes('2.00000')).toEqual(['2.000001', '2.000002']);
    expect(codes('khai sinh', { field: 'ho tich', communeOnly: true })).toEqual(['1.000003', '1.000004', '1.000002', '1.000006']);
    // Browsing a field: commune level first, then alphabetical (a leading "Thủ tục" not counted).
    expect(codes('', { field: 'Hộ tịch', limit: 3 })).toEqual(['1.000006', '2.000001', '1.000003']);
  });

  it('answers nothing to an empty or meaningless query, and respects the limit', () => {
    expect(codes('')).toEqual([]);
    expect(codes('   ')).toEqual([]);
    expect(codes('@@##!!')).toEqual([]);
    expect(codes('zzqxw')).toEqual([]);
    expect(codes('khai sinh', { limit: 2 })).toHaveLength(2);
    expect(codes('khai sinh', { limit: Number.NaN })).toHaveLength(7);
    expect(codes('khai sinh', { limit: 0 })).toHaveLength(1);
  });

  it('counts filler words when a name has them, but does not require them', () => {
    expect(codes('tôi muốn làm thủ tục đăng ký kết hôn')[0]).toBe('2.000001');
    expect(codes('lam cccd')[0]).toBe('2.000002');
  });
});

describe('search words', () => {
  it('makes the i and y spellings of a syllable one word, but not ay and ai', () => {
    expect(['ky', 'ly', 'quy', 'my', 'tay', 'hay', 'uy'].map(canonicalToken)).toEqual([
      'ki',
      'li',
      'qui',
      'mi',
      'tay',
      'hay',
      'uy',
    ]);
  });

  it('rewrites what citizens say into what the catalogue says', () => {
    expect(applyCitizenWords(['lam', 'cccd'])).toEqual(['lam', 'can', 'cuoc']);
    expect(applyCitizenWords(['doi', 'bang', 'lai', 'xe'])).toEqual(['doi', 'giay', 'phep', 'lai', 'xe']);
  });

  it('measures edits, swaps included, and gives up past the limit', () => {
    expect(editDistanceWithin('sinh', 'snh', 1)).toBe(1);
    expect(editDistanceWithin('khai', 'khia', 1)).toBe(1);
    expect(editDistanceWithin('khai', 'khai', 1)).toBe(0);
    expect(editDistanceWithin('cuoc', 'can', 1)).toBe(2);
  });
});
