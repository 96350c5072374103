import { cleanText } from '../../common/text/fold.js';
import { linesOrNull, stripEmphasis, valueOrNull } from './text-values.js';

/** `## Kết quả xử lý`: "* Giấy khai sinh (Mã: `KQ.G15.000031`)" lines -> "Giấy khai sinh", one a line. */
export function readResult(lines: readonly string[]): string | null {
  const items = lines
    .map((l) => stripEmphasis(l).replace(/^\s*[-*+]\s+/, ''))
    .map((l) => cleanText(l.replace(/\s*\(Mã:\s*[^)]*\)\s*$/u, '')))
    .filter((l) => valueOrNull(l) !== null);
  return items.length > 0 ? items.join('\n') : null;
}

/** `## Từ khóa`: comma, semicolon or line separated; duplicates dropped. */
export function readKeywords(lines: readonly string[]): string[] {
  const words = lines
    .join('\n')
    .split(/[,;\n]/)
    .map((k) => valueOrNull(k))
    .filter((k): k is string => k !== null);
  return [...new Set(words)];
}

/** A free text section (conditions, description): lines kept. */
export function readText(lines: readonly string[]): string | null {
  return linesOrNull(lines.join('\n'));
}
