import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import {
  ProcedureSchema,
  type FieldCount,
  type Procedure,
  type ProcedureSummary,
} from '../../common/catalogue/procedure-schema.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { api, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { deviceKey } from '../helpers/test-site.js';

interface SearchResult {
  query: string;
  truncated: boolean;
  items: ProcedureSummary[];
}

/** The catalogue over real HTTP: imported on the hub's first start, read back on the next. */
describe('procedure catalogue API', () => {
  let t: TestHub;
  let kiosk: { deviceKey: string };
  let officer: { token: string };
  const search = (params: Record<string, string>, auth: { token?: string; deviceKey?: string } = kiosk) =>
    api<SearchResult>(t.url, 'GET', `/api/procedures/search?${new URLSearchParams(params).toString()}`, auth);
  const importCount = () => (t.hub.db.prepare('SELECT count(*) AS n FROM procedure_imports').get() as { n: number }).n;

  beforeAll(async () => {
    t = await startTestHub({ catalogueDir: sharedDataPath('procedures') });
    kiosk = { deviceKey: deviceKey(t.site, 'kiosk') };
    officer = { token: await signIn(t.url, t.site.officers[0]!.username) };
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('imported the catalogue once on first start, with its problems logged', () => {
    expect(importCount()).toBe(1);
    const log = t.hub.db.prepare('SELECT problem_count, stats FROM procedure_imports').get() as {
      problem_count: number;
      stats: string;
    };
    expect(JSON.parse(log.stats)).toMatchObject({ procedures: 5611, withFullRecord: 2104 });
    expect(log.problem_count).toBeGreaterThan(0);
  });

  it('finds Thủ tục đăng ký khai sinh first for the kiosk and for an officer', async () => {
    for (const auth of [kiosk, officer]) {
      const res = await search({ q: 'dang ky khai sinh' }, auth);
      expect(res.status).toBe(200);
      if (!res.body.ok) throw new Error(res.body.error.code);
      expect(res.body.data.items[0]).toEqual({
        code: '1.001193',
        name: 'Thủ tục đăng ký khai sinh',
        field: 'Hộ tịch',
        communeLevel: true,
      });
      expect(res.body.data).toMatchObject({ query: 'dang ky khai sinh', truncated: false });
    }
  });

  it('refuses anyone unauthenticated', async () => {
    for (const path of ['/api/procedures/search?q=khai%20sinh', '/api/procedures/1.001193', '/api/procedures/fields']) {
      const res = await api(t.url, 'GET', path, {});
      expect(res.status).toBe(401);
      expect(res.body.ok || res.body.error.code).toBe('UNAUTHENTICATED');
    }
    expect((await search({ q: 'khai sinh' }, { deviceKey: 'not-a-key' })).status).toBe(401);
  });

  it('filters by field and commune level, and caps the limit at 50', async () => {
    const res = await search({ q: 'dang ky', field: 'Hộ tịch', commune: 'true', limit: '500' });
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(res.body.data.items.length).toBeGreaterThan(5);
    expect(res.body.data.items.length).toBeLessThanOrEqual(50);
    expect(res.body.data.items.every((i) => i.field === 'Hộ tịch' && i.communeLevel)).toBe(true);
    const few = await search({ q: 'khai sinh', limit: '2' });
    expect(few.body.ok && few.body.data.items).toHaveLength(2);
  });

  it('cuts a 10,000-character query instead of refusing it', async () => {
    const res = await search({ q: `${'dang ky khai sinh '.repeat(600)}x`.slice(0, 10_000) });
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(res.body.data.truncated).toBe(true);
    expect(res.body.data.query.length).toBeLessThanOrEqual(200);
    expect(res.body.data.items[0]?.code).toBe('1.001193');
  });

  it('refuses malformed parameters with every problem listed', async () => {
    const res = await search({ q: 'x', limit: 'ten', commune: 'yes', extra: '1' });
    expect(res.status).toBe(400);
    if (res.body.ok) throw new Error('accepted');
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details?.map((d) => d.path).sort()).toEqual([
      '/querystring/commune',
      '/querystring/extra',
      '/querystring/limit',
    ]);
  });

  it('gives a procedure in full, and 404 for an unknown code', async () => {
    const res = await api<Procedure>(t.url, 'GET', '/api/procedures/1.001193', kiosk);
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(TypeCompiler.Compile(ProcedureSchema).Check(res.body.data)).toBe(true);
    expect(res.body.data).toMatchObject({ code: '1.001193', hasFullRecord: true, communeLevel: true, result: 'Giấy khai sinh' });
    expect(res.body.data.documents[0]?.group).toBe('nop');
    const malformed = await api<Procedure>(t.url, 'GET', `/api/procedures/${encodeURIComponent('1.014955-Xoa')}`, officer);
    expect(malformed.status).toBe(200);
    const missing = await api(t.url, 'GET', '/api/procedures/9.999999', kiosk);
    expect(missing.status).toBe(404);
    expect(missing.body.ok || missing.body.error.code).toBe('NOT_FOUND');
  });

  it('lists the fields with their counts', async () => {
    const res = await api<FieldCount[]>(t.url, 'GET', '/api/procedures/fields', kiosk);
    if (!res.body.ok) throw new Error(res.body.error.code);
    const hoTich = res.body.data.find((f) => f.field === 'Hộ tịch');
    expect(hoTich?.count).toBeGreaterThanOrEqual(60);
    expect(hoTich?.communeCount).toBeGreaterThan(0);
    expect(res.body.data.reduce((n, f) => n + f.count, 0)).toBe(5611 - 3); // three records name no field
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await (await fetch(`${t.url}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/procedures/search', '/api/procedures/fields', '/api/procedures/{code}']),
    );
  });

  it('reads the catalogue back from its table after a restart, without importing again', async () => {
    t = await t.restart();
    expect(importCount()).toBe(1);
    const res = await search({ q: 'ket hon' });
    expect(res.body.ok && res.body.data.items[0]?.code).toBe('1.000894');
  });
});
