import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_FILE, importCatalogue, type CatalogueImport } from './import-catalogue.js';

/**
 * Reads a catalogue folder as ../shared/data/procedures lays it out (catalogue.csv and records/*.md)
 * and imports it. Throws when catalogue.csv cannot be read; a missing records/ folder is just a
 * catalogue without full records.
 */
export function importCatalogueFromDir(dir: string): CatalogueImport {
  const csv = readFileSync(join(dir, CSV_FILE), 'utf8');
  const recordsDir = join(dir, 'records');
  let names: string[] = [];
  try {
    names = readdirSync(recordsDir)
      .filter((n) => n.toLowerCase().endsWith('.md'))
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // A generator: one file's text in memory at a time.
  function* records() {
    for (const name of names) yield { name, text: readFileSync(join(recordsDir, name), 'utf8') };
  }
  return importCatalogue({ csv, records: records() });
}
