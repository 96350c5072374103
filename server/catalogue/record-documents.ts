import type { DocumentGroup, DocumentItem } from '../../common/catalogue/procedure-schema.js';
import { cleanText, foldVietnamese } from '../../common/text/fold.js';
import type { ProblemSink } from './import-problem.js';
import { blocksOf } from './markdown-blocks.js';
import { groupKeyOf } from './document-group.js';
import { readFlattenedDocuments } from './record-documents-flat.js';
import { valueOrNull } from './text-values.js';

const isGroupMarker = (name: string) => name.length <= 40 && ['nop', 'xuat-trinh', 'luu-y'].includes(groupKeyOf(name));

/** "1" -> 1; "" or "Không có" -> null; anything else is reported. */
function count(cell: string | undefined, problems: ProblemSink, section: string): number | null {
  const v = cleanText(cell ?? '');
  if (/^\d+$/.test(v)) return Number(v);
  if (v !== '' && valueOrNull(v) !== null) problems.add('table-row', section, `"${v.slice(0, 30)}" is not a number of copies`);
  return null;
}

/** "[Mẫu 01.docx](file:///C:/…)" -> "Mẫu 01.docx": the scraper's links point into its own disk, only the name is worth keeping. */
export function formOf(cell: string | undefined): string | null {
  const v = cleanText(cell ?? '');
  const links = [...v.matchAll(/\[([^\]]+)\]\([^)]*\)/g)].map((m) => m[1] ?? '');
  if (links.length > 0) return links.join(', ');
  const f = foldVietnamese(v);
  return f === '' || f === 'khong co' || f === 'khong co thong tin' ? null : v;
}

/** `## Thành phần hồ sơ`: tables under group headings, or group rows inside a table. */
export function readDocuments(lines: readonly string[], problems: ProblemSink, section: string): DocumentGroup[] {
  const blocks = blocksOf(lines);
  const groups = new Map<string, DocumentItem[]>();
  const add = (group: string, item: DocumentItem) => {
    const list = groups.get(group) ?? [];
    list.push(item);
    groups.set(group, list);
  };
  let heading: string | null = null;
  let sawTable = false;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      heading = groupKeyOf(block.text);
      continue;
    }
    if (block.kind === 'text') continue;
    // A table straight after another (no heading between) is the unnamed default group: what to submit.
    let group = heading ?? 'nop';
    heading = null;
    sawTable = true;
    for (const row of block.rows) {
      const name = cleanText(row[0] ?? '').replace(/^[-*•]\s+/, '');
      const originals = count(row[1], problems, section);
      const copies = count(row[2], problems, section);
      if (row.length < 3) problems.add('table-row', section, `a row with ${row.length} cells: "${name.slice(0, 60)}"`);
      if (name === '') {
        problems.add('table-row', section, 'a row without a document name');
        continue;
      }
      if (isGroupMarker(name) && !originals && !copies) {
        group = groupKeyOf(name);
        continue;
      }
      add(group, { name, originals, copies, form: formOf(row[3]) });
    }
  }
  if (!sawTable) {
    const text = cleanText(blocks.map((b) => (b.kind === 'table' ? '' : b.text)).join(' '));
    if (valueOrNull(text) === null) return [];
    problems.add('flattened-section', section, 'no table, only flattened text: documents read from the text as best we can');
    const flat = readFlattenedDocuments(text);
    if (flat.length === 0) problems.add('record-unreadable', section, 'no document could be read from the flattened text');
    return flat;
  }
  if (groups.size === 0) problems.add('empty-table', section, 'the documents table has no rows: the portal lists none');
  return [...groups].map(([group, items]) => ({ group, items }));
}
