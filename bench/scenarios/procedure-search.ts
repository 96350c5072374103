import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProcedureSearch, type SearchDoc, type SearchOptions } from '../../common/search/procedure-search.js';
import { importCatalogueFromDir } from '../../server/catalogue/import-from-dir.js';
import { openDatabase } from '../../server/storage/db.js';
import { migrate } from '../../server/storage/migrate.js';
import { proceduresRepository } from '../../server/storage/repositories/procedures.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { fmt, formatTable } from '../lib/table.js';
import { CODES, FILTERED, SLIPS, TYPING, WORDS } from './procedure-search-queries.js';

/**
 * The procedure catalogue as a hub meets it: the first start's import (parse 5,607 rows and 2,104
 * records, store them in one transaction), a later start's load from the table and index build,
 * and the time per query of a kiosk's search over the whole catalogue. Queries are what citizens
 * type (with and without diacritics, slips, codes, the letters of a word being typed), warmed up
 * once, then repeated; the figures are per query.
 */
export interface ProcedureSearchResult {
  readonly procedures: number;
  readonly records: number;
  readonly problems: number;
  /** Milliseconds: parse the folder (first start). */
  readonly importMs: number;
  /** Milliseconds: store the imported catalogue in SQLite, one transaction (first start). */
  readonly storeMs: number;
  /** Milliseconds: read the search documents back from the table (every later start). */
  readonly loadMs: number;
  /** Milliseconds per index build, over several builds. */
  readonly indexBuild: LatencySummary;
  readonly distinctQueries: number;
  readonly repeats: number;
  /** Milliseconds per query. */
  readonly query: LatencySummary;
  readonly slowestQueries: readonly { query: string; medianMs: number; maxMs: number }[];
}

export function runProcedureSearch(dir: string, repeats: number, log: (line: string) => void): ProcedureSearchResult {
  let t = performance.now();
  const imported = importCatalogueFromDir(dir);
  const importMs = performance.now() - t;
  log(`procedure-search: imported ${imported.stats.procedures} procedures in ${importMs.toFixed(0)} ms`);

  const tmp = mkdtempSync(join(tmpdir(), 'motcua-bench-catalogue-'));
  let storeMs: number;
  let loadMs: number;
  let docs: SearchDoc[] = [];
  try {
    const db = openDatabase(join(tmp, 'hall.db'));
    migrate(db);
    const repo = proceduresRepository(db);
    t = performance.now();
    repo.replaceAll(imported.procedures, {
      at: Date.now(),
      source: dir,
      durationMs: importMs,
      stats: imported.stats,
      problems: imported.problems,
    });
    storeMs = performance.now() - t;
    t = performance.now();
    docs = repo.searchDocs();
    loadMs = performance.now() - t;
    db.close();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const builds: number[] = [];
  let search = new ProcedureSearch(docs);
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    search = new ProcedureSearch(docs);
    builds.push(performance.now() - t);
  }

  const queries: [string, SearchOptions][] = [
    ...[...WORDS, ...SLIPS, ...CODES, ...TYPING, 'x'.repeat(10_000)].map((q) => [q, {}] as [string, SearchOptions]),
    ...FILTERED,
  ];
  for (const [q, o] of queries) search.search(q, o); // warm-up: the JIT, not the figures
  const all: number[] = [];
  const per = new Map<string, number[]>();
  for (let r = 0; r < repeats; r++) {
    for (const [q, o] of queries) {
      t = performance.now();
      search.search(q, { limit: 20, ...o });
      const ms = performance.now() - t;
      all.push(ms);
      const key = `${q.slice(0, 40)}${o.field ? ` [${o.field}]` : ''}${o.communeOnly ? ' [xã]' : ''}`;
      const list = per.get(key);
      if (list) list.push(ms);
      else per.set(key, [ms]);
    }
  }
  const slowestQueries = [...per]
    .map(([query, ms]) => ({ query, medianMs: summarize(ms).median ?? 0, maxMs: summarize(ms).max ?? 0 }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 5);
  return {
    procedures: imported.stats.procedures,
    records: imported.stats.withFullRecord,
    problems: imported.stats.problems,
    importMs: Math.round(importMs),
    storeMs: Math.round(storeMs),
    loadMs: Math.round(loadMs),
    indexBuild: summarize(builds),
    distinctQueries: queries.length,
    repeats,
    query: summarize(all),
    slowestQueries,
  };
}

export function formatProcedureSearchTable(r: ProcedureSearchResult): string {
  const rows = [
    [
      'first start: import folder',
      fmt(r.importMs, 0),
      `${r.procedures} procedures, ${r.records} records, ${r.problems} problems`,
    ],
    ['first start: store (1 transaction)', fmt(r.storeMs, 0), ''],
    ['later start: load from table', fmt(r.loadMs, 0), ''],
    ['index build (median of 5)', fmt(r.indexBuild.median, 1), `max ${fmt(r.indexBuild.max, 1)}`],
    ['query median', fmt(r.query.median, 3), `${r.distinctQueries} queries x ${r.repeats}`],
    ['query p99', fmt(r.query.p99, 3), `max ${fmt(r.query.max, 3)}`],
    ...r.slowestQueries.map((q) => [`  slow: ${q.query}`, fmt(q.medianMs, 3), `max ${fmt(q.maxMs, 3)}`]),
  ];
  return formatTable(['procedure catalogue', 'ms', ''], rows);
}
