import { parseCsv } from './parse-csv.js';
import { decodeUtf8 } from './upload-decode.js';
import type { UploadProblems } from './upload-problem.js';
import type { UploadTable } from './upload-table.js';

const SYNTAX_VI: Record<string, string> = {
  'quoted field never closed': 'Có dấu ngoặc kép mở mà không đóng: phần còn lại của tệp bị gộp vào một ô.',
  'text after a closing quote': 'Có chữ ngay sau dấu ngoặc kép đóng.',
  'quote inside an unquoted field': 'Có dấu ngoặc kép bên trong một ô không được đặt trong ngoặc kép.',
};

/** An uploaded CSV as a table; syntax problems are reported on their line and the rows still read. */
export function tableFromCsv(bytes: Uint8Array, problems: UploadProblems): UploadTable {
  const { rows, errors } = parseCsv(decodeUtf8(bytes));
  for (const e of errors)
    problems.add({ row: e.line, kind: 'csv-syntax', en: e.message, vi: SYNTAX_VI[e.message] ?? 'Lỗi cú pháp CSV.' });
  return { rows: rows.map((r) => ({ row: r.line, cells: r.fields })) };
}
