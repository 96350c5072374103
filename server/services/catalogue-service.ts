import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldCount, Procedure, ProcedureSummary } from '../../common/catalogue/procedure-schema.js';
import { ProcedureSearch, type SearchDoc, type SearchOptions } from '../../common/search/procedure-search.js';
import type { CatalogueImport } from '../catalogue/import-catalogue.js';
import { importCatalogueFromDir } from '../catalogue/import-from-dir.js';
import type { Clock } from '../core/ports.js';
import type { ProceduresRepository } from '../storage/repositories/procedures.js';
import type { Logger } from './logger.js';

export interface CatalogueServiceDeps {
  readonly repo: ProceduresRepository;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The procedure catalogue: full documents stay in SQLite (read one at a time), the summaries live in
 * an in-memory search index. The first start of a hub imports the catalogue folder into an empty
 * table (about a second for 5,600 procedures and 2,100 records); every later start only reads the
 * table back and builds the index.
 */
export class CatalogueService {
  private index = new ProcedureSearch([]);
  private fieldCounts: FieldCount[] = [];

  constructor(private readonly deps: CatalogueServiceDeps) {}

  /**
   * Loads the catalogue; when the table is empty and `dir` holds a catalogue, imports it first.
   * A missing folder is logged, not fatal: the hall works without a catalogue.
   */
  start(dir: string | null): void {
    if (this.deps.repo.count() === 0 && dir !== null) {
      if (existsSync(join(dir, 'catalogue.csv'))) {
        // A catalogue that cannot be read must not keep the hall from opening: logged, left empty.
        try {
          const started = performance.now();
          const result = importCatalogueFromDir(dir);
          this.replace(result, dir, performance.now() - started);
          return;
        } catch (err) {
          this.deps.logger.error({ err, dir }, 'procedure catalogue import failed: procedure look-up stays empty');
        }
      } else {
        this.deps.logger.warn({ dir }, 'no procedure catalogue found: procedure look-up stays empty until one is imported');
      }
    }
    this.rebuild(this.deps.repo.searchDocs());
  }

  /** Stores an import as the whole catalogue (one transaction) and rebuilds the index. */
  replace(result: CatalogueImport, source: string, durationMs: number): void {
    const { procedures, problems, stats } = result;
    this.deps.repo.replaceAll(procedures, { at: this.deps.clock.now(), source, durationMs, stats, problems });
    this.deps.logger.info(
      {
        source,
        ms: Math.round(durationMs),
        procedures: stats.procedures,
        records: stats.withFullRecord,
        problems: stats.problemsByKind,
      },
      'procedure catalogue imported',
    );
    this.rebuild(
      procedures.map((p) => ({ code: p.code, name: p.name, field: p.field, communeLevel: p.communeLevel, keywords: p.keywords })),
    );
  }

  get size(): number {
    return this.index.size;
  }

  search(query: string, options: SearchOptions = {}): ProcedureSummary[] {
    return this.index.search(query, options);
  }

  get(code: string): Procedure | undefined {
    return this.deps.repo.get(code);
  }

  /** Fields (lĩnh vực) with their procedure counts, the largest first. */
  fields(): readonly FieldCount[] {
    return this.fieldCounts;
  }

  private rebuild(docs: SearchDoc[]): void {
    this.index = new ProcedureSearch(docs);
    const counts = new Map<string, FieldCount>();
    for (const d of docs) {
      if (!d.field) continue;
      const c = counts.get(d.field) ?? { field: d.field, count: 0, communeCount: 0 };
      counts.set(d.field, { field: d.field, count: c.count + 1, communeCount: c.communeCount + (d.communeLevel ? 1 : 0) });
    }
    this.fieldCounts = [...counts.values()].sort((a, b) => b.count - a.count || (a.field < b.field ? -1 : 1));
  }
}
