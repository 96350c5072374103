import fc from 'fast-check';
import { Hint } from './fuzz-schema-arbitrary.js';

/**
 * What a broken client, a stuck scanner or an attacker sends: text that breaks naive code (lone
 * surrogates, NUL, direction marks, decomposed Vietnamese, emoji, traversal, injection), numbers at
 * the edges of JSON, wrong types, deep nesting and huge strings.
 */
export const EDGE_TEXTS: readonly string[] = [
  '',
  ' ',
  '\ud800',
  'a\udfffb',
  '\udc00\ud800',
  'a\u0000b',
  '\u0000',
  '\u202eabc\u202c',
  '\u200f\u200e',
  '\u200b\ufeff',
  'Nguyễn Văn An'.normalize('NFD'),
  'Đăng ký khai sinh'.normalize('NFD'),
  'Hộ tịch – Chứng thực',
  '👨‍👩‍👧‍👦🇻🇳',
  '\r\n\t\u0007\u001b[31m',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%2e%2e%2f',
  "' OR 1=1 --",
  '"; DROP TABLE tickets; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%s%n%x',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '9007199254740993',
  '0x10',
  ' 1',
  'null',
  'true',
  '[]',
  '{}',
];

export const EDGE_NUMBERS: readonly number[] = [
  0,
  -1,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  -(2 ** 63),
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
];

/** A string of 100 KB to 2 MB, made by repeating a short unit (cheap to build, hard to swallow). */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('x', 'Đ', '€', '😀', '\u0000', 'ạ'), fc.integer({ min: 100_000, max: 2_000_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/** Longer than any field allows, short enough to fit in a URL (Node refuses heads over 16 KB). */
export const longText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'é', '9', '-'), fc.integer({ min: 65, max: 4_000 }))
  .map(([unit, n]) => unit.repeat(n));

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EDGE_TEXTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: longText },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...EDGE_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Arrays or objects nested deeper than any schema goes (well under the 64 KB body limit). */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 50, max: 1_500 }), fc.boolean())
  .map(([depth, asArray]) => {
    let v: unknown = 'bottom';
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
    return v;
  });

/** Any JSON value of the wrong kind, or a hostile one of any kind. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }, { __proto__: null, x: 1 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepNesting },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'admin', 'role', '', '$where', 'a.b', 'ok', 'data'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);

export type Mutation =
  | { readonly kind: 'drop'; readonly pick: number }
  | { readonly kind: 'extra'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'replace'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'huge'; readonly pick: number; readonly value: string }
  | { readonly kind: 'whole'; readonly value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'drop' as const, pick })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: hostileKey, value: hostileValue }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), pick: fc.nat(), value: hugeText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: hostileValue }) },
);

/** The same without huge strings, for places a megabyte cannot go (a URL). */
export const smallMutation: fc.Arbitrary<Mutation> = mutation.filter((m) => m.kind !== 'huge');

/**
 * Applies a mutation to a valid-shaped object (or to nested objects, one level down, now and then):
 * a property dropped, one added, one given a hostile value or a huge string, or the whole thing
 * replaced by a value of the wrong kind.
 */
export function mutate(value: unknown, m: Mutation): unknown {
  if (m.kind === 'whole') return m.value;
  // A value that is not an object is replaced whole; dropped, it is absent (no body at all).
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return m.kind === 'drop' ? undefined : m.value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (m.kind === 'extra') return withKey(obj, m.key, m.value);
  if (keys.length === 0) return m.kind === 'drop' ? ['unexpected'] : withKey(obj, 'x', m.value);
  const key = keys[m.pick % keys.length]!;
  if (m.kind === 'drop') return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
  const inner = obj[key];
  // Every third pick goes one level down when there is an object there (applicant, answers, config).
  const plainObject = inner !== null && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Hint);
  if (m.pick % 3 === 0 && plainObject && Object.keys(inner).length > 0) {
    return withKey(obj, key, mutate(inner, { ...m, pick: Math.floor(m.pick / 3) }));
  }
  return withKey(obj, key, m.value);
}

function withKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = Object.fromEntries(Object.entries(obj));
  // defineProperty, so "__proto__" becomes a real key of the JSON rather than the prototype.
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

/** Bodies that are not JSON, or JSON no JSON.stringify makes: raw text with its content type. */
export const malformedBody: fc.Arbitrary<{ readonly contentType: string | null; readonly text: string }> = fc.oneof(
  fc.constantFrom(
    { contentType: 'application/json', text: '' },
    { contentType: 'application/json', text: '{"commandId": ' },
    { contentType: 'application/json', text: '{"a":1}}' },
    { contentType: 'application/json', text: "{'a': 1}" },
    { contentType: 'application/json', text: '{"a": NaN}' },
    { contentType: 'application/json', text: '{"a": -0, "b": 1e999, "c": 123456789012345678901234567890}' },
    { contentType: 'application/json', text: '{"a": 1, "a": 2}' },
    { contentType: 'application/json', text: '\ufeff{}' },
    { contentType: 'application/json', text: '{"__proto__": {"admin": true}}' },
    { contentType: 'application/json', text: '{"constructor": {"prototype": {"admin": true}}}' },
    { contentType: 'application/json', text: '"\\ud800"' },
    { contentType: 'application/json', text: 'null' },
    { contentType: 'application/json; charset=utf-16', text: '{}' },
    { contentType: 'text/plain', text: 'hello' },
    { contentType: 'text/plain', text: '{}' },
    { contentType: 'application/x-www-form-urlencoded', text: 'a=1&b=2' },
    { contentType: 'multipart/form-data; boundary=x', text: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--' },
    { contentType: 'application/xml', text: '<a/>' },
    { contentType: 'application/octet-stream', text: '\u0000\u0001\u0002' },
    { contentType: '', text: '{}' },
    { contentType: null, text: '{}' },
  ),
  // A valid-looking body cut short, as a dropped connection or a bad proxy leaves it.
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([v, cut]) => {
    const text = JSON.stringify({ commandId: 'abcdefgh-1', v });
    return { contentType: 'application/json', text: text.slice(0, Math.max(1, cut % text.length)) };
  }),
);
