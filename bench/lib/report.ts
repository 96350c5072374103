import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/results/, next to this lib folder; gitignored, so reports pile up locally and nowhere else. */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/**
 * Writes the report under a timestamped name (kept, for comparing over time) and as latest.json
 * (overwritten, for scripts and CI that want "the last one"). Answers the timestamped path.
 */
export function writeReport(name: string, startedAt: Date, report: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Colons are not allowed in Windows file names; the ISO form stays sortable without them.
  const stamp = startedAt.toISOString().replace(/:/g, '-');
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const path = join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(path, text);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), text);
  return path;
}
