/**
 * Line breaking for the ticket. Pure over a width function, so it is tested without a canvas.
 * Breaks fall between words; a word wider than the line (a long code, a run without spaces) is
 * split between grapheme clusters, never inside one, so a letter is never parted from its marks
 * even in decomposed text.
 */
export type MeasureWidth = (text: string) => number;

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

export function wrapText(text: string, maxWidth: number, measure: MeasureWidth): string[] {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    if (measure(word) <= maxWidth) {
      line = word;
      continue;
    }
    // A word that alone overflows: as many whole graphemes per line as fit (at least one).
    for (const { segment } of graphemes.segment(word)) {
      if (line !== '' && measure(line + segment) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += segment;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Same number of lines as greedy wrapping, but as even as they can be: a centred office name reads
 * "Trung tâm Phục vụ hành chính / công xã Tân Phú" rather than leaving "Tân Phú" alone on a line.
 * Binary search for the narrowest width that keeps the line count.
 */
export function wrapBalanced(text: string, maxWidth: number, measure: MeasureWidth): string[] {
  const greedy = wrapText(text, maxWidth, measure);
  if (greedy.length < 2) return greedy;
  let lo = 1;
  let hi = Math.ceil(maxWidth);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (wrapText(text, mid, measure).length <= greedy.length) hi = mid;
    else lo = mid + 1;
  }
  const balanced = wrapText(text, lo, measure);
  // A word split across lines by the narrower width would be worse than an uneven break.
  return balanced.length === greedy.length && balanced.every((l) => measure(l) <= maxWidth) ? balanced : greedy;
}

/**
 * Names here are built from phrases joined by a spaced dash ("Người có công – Bảo trợ xã hội").
 * Breaking after a dash keeps each phrase whole, where a plain word break would part "Bảo / trợ",
 * one word of two syllables. Used only when it costs no extra line.
 */
export function wrapPhrases(text: string, maxWidth: number, measure: MeasureWidth, balanced = false): string[] {
  const byWords = (s: string): string[] => (balanced ? wrapBalanced : wrapText)(s, maxWidth, measure);
  const plain = byWords(text);
  const phrases = text.split(/(?<=\s[–—-])\s+/u).filter((p) => p.trim() !== '');
  if (phrases.length < 2 || plain.length < 2) return plain;
  const lines: string[] = [];
  let line = '';
  for (const phrase of phrases) {
    const candidate = line === '' ? phrase : `${line} ${phrase}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    if (measure(phrase) <= maxWidth) line = phrase;
    else lines.push(...byWords(phrase));
  }
  if (line !== '') lines.push(line);
  return lines.length <= plain.length ? lines : plain;
}
