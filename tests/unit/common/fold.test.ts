import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanLines, cleanText, foldVietnamese, tokenize, tokenizeFolded } from '../../../common/text/fold.js';

describe('foldVietnamese', () => {
  it.each([
    ['Thủ tục đăng ký khai sinh', 'thu tuc dang ky khai sinh'],
    ['ĐĂNG KÝ KẾT HÔN', 'dang ky ket hon'],
    ['  Cấp, quản lý  căn cước\u00a0', 'cap, quan ly can cuoc'],
    ['\t. Đổi giấy phép lái xe', '. doi giay phep lai xe'],
    ['Người có công', 'nguoi co cong'],
    ['Ưu đãi, miễn trừ', 'uu dai, mien tru'],
    ['đăng k\u200eý', 'dang ky'],
    ['Cấp\r\nđổi\tthẻ', 'cap doi the'],
    ['', ''],
  ])('%j -> %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds decomposed (NFD) text as the data stores it exactly as composed text', () => {
    const composed = 'Cấp, quản lý căn cước; Hộ tịch; Đất đai; Bảo trợ xã hội';
    expect(composed.normalize('NFD')).not.toBe(composed);
    expect(foldVietnamese(composed.normalize('NFD'))).toBe(foldVietnamese(composed));
    expect(foldVietnamese(composed.normalize('NFD'))).toBe('cap, quan ly can cuoc; ho tich; dat dai; bao tro xa hoi');
  });

  it('leaves only lower-case ASCII letters, digits, punctuation and single spaces for Vietnamese input', () => {
    const vietnamese = fc.string({
      unit: fc.constantFrom(
        ...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ÁĐƯ\t\u00a0,.'.split(''),
      ),
    });
    fc.assert(
      fc.property(vietnamese, (s) => {
        const f = foldVietnamese(s);
        expect(f).toMatch(/^[a-z0-9,. ]*$/);
        expect(f).not.toMatch(/ {2}|^ | $/);
        expect(foldVietnamese(f)).toBe(f);
        expect(foldVietnamese(s.normalize('NFD'))).toBe(f);
      }),
    );
  });

  it('keeps other scripts rather than losing them', () => {
    expect(foldVietnamese('Кириллица 漢字')).toBe('кириллица 漢字');
  });
});

describe('tokenize', () => {
  it('splits on anything but letters and digits', () => {
    expect(tokenize('1.001193 Đăng-ký (khai sinh)')).toEqual(['1', '001193', 'dang', 'ky', 'khai', 'sinh']);
    expect(tokenizeFolded('  ')).toEqual([]);
    expect(tokenize('@@##!!')).toEqual([]);
  });
});

describe('cleanText and cleanLines', () => {
  it('keep diacritics and case, tidy white space and invisible characters', () => {
    expect(cleanText('  Cấp  đổi\u00a0thẻ\u200b căn cước\t')).toBe('Cấp đổi thẻ căn cước');
    expect(cleanText('Cấp'.normalize('NFD'))).toBe('Cấp');
    expect(cleanLines('  Bước 1:  nộp  \n\n   Bước 2: nhận \r\n')).toBe('Bước 1: nộp\nBước 2: nhận');
  });
});
