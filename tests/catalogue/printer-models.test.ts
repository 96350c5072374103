import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firmwareConfigsDir } from '../../server/devices/catalogue/firmware-configs-dir.js';
import {
  formatCatalogueErrors,
  InvalidCatalogueError,
  loadPrinterModels,
  loadPrinterModelsOrThrow,
} from '../../server/devices/catalogue/load-printer-models.js';

const printersDir = join(firmwareConfigsDir(), 'printers');

describe('firmware-configs/printers', () => {
  it('every model file is valid', async () => {
    const { models, errors } = await loadPrinterModels(printersDir);
    expect(formatCatalogueErrors(errors)).toBe('');
    expect([...models.keys()].sort()).toEqual(
      expect.arrayContaining([
        'epson/tm-t82iii',
        'generic/escpos-58mm',
        'generic/escpos-80mm',
        'sim/thermal-80mm',
        'xprinter/xp-58iih',
      ]),
    );
  });

  it('has the widths DESIGN §8 renders for, and the demo office model', async () => {
    const models = await loadPrinterModelsOrThrow(printersDir);
    expect(models.get('generic/escpos-58mm')?.dots).toBe(384);
    expect(models.get('generic/escpos-80mm')?.dots).toBe(576);
    expect(models.get('epson/tm-t82iii')?.links).toMatchObject({ tcp: { status: true }, serial: { status: true } });
  });
});

describe('loadPrinterModels on broken files', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function folderWith(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'motcua-models-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }

  it('reports every error with its file, line and path', async () => {
    const good = await readFile(join(printersDir, 'generic-escpos-80mm.yaml'), 'utf8');
    const broken = good
      .replace('kind: partial', 'kind: guillotine')
      .replace('dots: 576', 'dots: 500')
      .replace('  tcp:\n    port: 9100', '  tcp:\n    port: 99999');
    const folder = await folderWith({ 'generic-escpos-80mm.yaml': broken });
    const { models, errors } = await loadPrinterModels(folder);
    expect(models.size).toBe(0);
    const file = join(folder, 'generic-escpos-80mm.yaml');
    expect(errors.map((e) => [e.file, e.path])).toEqual(
      expect.arrayContaining([
        [file, '/cut/kind'],
        [file, '/dots'],
        [file, '/links/tcp/port'],
      ]),
    );
    const kind = errors.find((e) => e.path === '/cut/kind');
    expect(kind?.message).toBe('Expected one of "none", "full", "partial", got "guillotine"');
    expect(kind?.line).toBe(broken.split('\n').findIndex((l) => l.includes('guillotine')) + 1);
    expect(formatCatalogueErrors(errors)).toContain(`${file}:${kind?.line} /cut/kind: Expected one of`);
    await expect(loadPrinterModelsOrThrow(folder)).rejects.toBeInstanceOf(InvalidCatalogueError);
  });

  it('checks what the schema cannot: file name, dots against the head, duplicate ids, YAML syntax', async () => {
    const good = await readFile(join(printersDir, 'generic-escpos-58mm.yaml'), 'utf8');
    const folder = await folderWith({
      'generic-escpos-58mm.yaml': good,
      'copy.yaml': good,
      'wide.yaml': good.replace('id: generic/escpos-58mm', 'id: acme/wide').replace('dpi: 203', 'dpi: 300'),
      'bad-syntax.yaml': 'id: [unclosed\n',
      'missing.yaml': 'id: acme/missing\n',
    });
    const { errors } = await loadPrinterModels(folder);
    const at = (name: string) => errors.filter((e) => e.file === join(folder, name)).map((e) => `${e.path}: ${e.message}`);
    expect(at('copy.yaml')).toEqual(["/id: Model id 'generic/escpos-58mm' belongs in a file named generic-escpos-58mm.yaml"]);
    expect(at('wide.yaml')).toEqual([
      "/id: Model id 'acme/wide' belongs in a file named acme-wide.yaml",
      '/dots: 384 dots do not match 48 mm at 300 dpi (about 567 dots)',
    ]);
    expect(at('bad-syntax.yaml')[0]).toMatch(/^: Not valid YAML/);
    expect(at('missing.yaml')).toEqual(
      expect.arrayContaining(["/vendor: Missing required setting 'vendor'", "/links: Missing required setting 'links'"]),
    );
  });

  it('reports a duplicate id in two correctly named files', async () => {
    const good = await readFile(join(printersDir, 'generic-escpos-58mm.yaml'), 'utf8');
    const folder = await folderWith({ 'generic-escpos-58mm.yaml': good, 'generic-escpos-58mm.yml': good });
    const { errors } = await loadPrinterModels(folder);
    expect(errors).toEqual([
      {
        file: join(folder, 'generic-escpos-58mm.yml'),
        path: '/id',
        line: 4,
        message: `Model id 'generic/escpos-58mm' is already defined in ${join(folder, 'generic-escpos-58mm.yaml')}`,
      },
    ]);
  });

  it('reports a folder that cannot be read', async () => {
    const { errors } = await loadPrinterModels('/nonexistent/printers');
    expect(errors[0]).toMatchObject({ file: '/nonexistent/printers', path: '' });
  });
});
