/**
 * What the importer could not read, reported rather than dropped: an admin sees the list after an
 * upload, and the counts by kind show whether a new export of the portal reads worse than the last.
 */
export type ImportProblemKind =
  | 'csv-syntax'
  | 'csv-header'
  | 'csv-columns'
  | 'malformed-code'
  | 'duplicate-code'
  | 'missing-name'
  | 'missing-field'
  | 'record-without-row'
  | 'record-unreadable'
  | 'code-mismatch'
  | 'missing-section'
  | 'flattened-section'
  | 'table-row'
  | 'empty-table'
  | 'unknown-channel'
  | 'unknown-key';

export interface ImportProblem {
  readonly kind: ImportProblemKind;
  /** The procedure code as written in the source, or null when the problem is not about one. */
  readonly code: string | null;
  /** The file the problem is in: "catalogue.csv" or the record's name. */
  readonly file: string;
  /** The section ("## Cách thức thực hiện"), CSV line ("line 12"), or "" for the whole file. */
  readonly section: string;
  /** English, for the admin screen and logs. */
  readonly problem: string;
}

/** Collects problems for one file, so parsers need not repeat the file and code each time. */
export class ProblemSink {
  readonly list: ImportProblem[] = [];

  constructor(
    readonly file: string,
    public code: string | null = null,
  ) {}

  add(kind: ImportProblemKind, section: string, problem: string): void {
    this.list.push({ kind, code: this.code, file: this.file, section, problem });
  }
}

export function countByKind(problems: readonly ImportProblem[]): Partial<Record<ImportProblemKind, number>> {
  const counts: Partial<Record<ImportProblemKind, number>> = {};
  for (const p of problems) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
  return counts;
}
