import { cleanLines, cleanText, foldVietnamese } from '../../common/text/fold.js';

/** What the portal writes where it has no value. */
const NO_VALUE = new Set(['khong co thong tin', 'n/a', '']);

export function isNoValue(s: string): boolean {
  // Long texts are values; folding them only to learn that costs a third of the import.
  return s.length <= 40 && NO_VALUE.has(foldVietnamese(s).replace(/[.\s]+$/, ''));
}

/** A one-line value: cleaned, wrapping quotes the scraper left removed, null for "Không có thông tin". */
export function valueOrNull(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  let v = cleanText(s);
  if (v.startsWith('"') && (v.endsWith('"') || v.indexOf('"', 1) === -1)) {
    v = v.slice(1, v.length > 1 && v.endsWith('"') ? -1 : undefined).trim();
  }
  return isNoValue(v) ? null : v;
}

/** A multi-line value: each line cleaned, Markdown emphasis removed, null for "Không có thông tin". */
export function linesOrNull(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const v = cleanLines(stripEmphasis(s));
  return isNoValue(v) ? null : v;
}

/** "**Bước 1:** …" -> "Bước 1: …"; inline code ticks too. */
export function stripEmphasis(s: string): string {
  return s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]*)`/g, '$1');
}

/** Splits "A, B (x, y), C" at top-level commas: ["A", "B (x, y)", "C"]. */
export function splitTopLevel(s: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => cleanText(x)).filter((x) => x.length > 0);
}
