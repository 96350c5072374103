/**
 * Vietnamese text folding for search: what a citizen types on a kiosk without a Vietnamese keyboard
 * ("dang ky khai sinh") must meet what the catalogue says ("Đăng ký khai sinh"). Pure and
 * isomorphic: the hub and the kiosk page fold the same way.
 */

/** Invisible characters that scraped text carries inside words ("đăng k\u200eý"): removed, not spaced. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;
const MARKS = /\p{M}+/gu;

/** Table values: a character to write, or one of these. */
const DROP = 0;
const SPACE = 32;
const UNKNOWN = 0xffff;

/**
 * Two tables over the UTF-16 code units, computed once from Unicode itself: CLEAN keeps a character
 * but drops invisible ones and turns every kind of white space into a space; FOLD also lowers the
 * case and strips the diacritics (as NFD then dropping the combining marks would) over the Latin
 * ranges Vietnamese uses, đ -> d. Folding is then one pass of lookups, which matters: the importer
 * folds tens of megabytes, and the kiosk folds on every key press.
 */
const CLEAN = new Uint16Array(0x10000);
const FOLD = new Uint16Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  const latin = c < 0x250 || (c >= 0x300 && c < 0x370) || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x2070);
  let folded = UNKNOWN;
  if (latin) {
    let f = ch.toLowerCase().normalize('NFD').replace(MARKS, '');
    if (f === 'đ' || f === 'ð') f = 'd';
    folded = f.length === 1 ? f.charCodeAt(0) : f.length === 0 ? DROP : UNKNOWN;
  }
  // Half of a surrogate pair (emoji, rare scripts) is kept as it is: folding is for Latin text.
  if (c >= 0xd800 && c < 0xe000) folded = c;
  const invisible = INVISIBLE.test(ch);
  const space = /\s/.test(ch);
  CLEAN[c] = invisible ? DROP : space ? SPACE : c;
  FOLD[c] = invisible ? DROP : space ? SPACE : folded;
}

/**
 * Maps through a table, collapses runs of spaces and trims. Characters the table keeps as they are
 * are copied in slices, not one by one; unknown ones go the slow way (NFD, marks dropped).
 */
function squeeze(s: string, table: Uint16Array): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const m = table[c]!;
    if (m === c) continue;
    out += s.slice(from, i);
    if (m === UNKNOWN) out += s[i]!.normalize('NFD').replace(MARKS, '');
    else if (m !== DROP) out += String.fromCharCode(m);
    from = i + 1;
  }
  out = from === 0 ? s : out + s.slice(from);
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * Cleans a cell of scraped text for display, keeping its diacritics and case: NFC (many cells are
 * stored decomposed), invisible characters removed, every run of white space (tabs, NBSP, new
 * lines) one space, trimmed.
 */
export function cleanText(s: string): string {
  return squeeze(s.normalize('NFC'), CLEAN);
}

/**
 * Like cleanText but keeps line breaks (one per line, each line cleaned, empty lines dropped): for
 * multi-line texts such as steps, where the line structure carries meaning.
 */
export function cleanLines(s: string): string {
  return s
    .normalize('NFC')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => squeeze(line, CLEAN))
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * Folds Vietnamese for comparison: NFC, lower case, diacritics stripped, đ -> d, white space
 * collapsed, trimmed. Punctuation is kept; tokenize drops it.
 * "  Cấp, quản lý  CĂN CƯỚC\u00a0" -> "cap, quan ly can cuoc".
 */
export function foldVietnamese(s: string): string {
  return squeeze(s.normalize('NFC').toLowerCase(), FOLD);
}

/** Splits folded text into words of letters and digits: "1.001193 Đăng-ký" -> ["1", "001193", "dang", "ky"]. */
export function tokenizeFolded(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

/** Folds then tokenizes. */
export function tokenize(s: string): string[] {
  return tokenizeFolded(foldVietnamese(s));
}
