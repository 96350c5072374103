import { cleanText, foldVietnamese } from '../../common/text/fold.js';
import { parseCsv } from './parse-csv.js';
import type { ProblemSink } from './import-problem.js';
import { isWellFormedCode } from './procedure-code.js';

/** One row of catalogue.csv, cleaned: NFC, white space tidied, empty cells null. */
export interface CatalogueRow {
  readonly code: string;
  readonly name: string;
  readonly issuingAgency: string | null;
  readonly implementingAgency: string | null;
  readonly field: string | null;
  readonly url: string | null;
  readonly line: number;
}

/** The columns by their folded header, so "Mã số" and "MA SO" are the same column. */
const COLUMNS = {
  code: 'ma so',
  name: 'ten',
  issuingAgency: 'co quan ban hanh',
  implementingAgency: 'co quan thuc hien',
  field: 'linh vuc',
  url: 'url',
} as const;

type Column = keyof typeof COLUMNS;

export function readCatalogueCsv(text: string, problems: ProblemSink): CatalogueRow[] {
  const { rows, errors } = parseCsv(text);
  for (const e of errors) problems.add('csv-syntax', `line ${e.line}`, e.message);
  const [header, ...body] = rows;
  if (!header) {
    problems.add('csv-header', '', 'the file is empty');
    return [];
  }
  const index = new Map<Column, number>();
  const folded = header.fields.map((h) => foldVietnamese(h));
  for (const [col, name] of Object.entries(COLUMNS) as [Column, string][]) {
    const at = folded.indexOf(name);
    if (at >= 0) index.set(col, at);
    else if (col === 'code' || col === 'name') {
      problems.add('csv-header', 'line 1', `no "${name}" column: nothing can be read`);
      return [];
    } else problems.add('csv-header', 'line 1', `no "${name}" column`);
  }
  const out: CatalogueRow[] = [];
  for (const row of body) {
    const cell = (col: Column): string | null => {
      const at = index.get(col);
      const v = at === undefined ? '' : cleanText(row.fields[at] ?? '');
      return v === '' ? null : v;
    };
    const section = `line ${row.line}`;
    if (row.fields.length !== header.fields.length) {
      problems.add('csv-columns', section, `${row.fields.length} columns where the header has ${header.fields.length}`);
    }
    const code = cell('code');
    problems.code = code;
    if (!code) {
      problems.add('malformed-code', section, 'no code: row skipped');
      continue;
    }
    if (!isWellFormedCode(code)) problems.add('malformed-code', section, `"${code}" is not D.DDDDDD; imported as written`);
    const name = cell('name');
    if (!name) {
      problems.add('missing-name', section, 'no name: row skipped');
      continue;
    }
    out.push({
      code,
      name,
      issuingAgency: cell('issuingAgency'),
      implementingAgency: cell('implementingAgency'),
      field: cell('field'),
      url: cell('url'),
      line: row.line,
    });
  }
  problems.code = null;
  return out;
}
