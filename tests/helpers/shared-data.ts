import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The real reference data in ../shared/data (beside the repository, as on developers' machines and
 * in CI). Tests that read it fail with one clear line when it is missing, never skip silently.
 */
export function sharedDataPath(relative: string): string {
  const path = fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`Reference data missing: ${path} (check out ../shared beside this repository)`);
  return path;
}
