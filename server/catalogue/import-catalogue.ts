import type { Procedure } from '../../common/catalogue/procedure-schema.js';
import { readCatalogueCsv, type CatalogueRow } from './catalogue-csv.js';
import { countByKind, ProblemSink, type ImportProblem, type ImportProblemKind } from './import-problem.js';
import { mergeProcedure } from './merge-procedure.js';
import { parseRecord, type ParsedRecord } from './parse-record.js';

export interface CatalogueSource {
  /** catalogue.csv as text (a byte-order mark is fine). */
  readonly csv: string;
  /** The record files: name (e.g. "1_001193.md") and text. */
  readonly records: Iterable<{ readonly name: string; readonly text: string }>;
}

export interface ImportStats {
  readonly csvRows: number;
  readonly records: number;
  readonly procedures: number;
  readonly withFullRecord: number;
  readonly communeLevel: number;
  readonly problems: number;
  readonly problemsByKind: Partial<Record<ImportProblemKind, number>>;
}

export interface CatalogueImport {
  readonly procedures: Procedure[];
  readonly problems: ImportProblem[];
  readonly stats: ImportStats;
}

export const CSV_FILE = 'catalogue.csv';

/**
 * Reads the catalogue and its records into the hub's model: pure (no files, no clock), so the admin
 * screen can run it on uploaded content exactly as the hub does at first start. Rows and records
 * meet by code; a record without a row, or a row without a record, is still a procedure. Whatever
 * could not be read is in `problems`, never silently dropped.
 */
export function importCatalogue(source: CatalogueSource): CatalogueImport {
  const csvProblems = new ProblemSink(CSV_FILE);
  const rows = readCatalogueCsv(source.csv, csvProblems);
  const problems: ImportProblem[] = [...csvProblems.list];

  const byCode = new Map<string, CatalogueRow>();
  for (const row of rows) {
    if (byCode.has(row.code)) {
      problems.push({
        kind: 'duplicate-code',
        code: row.code,
        file: CSV_FILE,
        section: `line ${row.line}`,
        problem: 'code already on an earlier line; this row skipped',
      });
    } else byCode.set(row.code, row);
  }

  const records = new Map<string, ParsedRecord>();
  let recordCount = 0;
  for (const { name, text } of source.records) {
    recordCount++;
    const parsed = parseRecord(name, text);
    problems.push(...parsed.problems.list);
    const rec = parsed.record;
    if (!rec) continue;
    if (records.has(rec.code)) {
      problems.push({
        kind: 'duplicate-code',
        code: rec.code,
        file: name,
        section: '',
        problem: `another record (${records.get(rec.code)?.file}) has this code; this one skipped`,
      });
      continue;
    }
    records.set(rec.code, rec);
    if (!byCode.has(rec.code)) {
      problems.push({
        kind: 'record-without-row',
        code: rec.code,
        file: name,
        section: '',
        problem: 'no row in catalogue.csv: imported from the record alone',
      });
    }
  }

  const procedures: Procedure[] = [];
  for (const [code, row] of byCode) procedures.push(mergeProcedure(code, row, records.get(code) ?? null));
  for (const [code, rec] of records) if (!byCode.has(code)) procedures.push(mergeProcedure(code, null, rec));
  for (const p of procedures) {
    if (p.field === null)
      problems.push({
        kind: 'missing-field',
        code: p.code,
        file: records.get(p.code)?.file ?? CSV_FILE,
        section: '',
        problem: 'no field (lĩnh vực) in the row or the record',
      });
  }

  return {
    procedures,
    problems,
    stats: {
      csvRows: rows.length,
      records: recordCount,
      procedures: procedures.length,
      withFullRecord: procedures.filter((p) => p.hasFullRecord).length,
      communeLevel: procedures.filter((p) => p.communeLevel).length,
      problems: problems.length,
      problemsByKind: countByKind(problems),
    },
  };
}
