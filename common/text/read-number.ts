/**
 * Reading numbers aloud in Vietnamese, for announcements spoken by the hall's text-to-speech.
 *
 * Standard rules, miền Bắc defaults (nghìn, linh, tư):
 * - "mốt" for a final 1 only after a tens word of 20 or more (hai mươi mốt; but mười một, linh một);
 * - "lăm" for a final 5 after any tens word (mười lăm, hai mươi lăm; but linh năm, and năm alone);
 * - "tư" (or "bốn", by option) for a final 4 only after a tens word of 20 or more (hai mươi tư; but
 *   mười bốn, linh bốn, and bốn alone);
 * - a zero tens digit before a non-zero unit is read "linh" (or "lẻ") when a hundreds word precedes;
 * - a thousands group followed by a non-zero rest reads the rest in full: "một nghìn không trăm linh năm".
 */

export interface ReadNumberOptions {
  /** The word for 1000: 'nghìn' (North, default) or 'ngàn' (South). */
  thousand?: 'nghìn' | 'ngàn';
  /** The word for a zero tens digit before a unit: 'linh' (North, default) or 'lẻ' (South). */
  zeroTen?: 'linh' | 'lẻ';
  /** A final 4 after a tens word of 20+: 'tư' (default) or 'bốn'. */
  four?: 'tư' | 'bốn';
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function digitWord(d: number): string {
  return DIGITS[d] as string;
}

/** Tens and units of 0..99, without a preceding hundreds word; 0 reads as nothing. */
function readTensUnits(n: number, four: 'tư' | 'bốn'): string[] {
  const t = Math.floor(n / 10);
  const u = n % 10;
  const words: string[] = [];
  if (t === 0) {
    if (u > 0) words.push(digitWord(u));
    return words;
  }
  if (t === 1) words.push('mười');
  else words.push(digitWord(t), 'mươi');
  if (u === 0) return words;
  if (u === 1) words.push(t >= 2 ? 'mốt' : 'một');
  else if (u === 4) words.push(t >= 2 ? four : 'bốn');
  else if (u === 5) words.push('lăm');
  else words.push(digitWord(u));
  return words;
}

/**
 * A group of three digits, 0..999. With `full`, the hundreds are always said ("không trăm ...") and a
 * zero tens digit before a unit is read linh/lẻ; that is how the group after a thousands word is read.
 */
function readGroup(n: number, full: boolean, zeroTen: 'linh' | 'lẻ', four: 'tư' | 'bốn'): string[] {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0 && !full) return readTensUnits(rest, four);
  const words = [digitWord(h), 'trăm'];
  if (rest === 0) return words;
  if (rest < 10) words.push(zeroTen, digitWord(rest));
  else words.push(...readTensUnits(rest, four));
  return words;
}

/** Reads an integer 0..999,999 in Vietnamese words, lower-case, single-spaced, NFC. */
export function readNumberVi(n: number, options: ReadNumberOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) {
    throw new RangeError(`readNumberVi reads integers from 0 to 999999, not ${String(n)}`);
  }
  const thousand = options.thousand ?? 'nghìn';
  const zeroTen = options.zeroTen ?? 'linh';
  const four = options.four ?? 'tư';
  if (n === 0) return 'không';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands > 0) {
    words.push(...readGroup(thousands, false, zeroTen, four), thousand);
    if (rest > 0) words.push(...readGroup(rest, true, zeroTen, four));
  } else {
    words.push(...readGroup(rest, false, zeroTen, four));
  }
  return words.join(' ').normalize('NFC');
}

/** Reads a string of decimal digits one digit at a time: "007" -> "không không bảy". */
export function readDigitsVi(s: string): string {
  if (!/^[0-9]+$/.test(s)) throw new RangeError(`readDigitsVi reads a non-empty string of digits, not ${JSON.stringify(s)}`);
  return Array.from(s, (c) => digitWord(Number(c)))
    .join(' ')
    .normalize('NFC');
}
