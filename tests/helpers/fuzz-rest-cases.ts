import fc from 'fast-check';
import { hostileText, hostileValue, hugeText, longText, malformedBody, mutate, mutation, smallMutation } from './fuzz-hostile.js';
import type { RawRequest } from './fuzz-http.js';
import type { FuzzParam, FuzzRoute } from './fuzz-routes.js';
import { resolveHints, validShaped, type ShapeOptions } from './fuzz-schema-arbitrary.js';

export type RestCaseKind = 'valid' | 'body' | 'params' | 'query' | 'malformed' | 'huge' | 'auth';

/** One generated request to a route, before the hub's live values and the role's credentials are filled in. */
export interface RestCase {
  readonly kind: RestCaseKind;
  readonly params: Readonly<Record<string, unknown>>;
  /** Path parameters sent without encoding: traversal, broken escapes, NUL. */
  readonly rawParams: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly rawQuery: string | null;
  /** undefined: no body. */
  readonly body: unknown;
  readonly raw: { readonly contentType: string | null; readonly text: string } | null;
  /** Replaces the role's credentials (a malformed token or key). */
  readonly auth: Readonly<Record<string, string>> | null;
}

const RAW_PATH_TOKENS = [
  '..',
  '../..',
  '..%2F..%2Fhall.db',
  '%2e%2e%2f%2e%2e%2f',
  '..%5c..%5c',
  '%00',
  'a%00b',
  '%zz',
  '%',
  '%c0%af',
  '%ed%a0%80',
  '%ff%fe',
  '.',
  '',
  '%20',
  '%E2%80%AE',
  'a;b=c',
  'a?b',
  'x'.repeat(101),
  '9'.repeat(4000),
];

const RAW_QUERIES = [
  'q=%zz',
  'limit=%',
  'limit=1&limit=2',
  'from[]=1',
  '__proto__[admin]=1',
  'constructor[prototype][admin]=1',
  'a=' + '%00'.repeat(50),
  '=&&=&',
  'form=01&form=02',
  'x=' + 'y'.repeat(8_000),
];

const AUTH_HEADERS: readonly Record<string, string>[] = [
  { authorization: 'Bearer ' },
  { authorization: 'Bearer null' },
  { authorization: 'bearer abc' },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: `Bearer ${'x'.repeat(9_000)}` },
  { authorization: 'Bearer ../../etc/passwd' },
  { 'x-device-key': '' },
  { 'x-device-key': 'k'.repeat(300) },
  { 'x-device-key': 'key-1' },
  { 'x-device-key': "' OR 1=1 --" },
  { authorization: 'Bearer abc', 'x-device-key': 'key-1-abcdefghijklmnopqrstuvwxyz' },
];

const FILE_TYPES = [
  'text/csv',
  'text/csv; charset=utf-8',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/json',
  'application/zip',
  'text/plain',
];

/** A file a route takes as its raw body: CSV rows, JSON, a broken ZIP (XLSX) header, hostile text. */
const fileUpload = fc
  .tuple(
    fc.constantFrom(...FILE_TYPES),
    fc.oneof(
      fc
        .array(fc.array(fc.oneof(hostileText, fc.string()), { minLength: 1, maxLength: 6 }), { maxLength: 8 })
        .map((rows) => ['Mã thủ tục,Tên thủ tục,Lĩnh vực', ...rows.map((r) => r.join(','))].join('\r\n')),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 200 }).map((x) => `PK\u0003\u0004${x}`),
      hostileText,
    ),
  )
  .map(([contentType, text]) => ({ contentType, text }));

function recordOf(params: readonly FuzzParam[], opts: ShapeOptions, all: boolean): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(params.map((p) => [p.name, validShaped(p.schema, opts, p.name)]));
  return fc.record(model, { requiredKeys: params.filter((p) => all || p.required).map((p) => p.name) });
}

/**
 * The cases for one route: valid-shaped (reaching the handler with real ids), a mutated body, path
 * or query, malformed and huge bodies, and broken credentials, in fixed proportions.
 */
export function restCases(route: FuzzRoute, opts: ShapeOptions, fileBody = false): fc.Arbitrary<RestCase> {
  const params = recordOf(route.pathParams, opts, true);
  const query = recordOf(route.query, opts, false);
  const body: fc.Arbitrary<unknown> = route.body ? validShaped(route.body, opts) : fc.constant(undefined);
  const base = fc.record({ params, query, body });
  const plain = { rawParams: {}, rawQuery: null, raw: null, auth: null };
  const names = route.pathParams.map((p) => p.name);

  const valid = fileBody
    ? fc.tuple(base, fileUpload).map(([b, raw]) => ({ kind: 'valid' as const, ...plain, ...b, raw }))
    : base.map((b) => ({ kind: 'valid' as const, ...plain, ...b }));
  const badBody = fc
    .tuple(base, mutation, fc.jsonValue({ maxDepth: 3 }))
    .map(([b, m, any]) => ({ kind: 'body' as const, ...plain, ...b, body: route.body ? mutate(b.body, m) : any }));
  const badParams = fc
    .tuple(base, fc.nat(), fc.oneof(hostileValue, hostileText, longText), fc.constantFrom(...RAW_PATH_TOKENS), fc.boolean())
    .map(([b, pick, value, token, raw]) => {
      const name = names[pick % Math.max(1, names.length)];
      if (name === undefined) return { kind: 'params' as const, ...plain, ...b };
      return raw
        ? { kind: 'params' as const, ...plain, ...b, rawParams: { [name]: token } }
        : { kind: 'params' as const, ...plain, ...b, params: { ...b.params, [name]: value } };
    });
  const badQuery = fc
    // No megabyte strings here: Node refuses a head over 16 KB whatever its size (a case of its own below).
    .tuple(base, smallMutation, fc.option(fc.constantFrom(...RAW_QUERIES), { nil: null }))
    .map(([b, m, raw]) => {
      const q = mutate(b.query, m);
      const queryObj = q !== null && typeof q === 'object' && !Array.isArray(q) ? (q as Record<string, unknown>) : { q };
      return { kind: 'query' as const, ...plain, ...b, query: queryObj, rawQuery: raw };
    });
  const malformed = fc.tuple(base, malformedBody).map(([b, raw]) => ({ kind: 'malformed' as const, ...plain, ...b, raw }));
  const huge = fc.tuple(base, hugeText, fc.nat()).map(([b, text, pick]) => ({
    kind: 'huge' as const,
    ...plain,
    ...b,
    body: route.body && pick % 2 === 0 ? mutate(b.body, { kind: 'huge', pick, value: text }) : text,
  }));
  const auth = fc
    .tuple(base, fc.constantFrom(...AUTH_HEADERS))
    .map(([b, a]) => ({ kind: 'auth' as const, ...plain, ...b, auth: a }));

  return fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 5, arbitrary: badBody },
    { weight: names.length > 0 ? 4 : 0, arbitrary: badParams },
    { weight: route.query.length > 0 ? 3 : 1, arbitrary: badQuery },
    { weight: 2, arbitrary: malformed },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: auth },
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encodes a value for a path or query; lone surrogates go as U+FFFD, as a browser sends them. */
export function encodePart(value: unknown): string {
  const s =
    typeof value === 'string'
      ? value
      : value === undefined
        ? ''
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return encodeURIComponent(s.replace(LONE_SURROGATE, '\ufffd'));
}

/** The request a case makes for a role, with the hub's live values in place of the hints. */
export function toRawRequest(
  route: FuzzRoute,
  c: RestCase,
  roleHeaders: Record<string, string>,
  live: (name: string) => readonly unknown[],
): RawRequest {
  const params = resolveHints(c.params, live) as Record<string, unknown>;
  const query = resolveHints(c.query, live) as Record<string, unknown>;
  const body = resolveHints(c.body, live);
  const path = route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => c.rawParams[name] ?? encodePart(params[name]));
  const pairs = Object.entries(query).flatMap(([k, v]) =>
    v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => `${encodePart(k)}=${encodePart(x)}`),
  );
  const qs = c.rawQuery ?? pairs.join('&');
  const headers: Record<string, string> = { ...(c.auth ?? roleHeaders) };
  let text: string | undefined;
  if (c.raw) {
    if (c.raw.contentType !== null) headers['content-type'] = c.raw.contentType;
    text = c.raw.text;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    text = JSON.stringify(body);
  }
  return { method: route.method, path: qs ? `${path}?${qs}` : path, headers, ...(text !== undefined ? { body: text } : {}) };
}

/** A seed per route and role, so adding a route does not change the cases of the others. */
export function seedOf(text: string, base: number): number {
  let h = base | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
