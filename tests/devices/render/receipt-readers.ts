import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The poppler and zbar tools that read a printed form back as a person's tools would: pdftoppm
 * rasterises a page as a printer driver does, pdftotext reads the text layer a search or a screen
 * reader sees, zbarimg reads the symbols. A missing tool fails with the fix in one line.
 */
function run(cmd: string, args: readonly string[], pkg: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(`${cmd} is not installed: apt-get install ${pkg}`);
  if (r.error !== undefined) throw r.error;
  return r;
}

/** Symbols zbarimg finds in an image, as "TYPE:text" (CODE-128:…, QR-Code:…), sorted. */
export function zbarSymbols(pngPath: string): string[] {
  const r = run('zbarimg', ['-q', pngPath], 'zbar-tools');
  if (r.status === 4) return [];
  if (r.status !== 0) throw new Error(`zbarimg failed (exit ${r.status}): ${r.stderr.trim()}`);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .sort();
}

/** Every page as `${prefix}-N.png` at `dpi`; returns the files in page order. */
export function pdfToPngs(pdfPath: string, dir: string, prefix: string, dpi = 200): string[] {
  const r = run('pdftoppm', ['-r', String(dpi), '-png', pdfPath, join(dir, prefix)], 'poppler-utils');
  if (r.status !== 0) throw new Error(`pdftoppm failed (exit ${r.status}): ${r.stderr.trim()}`);
  const page = (f: string): number => Number(/-(\d+)\.png$/.exec(f)?.[1] ?? 0);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort((a, b) => page(a) - page(b))
    .map((f) => join(dir, f));
}

/** The text layer of one page (or all), whitespace collapsed so wrapped lines still match. */
export function pdfText(pdfPath: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const r = run('pdftotext', [...range, pdfPath, '-'], 'poppler-utils');
  if (r.status !== 0) throw new Error(`pdftotext failed (exit ${r.status}): ${r.stderr.trim()}`);
  return r.stdout.normalize('NFC').replace(/\s+/gu, ' ');
}
