import { describe, expect, it } from 'vitest';
import { wrapBalanced, wrapPhrases, wrapText } from '../../../server/devices/render/text-wrap.js';

/** One unit per grapheme: widths are easy to reason about, and a combining mark costs nothing. */
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const width = (s: string): number => [...graphemes.segment(s)].length;

describe('wrapping ticket text', () => {
  it('breaks between words and keeps every word whole', () => {
    expect(wrapText('Trung tâm Phục vụ hành chính công', 16, width)).toEqual(['Trung tâm Phục', 'vụ hành chính', 'công']);
    expect(wrapText('  Hộ   tịch  ', 20, width)).toEqual(['Hộ tịch']);
    expect(wrapText('', 20, width)).toEqual([]);
  });

  it('splits a word longer than the line between letters, never between a letter and its marks', () => {
    // "Ỹ" and "ầ" decomposed: base letter plus combining marks.
    const nfd = 'ỸẦỸẦỸẦ'.normalize('NFD');
    const lines = wrapText(nfd, 4, width);
    expect(lines.map((l) => l.normalize('NFC'))).toEqual(['ỸẦỸẦ', 'ỸẦ']);
    for (const line of lines) expect(/^\p{M}/u.test(line)).toBe(false);
  });

  it('evens out lines of a heading without adding one', () => {
    expect(wrapText('Trung tâm Phục vụ hành chính công xã Tân Phú', 36, width)).toEqual([
      'Trung tâm Phục vụ hành chính công xã',
      'Tân Phú',
    ]);
    expect(wrapBalanced('Trung tâm Phục vụ hành chính công xã Tân Phú', 36, width)).toEqual([
      'Trung tâm Phục vụ hành',
      'chính công xã Tân Phú',
    ]);
  });

  it('prefers a break after a spaced dash, keeping each phrase whole, when that costs no line', () => {
    const name = 'Người có công – Bảo trợ xã hội – Trẻ em';
    expect(wrapBalanced(name, 24, width)).toEqual(['Người có công – Bảo', 'trợ xã hội – Trẻ em']);
    expect(wrapPhrases(name, 24, width, true)).toEqual(['Người có công –', 'Bảo trợ xã hội – Trẻ em']);
    expect(wrapPhrases('Hộ tịch – Chứng thực', 24, width)).toEqual(['Hộ tịch – Chứng thực']);
    // Phrases too long for a line would need more lines than plain word wrapping: fall back to it.
    expect(wrapPhrases('ƯU TIÊN – Phụ nữ mang thai, trẻ em dưới 6 tuổi', 24, width)).toEqual(
      wrapText('ƯU TIÊN – Phụ nữ mang thai, trẻ em dưới 6 tuổi', 24, width),
    );
  });
});
