import type { Procedure } from '../../../common/catalogue/procedure-schema.js';
import type { SearchDoc } from '../../../common/search/procedure-search.js';
import type { Db } from '../db.js';

export interface ProcedureImportLog {
  readonly at: number;
  readonly source: string;
  readonly durationMs: number;
  readonly stats: unknown;
  readonly problems: readonly unknown[];
}

export interface ProceduresRepository {
  count(): number;
  /** Replaces the whole catalogue and logs the import, in one transaction: readers see the old or the new, never half. */
  replaceAll(procedures: readonly Procedure[], log: ProcedureImportLog): void;
  get(code: string): Procedure | undefined;
  /** What the search index is built from, for every procedure. */
  searchDocs(): SearchDoc[];
  lastImport(): (Omit<ProcedureImportLog, 'problems'> & { problemCount: number }) | undefined;
}

export function proceduresRepository(db: Db): ProceduresRepository {
  const count = db.prepare('SELECT count(*) AS n FROM procedures');
  const clear = db.prepare('DELETE FROM procedures');
  const insert = db.prepare(
    'INSERT INTO procedures (code, name, field, commune_level, keywords, document) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const logImport = db.prepare(
    'INSERT INTO procedure_imports (at, source, duration_ms, stats, problem_count, problems) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const get = db.prepare('SELECT document FROM procedures WHERE code = ?');
  const docs = db.prepare('SELECT code, name, field, commune_level, keywords FROM procedures ORDER BY rowid');
  const last = db.prepare('SELECT at, source, duration_ms, stats, problem_count FROM procedure_imports ORDER BY id DESC LIMIT 1');
  const replaceAll = db.transaction((procedures: readonly Procedure[], log: ProcedureImportLog) => {
    clear.run();
    for (const p of procedures) {
      insert.run(p.code, p.name, p.field, p.communeLevel ? 1 : 0, JSON.stringify(p.keywords), JSON.stringify(p));
    }
    logImport.run(
      log.at,
      log.source,
      Math.round(log.durationMs),
      JSON.stringify(log.stats),
      log.problems.length,
      JSON.stringify(log.problems),
    );
  });
  return {
    count: () => (count.get() as { n: number }).n,
    replaceAll: (procedures, log) => replaceAll(procedures, log),
    get(code) {
      const row = get.get(code) as { document: string } | undefined;
      return row ? (JSON.parse(row.document) as Procedure) : undefined;
    },
    searchDocs: () =>
      (docs.all() as { code: string; name: string; field: string | null; commune_level: number; keywords: string }[]).map(
        (r) => ({
          code: r.code,
          name: r.name,
          field: r.field,
          communeLevel: r.commune_level === 1,
          keywords: JSON.parse(r.keywords) as string[],
        }),
      ),
    lastImport() {
      const r = last.get() as
        { at: number; source: string; duration_ms: number; stats: string; problem_count: number } | undefined;
      return (
        r && {
          at: r.at,
          source: r.source,
          durationMs: r.duration_ms,
          stats: JSON.parse(r.stats) as unknown,
          problemCount: r.problem_count,
        }
      );
    },
  };
}
