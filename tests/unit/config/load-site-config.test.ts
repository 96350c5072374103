import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSiteConfig, saveSiteConfig, siteConfigToYaml } from '../../../server/config/load-site-config.js';
import { atomicTempPath } from '../../../server/config/write-file-atomic.js';
import { demo, errorsOf, expectError } from './site-config-fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saveSiteConfig and loadSiteConfig', () => {
  it('round-trip the demo through YAML', async () => {
    const file = join(dir, 'site.yaml');
    const config = demo();
    await saveSiteConfig(file, config);
    const loaded = await loadSiteConfig(file);
    expect(loaded).toEqual({ ok: true, config });
  });

  it('round-trip through JSON when the file says .json', async () => {
    const file = join(dir, 'site.json');
    await saveSiteConfig(file, demo());
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(demo());
    expect(await loadSiteConfig(file)).toEqual({ ok: true, config: demo() });
  });

  it('write a header in Vietnamese and English, and keep Vietnamese text readable', async () => {
    const text = siteConfigToYaml(demo());
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Cấu hình điểm phục vụ motcua-hall: Trung tâm Phục vụ hành chính công xã Tân Phú');
    expect(text).toMatch(/^# Site settings of motcua-hall/m);
    expect(text).toMatch(/^# .*Mật khẩu cán bộ không lưu ở đây/m);
    expect(text).toContain('name: Hộ tịch – Chứng thực');
    expect(text).not.toMatch(/\\u/);
  });

  it('keep the file private to the hub (device keys are secrets)', async () => {
    const file = join(dir, 'site.yaml');
    await saveSiteConfig(file, demo());
    expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('create a data folder that does not exist yet, private to the hub (a fresh clone has no ./data)', async () => {
    const file = join(dir, 'new', 'data', 'site.yaml');
    await saveSiteConfig(file, demo());
    expect((await loadSiteConfig(file)).ok).toBe(true);
    expect((await stat(join(dir, 'new', 'data'))).mode & 0o777).toBe(0o700);
  });

  it('refuse to save an invalid config, leaving the file as it was', async () => {
    const file = join(dir, 'site.yaml');
    await writeFile(file, 'old: content\n');
    const bad = demo();
    bad.counters[1]!.number = 1;
    await expect(saveSiteConfig(file, bad)).rejects.toThrow(/\/counters\/1\/number: Duplicate counter number/);
    expect(await readFile(file, 'utf8')).toBe('old: content\n');
  });
});

describe('saveSiteConfig atomicity', () => {
  it('leaves the old file whole when the write fails, and no temp file behind', async () => {
    const file = join(dir, 'site.yaml');
    await saveSiteConfig(file, demo());
    const before = await readFile(file, 'utf8');
    // A directory where the temp file must go: opening it for writing fails for root too (EISDIR).
    await mkdir(atomicTempPath(file));
    const changed = demo();
    changed.office.name = 'Trung tâm Phục vụ hành chính công xã Tân Phú (mới)';
    await expect(saveSiteConfig(file, changed)).rejects.toThrow(/EISDIR/);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await loadSiteConfig(file)).toEqual({ ok: true, config: demo() });
  });

  it('overwrites a temp file left by an earlier crash, and leaves only the target', async () => {
    const file = join(dir, 'site.yaml');
    await writeFile(atomicTempPath(file), 'half a fi');
    await saveSiteConfig(file, demo());
    expect(await readdir(dir)).toEqual(['site.yaml']);
    expect((await loadSiteConfig(file)).ok).toBe(true);
  });
});

describe('loadSiteConfig errors', () => {
  it('reports a YAML syntax error once, with line and column, at the root path', async () => {
    const file = join(dir, 'site.yaml');
    await writeFile(file, 'office:\n  name: Trung tâm\n  nameEn: [Centre\nrolloverHour: 0\n');
    const errors = errorsOf(await loadSiteConfig(file));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('');
    expect(errors[0]?.message).toMatch(/^YAML syntax error at line 4, column 1: /);
  });

  it('treats a repeated key as an error, not a silent override', async () => {
    const file = join(dir, 'site.yml');
    await writeFile(file, 'maxRecalls: 2\nmaxRecalls: 5\n');
    expectError(errorsOf(await loadSiteConfig(file)), '', /line 2, column 1: Map keys must be unique/);
  });

  it('reports a JSON syntax error with line and column', async () => {
    const file = join(dir, 'site.json');
    await writeFile(file, '{\n  "office": {},\n}\n');
    expectError(errorsOf(await loadSiteConfig(file)), '', /^JSON syntax error at line 3, column 1/);
  });

  it('reports every validation error of a parsed file', async () => {
    const file = join(dir, 'site.yaml');
    const text = siteConfigToYaml(demo()).replace('maxRecalls: 2', 'maxRecalls: 20').replace('number: 2\n', 'number: 1\n');
    await writeFile(file, text);
    const errors = errorsOf(await loadSiteConfig(file));
    expectError(errors, '/maxRecalls', /less or equal to 10/);
    expectError(errors, '/counters/1/number', /Duplicate counter number 1/);
  });

  it('reports a missing file and an unsupported file type', async () => {
    expectError(errorsOf(await loadSiteConfig(join(dir, 'none.yaml'))), '', /Cannot read .*none\.yaml/);
    expectError(errorsOf(await loadSiteConfig(join(dir, 'site.toml'))), '', /Unsupported file type '\.toml'/);
  });

  it('reads a file with a byte-order mark and decomposed Vietnamese as the same config', async () => {
    const file = join(dir, 'site.yaml');
    await writeFile(file, `\uFEFF${siteConfigToYaml(demo()).normalize('NFD')}`);
    expect(await loadSiteConfig(file)).toEqual({ ok: true, config: demo() });
  });
});
