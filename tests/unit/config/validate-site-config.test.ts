import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { SiteConfigSchema } from '../../../server/config/site-config-schema.js';
import { validateSiteConfig } from '../../../server/config/validate-site-config.js';
import { deepFreeze, deleteAt, demo, errorsOf, expectError, setAt } from './site-config-fixtures.js';

describe('validateSiteConfig: schema errors', () => {
  it('refuses unknown settings at any depth instead of dropping them', () => {
    const c = demo();
    setAt(c, '/port', 8080);
    setAt(c, '/office/extra', 1);
    setAt(c, '/counters/0/queues/0/weight', 2);
    const errors = errorsOf(validateSiteConfig(c));
    expectError(errors, '/port', /Unknown setting 'port'/);
    expectError(errors, '/office/extra', /Unknown setting 'extra'/);
    expectError(errors, '/counters/0/queues/0/weight', /Unknown setting 'weight'/);
  });

  it('reports a wrong type with the value found', () => {
    const c = demo();
    setAt(c, '/maxRecalls', '2');
    setAt(c, '/counters/0/number', 1.5);
    setAt(c, '/counters/1/priorityCounter', 'yes');
    setAt(c, '/queues/0/fields', 'Hộ tịch');
    const errors = errorsOf(validateSiteConfig(c));
    expectError(errors, '/maxRecalls', /Expected integer, got "2"/);
    expectError(errors, '/counters/0/number', /Expected integer, got 1.5/);
    expectError(errors, '/counters/1/priorityCounter', /Expected boolean, got "yes"/);
    expectError(errors, '/queues/0/fields', /Expected array/);
  });

  it('reports a missing setting once, by name', () => {
    const c = demo();
    deleteAt(c, '/office/name');
    deleteAt(c, '/queues/2/series/width');
    deleteAt(c, '/devices');
    const errors = errorsOf(validateSiteConfig(c));
    expect(errors.filter((e) => e.path === '/office/name')).toEqual([
      { path: '/office/name', message: "Missing required setting 'name'" },
    ]);
    expectError(errors, '/queues/2/series/width', /Missing required setting 'width'/);
    expectError(errors, '/devices', /Missing required setting 'devices'/);
  });

  it('names the allowed values of a choice', () => {
    const c = demo();
    setAt(c, '/locale/thousand', 'ngan');
    setAt(c, '/devices/0/kind', 'tablet');
    const errors = errorsOf(validateSiteConfig(c));
    expectError(errors, '/locale/thousand', /Expected one of "nghìn", "ngàn", got "ngan"/);
    expectError(errors, '/devices/0/kind', /Expected one of "kiosk", .*"scanner", got "tablet"/);
  });

  it.each([
    ['000.00.31.H38', true],
    ['000.00.00.H38', true],
    ['000.00.31.h38', false],
    ['00.00.31.H38', false],
    ['000.00.31.H38-250702-0001', false],
    ['H38', false],
  ])('checks the agency code shape: %s', (code, ok) => {
    const c = demo();
    c.office.agencyCode = code;
    expect(validateSiteConfig(c).ok).toBe(ok);
  });

  it('checks ids, usernames, prefixes, ranges and blank names', () => {
    const c = demo();
    setAt(c, '/queues/0/id', 'Hộ-tịch');
    setAt(c, '/officers/0/username', 'ab');
    setAt(c, '/queues/1/series/prefix', '0');
    setAt(c, '/rolloverHour', 24);
    setAt(c, '/priority/every', 0);
    setAt(c, '/counters/0/name', '   ');
    setAt(c, '/devices/1/options', { kioskId: null, 'bad-key': 1 });
    const errors = errorsOf(validateSiteConfig(c));
    expectError(errors, '/queues/0/id', /Expected an id of 1-32 characters/);
    expectError(errors, '/officers/0/username', /Expected a username/);
    expectError(errors, '/queues/1/series/prefix', /one capital letter A-Z or one digit 1-9, got "0"/);
    expectError(errors, '/rolloverHour', /less or equal to 23, got 24/);
    expectError(errors, '/priority/every', /greater or equal to 1/);
    expectError(errors, '/counters/0/name', /non-blank/);
    expectError(errors, '/devices/1/options/kioskId', /Expected a text, a number or true\/false, got null/);
    expectError(errors, '/devices/1/options/bad-key', /Unknown setting/);
  });

  it('refuses input that is not an object, at the root path', () => {
    for (const input of [null, [], 'office: x', 42, undefined]) {
      expectError(errorsOf(validateSiteConfig(input)), '', /Expected object/);
    }
  });
});

describe('validateSiteConfig: purity', () => {
  it('never changes its input, valid or not', () => {
    const good = deepFreeze(demo());
    const before = structuredClone(good);
    expect(validateSiteConfig(good).ok).toBe(true);
    expect(good).toEqual(before);

    const bad = demo();
    setAt(bad, '/office/extra', 1);
    setAt(bad, '/counters/1/queues', []);
    deleteAt(bad, '/priority/every');
    deepFreeze(bad);
    const badBefore = structuredClone(bad);
    expect(errorsOf(validateSiteConfig(bad)).length).toBeGreaterThanOrEqual(3);
    expect(bad).toEqual(badBefore);
  });

  it("returns an equal copy, not the caller's object", () => {
    const input = demo();
    const result = validateSiteConfig(input);
    if (!result.ok) throw new Error('demo refused');
    expect(result.config).toEqual(input);
    expect(result.config).not.toBe(input);
    expect(result.config.queues).not.toBe(input.queues);
  });
});

describe('SiteConfigSchema annotations', () => {
  /** Walks every property schema (the settings), with its path. */
  function* settings(schema: Record<string, unknown>, path = ''): Generator<[string, Record<string, unknown>]> {
    const props = schema['properties'] as Record<string, Record<string, unknown>> | undefined;
    for (const [key, sub] of Object.entries(props ?? {})) {
      yield [`${path}/${key}`, sub];
      yield* settings(sub, `${path}/${key}`);
    }
    const items = schema['items'] as Record<string, unknown> | undefined;
    if (items) yield* settings(items, `${path}/*`);
  }

  it('gives every setting a title, a Vietnamese title and a description', () => {
    const all = [...settings(SiteConfigSchema)];
    expect(all.length).toBeGreaterThan(40);
    for (const [path, s] of all) {
      expect(typeof s['title'], path).toBe('string');
      expect(typeof s['titleVi'], path).toBe('string');
      expect(typeof s['description'], path).toBe('string');
    }
  });

  it('gives every required leaf setting a default that passes its own schema', () => {
    for (const [path, s] of settings(SiteConfigSchema)) {
      if (s['type'] === 'object') continue;
      if (!('default' in s)) {
        // Only optional settings whose default is "absent" (an address, a device link) go without.
        expect(
          [
            '/office/address',
            '/office/phone',
            '/resultQueueId',
            '/devices/*/key',
            '/devices/*/model',
            '/devices/*/link',
            '/devices/*/counterId',
          ],
          path,
        ).toContain(path);
        continue;
      }
      if (!/\/(id|name|nameEn|username|queueId)$/.test(path)) expect(Value.Check(s as never, s['default']), path).toBe(true);
    }
  });

  it('builds a valid config from the defaults alone', () => {
    expect(validateSiteConfig(Value.Create(SiteConfigSchema))).toMatchObject({ ok: true });
  });

  it('marks what needs a restart, and not the queues, counters or officers', () => {
    const restart = [...settings(SiteConfigSchema)].filter(([, s]) => s['restart'] === true).map(([p]) => p);
    expect(restart).toEqual(expect.arrayContaining(['/rolloverHour', '/devices/*/link', '/devices/*/kind']));
    expect(restart.some((p) => /^\/(queues|counters|officers|priority)/.test(p))).toBe(false);
  });
});
