import type { LegalBasis } from '../../common/catalogue/procedure-schema.js';
import { cleanText, foldVietnamese } from '../../common/text/fold.js';
import type { ProblemSink } from './import-problem.js';
import { blocksOf } from './markdown-blocks.js';
import { valueOrNull } from './text-values.js';

/** `## Căn cứ pháp lý`: a table Tên văn bản pháp lý | Mã văn bản. */
export function readLegalBasis(lines: readonly string[], problems: ProblemSink, section: string): LegalBasis[] {
  const blocks = blocksOf(lines);
  const out: LegalBasis[] = [];
  for (const block of blocks) {
    if (block.kind === 'text') {
      if (valueOrNull(block.text) !== null)
        problems.add('flattened-section', section, `text outside the table: "${cleanText(block.text).slice(0, 60)}"`);
      continue;
    }
    if (block.kind !== 'table') continue;
    const header = block.header.map((h) => foldVietnamese(h));
    const titleAt = Math.max(
      0,
      header.findIndex((h) => h.startsWith('ten van ban')),
    );
    const codeAt = header.findIndex((h) => h.startsWith('ma van ban') || h.startsWith('so hieu'));
    for (const row of block.rows) {
      const title = valueOrNull(row[titleAt]);
      const code = codeAt >= 0 ? valueOrNull(row[codeAt]) : null;
      if (title) out.push({ title, code });
      else if (code) out.push({ title: code, code });
      else problems.add('table-row', section, 'a row with neither a title nor a code');
    }
  }
  return out;
}
