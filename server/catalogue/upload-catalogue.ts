import type { Procedure } from '../../common/catalogue/procedure-schema.js';
import type { CatalogueImport } from './import-catalogue.js';
import { countByKind } from './import-problem.js';
import { tableFromCsv } from './upload-csv.js';
import { diffRecords, diffRows, type CatalogueDiff, type KnownCatalogue } from './upload-diff.js';
import { recordsFromJson } from './upload-json.js';
import { fileProblem, toImportProblem, UploadFileInvalid, UploadProblems, type UploadProblem } from './upload-problem.js';
import { readCatalogueTable } from './upload-table.js';
import { tableFromXlsx } from './upload-xlsx.js';

export type UploadFormat = 'csv' | 'xlsx' | 'json';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format a Content-Type names. Windows browsers call a .csv "application/vnd.ms-excel". */
export function formatOf(contentType: string | undefined): UploadFormat | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv' || type === 'text/plain' || type === 'application/csv' || type === 'application/vnd.ms-excel')
    return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'application/json') return 'json';
  return null;
}

export interface ReadUpload {
  readonly format: UploadFormat;
  /** Procedures the file gave (rows or records), after skipping what could not be read. */
  readonly read: number;
  readonly diff: CatalogueDiff;
  readonly problems: readonly UploadProblem[];
}

/**
 * Reads an uploaded catalogue file and compares it with what the hub has: nothing is written. A
 * file with no readable procedure is refused whole (UploadFileInvalid with every problem); one with
 * some broken rows is read without them, each reported with its row.
 */
export async function readUpload(format: UploadFormat, bytes: Uint8Array, known: KnownCatalogue): Promise<ReadUpload> {
  if (bytes.length === 0) throw fileProblem('The file is empty', 'Tệp rỗng.');
  const problems = new UploadProblems();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (format !== 'xlsx' && zip)
    throw fileProblem(
      `This is an XLSX (ZIP) file sent as ${format.toUpperCase()}: send it as ${XLSX_TYPE}`,
      'Tệp là bảng tính Excel .xlsx nhưng được gửi như tệp khác. Hãy chọn lại tệp.',
    );
  let read: number;
  let diff: CatalogueDiff;
  if (format === 'json') {
    const records = recordsFromJson(bytes, problems);
    read = records.length;
    diff = diffRecords(records, known);
  } else {
    const table = format === 'csv' ? tableFromCsv(bytes, problems) : await tableFromXlsx(bytes);
    const rows = readCatalogueTable(table, problems);
    read = rows.length;
    diff = diffRows(rows, known);
  }
  if (read === 0) {
    throw new UploadFileInvalid(
      problems.list.length > 0
        ? problems.list
        : [{ row: 0, code: null, kind: 'file', message: 'The file holds no procedure', messageVi: 'Tệp không có thủ tục nào.' }],
    );
  }
  return { format, read, diff, problems: problems.list };
}

/**
 * The whole catalogue after an import: every known procedure, the changed ones replaced, the new
 * ones after them. Known procedures missing from the file stay: an import never deletes.
 */
export function catalogueAfter(known: KnownCatalogue, upload: ReadUpload, fileName: string): CatalogueImport {
  const byCode = new Map(upload.diff.upserts.map((p) => [p.code, p]));
  const procedures: Procedure[] = [];
  for (const code of known.codes()) {
    const p = byCode.get(code) ?? known.get(code);
    if (p) procedures.push(p);
    byCode.delete(code);
  }
  procedures.push(...byCode.values());
  const problems = upload.problems.map((p) => toImportProblem(p, fileName));
  return {
    procedures,
    problems,
    stats: {
      csvRows: upload.format === 'json' ? 0 : upload.read,
      records: upload.format === 'json' ? upload.read : 0,
      procedures: procedures.length,
      withFullRecord: procedures.filter((p) => p.hasFullRecord).length,
      communeLevel: procedures.filter((p) => p.communeLevel).length,
      problems: problems.length,
      problemsByKind: countByKind(problems),
    },
  };
}
