import { cleanText, foldVietnamese } from '../../common/text/fold.js';
import type { CatalogueRow } from './catalogue-csv.js';
import { isWellFormedCode } from './procedure-code.js';
import type { UploadProblems } from './upload-problem.js';

/** A sheet or a CSV file as rows of text cells, each row with its number in the file (1-based). */
export interface UploadTable {
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

/** The catalogue columns by their folded header, as catalogue.csv names them ("Mã số" = "MA SO"). */
export const CATALOGUE_COLUMNS = {
  code: { folded: 'ma so', label: 'Mã số' },
  name: { folded: 'ten', label: 'Tên' },
  issuingAgency: { folded: 'co quan ban hanh', label: 'Cơ quan ban hành' },
  implementingAgency: { folded: 'co quan thuc hien', label: 'Cơ quan thực hiện' },
  field: { folded: 'linh vuc', label: 'Lĩnh vực' },
  url: { folded: 'url', label: 'URL' },
} as const;

export type CatalogueColumn = keyof typeof CATALOGUE_COLUMNS;

/** Exports of the portal sometimes open with a title line or two: the header is looked for this far down. */
const HEADER_SEARCH_ROWS = 10;

/** Where the header is and which cell holds which column; null when no row has both Mã số and Tên. */
export function findHeader(table: UploadTable): { at: number; width: number; index: Map<CatalogueColumn, number> } | null {
  for (const [at, r] of table.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const folded = r.cells.map((c) => foldVietnamese(c).trim());
    const index = new Map<CatalogueColumn, number>();
    for (const [col, { folded: name }] of Object.entries(CATALOGUE_COLUMNS) as [CatalogueColumn, { folded: string }][]) {
      const i = folded.indexOf(name);
      if (i >= 0) index.set(col, i);
    }
    if (index.has('code') && index.has('name')) return { at, width: r.cells.length, index };
  }
  return null;
}

/**
 * Reads the catalogue rows of a table, as the importer of issue 3 reads catalogue.csv: cells
 * cleaned (NFC, white space tidied), empty ones null. A row without a code or a name is skipped
 * and reported; a code not of the national shape is reported and kept as written; a code seen on an
 * earlier row keeps the earlier row. Blank rows are nothing to report.
 */
export function readCatalogueTable(table: UploadTable, problems: UploadProblems): CatalogueRow[] {
  const header = findHeader(table);
  if (!header) {
    problems.add({
      row: table.rows[0]?.row ?? 0,
      kind: 'csv-header',
      en: 'no header row with the columns "Mã số" and "Tên" (code and name) in the first 10 rows: nothing can be read',
      vi: 'Không thấy dòng tiêu đề có cột "Mã số" và "Tên" trong 10 dòng đầu: không đọc được dòng nào.',
    });
    return [];
  }
  const headerRow = table.rows[header.at]?.row ?? 1;
  for (const [col, { label }] of Object.entries(CATALOGUE_COLUMNS) as [CatalogueColumn, { label: string }][]) {
    if (!header.index.has(col))
      problems.add({
        row: headerRow,
        column: label,
        kind: 'csv-header',
        en: `no "${label}" column: left empty for new procedures, kept as it is for known ones`,
        vi: `Không có cột "${label}": thủ tục mới để trống, thủ tục đã có giữ nguyên.`,
      });
  }
  const seen = new Map<string, number>();
  const out: CatalogueRow[] = [];
  for (const { row, cells } of table.rows.slice(header.at + 1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (col: CatalogueColumn): string | null => {
      const at = header.index.get(col);
      const v = at === undefined ? '' : cleanText(cells[at] ?? '');
      return v === '' ? null : v;
    };
    const code = cell('code');
    const extra = cells.slice(header.width).some((c) => c.trim() !== '');
    if (extra || (cells.length < header.width && cells.length > 1))
      problems.add({
        row,
        code,
        kind: 'csv-columns',
        en: `${cells.length} columns where the header has ${header.width}`,
        vi: `Dòng có ${cells.length} cột trong khi dòng tiêu đề có ${header.width} cột.`,
      });
    if (!code) {
      problems.add({
        row,
        column: 'Mã số',
        kind: 'malformed-code',
        en: 'no code: row skipped',
        vi: 'Thiếu mã số: bỏ qua dòng này.',
      });
      continue;
    }
    const name = cell('name');
    if (!name) {
      problems.add({
        row,
        column: 'Tên',
        code,
        kind: 'missing-name',
        en: 'no name: row skipped',
        vi: 'Thiếu tên thủ tục: bỏ qua dòng này.',
      });
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      problems.add({
        row,
        column: 'Mã số',
        code,
        kind: 'duplicate-code',
        en: `code ${code} is already on row ${earlier}: this row skipped`,
        vi: `Mã số ${code} đã có ở dòng ${earlier}: bỏ qua dòng này.`,
      });
      continue;
    }
    seen.set(code, row);
    if (!isWellFormedCode(code))
      problems.add({
        row,
        column: 'Mã số',
        code,
        kind: 'malformed-code',
        en: `"${code}" is not of the form D.DDDDDD: imported as written`,
        vi: `Mã số "${code}" không đúng dạng D.DDDDDD: vẫn nhập như đã ghi.`,
      });
    out.push({
      code,
      name,
      issuingAgency: cell('issuingAgency'),
      implementingAgency: cell('implementingAgency'),
      field: cell('field'),
      url: cell('url'),
      line: row,
    });
  }
  return out;
}
