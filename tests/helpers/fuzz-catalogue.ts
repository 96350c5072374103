import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataPath } from './shared-data.js';

/**
 * A small procedure catalogue cut from the real one (../shared/data/procedures): the first `count`
 * procedures that have a full record, plus Đăng ký khai sinh. Imported in a fraction of the time of
 * the whole catalogue, and enough for dossiers to be received, so the fuzz reaches receipts,
 * details and status steps with real data. Returns the folder and the codes.
 */
export function miniCatalogue(dir: string, count = 25): { dir: string; codes: string[] } {
  const source = sharedDataPath('procedures');
  const recordOf = (code: string) => join(source, 'records', `${code.replace('.', '_')}.md`);
  const [header, ...lines] = readFileSync(join(source, 'catalogue.csv'), 'utf8').split(/\r?\n/);
  const rows = lines.filter((line) => /^\d\.\d{6},/.test(line) && existsSync(recordOf(line.slice(0, 8))));
  const chosen = [...rows.filter((l) => l.startsWith('1.001193,')), ...rows.slice(0, count)];
  const codes = [...new Set(chosen.map((l) => l.slice(0, 8)))];
  const out = join(dir, 'catalogue');
  mkdirSync(join(out, 'records'), { recursive: true });
  writeFileSync(join(out, 'catalogue.csv'), [header, ...new Set(chosen)].join('\n') + '\n');
  for (const code of codes) copyFileSync(recordOf(code), join(out, 'records', `${code.replace('.', '_')}.md`));
  return { dir: out, codes };
}
