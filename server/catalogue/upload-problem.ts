import type { ImportProblem, ImportProblemKind } from './import-problem.js';

/**
 * Something in an uploaded catalogue file that could not be read as it stands, where an admin can
 * find it: the row (the line of a CSV, the row of the sheet, the position of a record in a JSON
 * list; 0 for the file as a whole) and the column. Vietnamese for the admin screen, English for the
 * API and the logs, like every refusal of the hub.
 */
export interface UploadProblem {
  readonly row: number;
  readonly column?: string;
  readonly code: string | null;
  readonly kind: ImportProblemKind | 'file';
  readonly message: string;
  readonly messageVi: string;
}

export class UploadProblems {
  readonly list: UploadProblem[] = [];

  add(p: { row: number; column?: string; code?: string | null; kind: UploadProblem['kind']; en: string; vi: string }): void {
    this.list.push({
      row: p.row,
      ...(p.column !== undefined ? { column: p.column } : {}),
      code: p.code ?? null,
      kind: p.kind,
      message: p.en,
      messageVi: p.vi,
    });
  }
}

/** The file-level failure: no row could be read, or the file is not what it says it is. */
export class UploadFileInvalid extends Error {
  constructor(readonly problems: readonly UploadProblem[]) {
    super(problems[0]?.message ?? 'the file cannot be read');
  }
}

export function fileProblem(en: string, vi: string): UploadFileInvalid {
  return new UploadFileInvalid([{ row: 0, code: null, kind: 'file', message: en, messageVi: vi }]);
}

/** As the import log of issue 3 keeps problems, so the log reads the same whichever way a catalogue came in. */
export function toImportProblem(p: UploadProblem, file: string): ImportProblem {
  return {
    kind: p.kind === 'file' ? 'csv-syntax' : p.kind,
    code: p.code,
    file,
    section: p.row > 0 ? `row ${p.row}${p.column ? `, ${p.column}` : ''}` : '',
    problem: p.message,
  };
}
