import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's firmware-configs folder, found by walking up from this module: the same code runs
 * from server/ under tsx and from dist/server/ when built, at different depths.
 */
export function firmwareConfigsDir(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const candidate = join(dir, 'firmware-configs');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the firmware-configs folder above the hub code');
    dir = parent;
  }
}
