import type { DocumentGroup, DocumentItem } from '../../common/catalogue/procedure-schema.js';
import { cleanText } from '../../common/text/fold.js';
import { groupKeyOf } from './document-group.js';

const HEADER = /Tên giấy tờ\s+Mẫu đơn, tờ khai\s+Số lượng/u;
// Either count may be missing ("Bản chính: - Bản sao: 1"): then it is unknown, not zero.
const COUNTS = /Bản chính:\s*(\d*)\s*-\s*Bản sao:\s*(\d*)/gu;
const FILE_EXT = /\.(docx?|pdf|xlsx?|rtf|odt)$/i;
const FORM_START = /(?:Mẫu|Mau|Mus|Phụ lục|PL)/gu;

/**
 * The fallback records flatten the documents table into one line: "<case> Tên giấy tờ Mẫu đơn, tờ
 * khai Số lượng <name> [form file] Bản chính: 1 - Bản sao: 0 <name> … <next case> Tên giấy tờ …".
 * Read back as groups; the split between a name and its form file is a best guess, and the importer
 * reports these records so nobody takes the result for the portal's own table.
 */
export function readFlattenedDocuments(text: string): DocumentGroup[] {
  const parts = text.split(HEADER);
  const groups: DocumentGroup[] = [];
  let label = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    const items: DocumentItem[] = [];
    let from = 0;
    for (const m of part.matchAll(COUNTS)) {
      const itemText = cleanText(part.slice(from, m.index));
      from = (m.index ?? 0) + m[0].length;
      if (itemText === '') continue;
      const { name, form } = splitForm(itemText);
      items.push({ name, originals: count(m[1]), copies: count(m[2]), form });
    }
    if (items.length > 0) groups.push({ group: groupKeyOf(label) || 'nop', items });
    label = part.slice(from);
  }
  return groups;
}

/** "Tờ khai … (Mẫu số 04 …); Mus04.docx" -> name "Tờ khai … (Mẫu số 04 …);" and form "Mus04.docx". */
export function splitForm(text: string): { name: string; form: string | null } {
  if (!FILE_EXT.test(text)) return { name: text, form: null };
  let start = -1;
  for (const m of text.matchAll(FORM_START)) {
    const at = m.index ?? 0;
    if (at > 0 && depthAt(text, at) === 0 && /\s/.test(text[at - 1] ?? '')) start = at;
  }
  if (start < 0) start = text.lastIndexOf(' ') + 1;
  const name = text.slice(0, start).trim().replace(/[;,]$/, '');
  return name === '' ? { name: text, form: null } : { name, form: text.slice(start).trim() };
}

const count = (digits: string | undefined): number | null => (digits ? Number(digits) : null);

function depthAt(text: string, index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}
