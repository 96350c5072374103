import fc from 'fast-check';

/** A JSON schema as the OpenAPI document (3.0: `nullable`) or TypeBox (`const`, `patternProperties`) writes it. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * A value to be read from the running hub when the case is sent, not when it is generated: a real
 * counter id, the settings' current revision. Generation stays a pure function of the seed; the
 * hub's state at send time picks the value.
 */
export class Hint {
  constructor(
    readonly name: string,
    readonly pick: number,
    /** Used when the hub has no value of that name (no dossier yet). */
    readonly fallback: unknown,
  ) {}
}

export interface ShapeOptions {
  /** Resolves `$ref` (the OpenAPI document's components). */
  readonly resolve?: (ref: string) => JsonSchema | undefined;
  /** Property names the hub has live values for (counterId, ticketId…), with how often to use one (1: as often as a made-up value). */
  readonly hinted?: ReadonlyMap<string, number>;
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 4;
const MAX_TEXT = 40;

/**
 * Values shaped like the schema: the right types, the required properties, strings from the pattern
 * where fast-check can build one (`stringMatching`), else free text within the length limits. Not
 * always valid (a pattern and a length together, cross-field rules): the hub is the judge; the aim is
 * to get past the schema often enough to reach the handler.
 */
export function validShaped(schema: JsonSchema, opts: ShapeOptions = {}, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const base = shaped(schema, opts, depth);
  const weight = name === undefined ? undefined : opts.hinted?.get(name);
  if (name !== undefined && weight !== undefined) {
    // fast-check weights are integers: scale both sides.
    return fc.oneof(
      { weight: Math.round(weight * 10), arbitrary: fc.tuple(fc.nat(), base).map(([i, made]) => new Hint(name, i, made)) },
      { weight: 10, arbitrary: base },
    );
  }
  return base;
}

function shaped(schema: JsonSchema, opts: ShapeOptions, depth: number): fc.Arbitrary<unknown> {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = opts.resolve?.(ref);
    return target ? shaped(target, opts, depth) : fc.jsonValue({ maxDepth: 1 });
  }
  if (schema['nullable'] === true) {
    const { nullable: _n, ...rest } = schema;
    return fc.oneof({ weight: 4, arbitrary: shaped(rest, opts, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  if ('const' in schema) return fc.constant(schema['const']);
  const choices = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) return fc.oneof(...choices.map((c) => shaped(c, opts, depth)));
  const enumeration = schema['enum'] as unknown[] | undefined;
  if (Array.isArray(enumeration) && enumeration.length > 0) return fc.constantFrom(...enumeration);
  switch (schema['type']) {
    case 'string':
      return stringShaped(schema);
    case 'integer':
      return fc.integer({ min: num(schema['minimum'], -1_000_000), max: num(schema['maximum'], 1_000_000) });
    case 'number':
      return fc.oneof(
        fc.integer({ min: num(schema['minimum'], -1_000_000), max: num(schema['maximum'], 1_000_000) }),
        fc.double({ min: num(schema['minimum'], -1e6), max: num(schema['maximum'], 1e6), noNaN: true, noDefaultInfinity: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayShaped(schema, opts, depth);
    case 'object':
      return objectShaped(schema, opts, depth);
    default:
      // No type (TypeBox's Unknown, an open settings document): anything JSON can carry.
      return depth >= MAX_DEPTH ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function stringShaped(schema: JsonSchema): fc.Arbitrary<string> {
  const min = num(schema['minLength'], 0);
  const max = Math.max(min, Math.min(num(schema['maxLength'], MAX_TEXT), MAX_TEXT));
  const pattern = schema['pattern'];
  const free = fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
  if (typeof pattern !== 'string') return free;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    return free;
  }
  const limit = num(schema['maxLength'], Infinity);
  const fits = (x: string) => x.length >= min && x.length <= limit && regex.test(x);
  // No filter (it would spin on a pattern whose strings are rarely long enough): a match too short
  // is repeated up to the minimum (right for "^[class]+$"), and one that still does not fit gives
  // way to free text.
  const fitting = fc.tuple(fc.stringMatching(regex, { maxLength: max }), free).map(([x, made]) => {
    if (fits(x)) return x;
    const padded = x.length > 0 ? x.repeat(Math.ceil(min / x.length)).slice(0, Math.max(min, max)) : x;
    return fits(padded) ? padded : made;
  });
  return fc.oneof({ weight: 5, arbitrary: fitting }, { weight: 1, arbitrary: free });
}

function arrayShaped(schema: JsonSchema, opts: ShapeOptions, depth: number): fc.Arbitrary<unknown[]> {
  const items = (schema['items'] as JsonSchema | undefined) ?? {};
  const minLength = num(schema['minItems'], 0);
  const maxLength = Math.max(minLength, Math.min(num(schema['maxItems'], MAX_ITEMS), MAX_ITEMS));
  if (depth >= MAX_DEPTH) return fc.constant([]);
  const item = shaped(items, opts, depth + 1);
  return schema['uniqueItems'] === true
    ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(item, { minLength, maxLength });
}

function objectShaped(schema: JsonSchema, opts: ShapeOptions, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validShaped(s, opts, k, depth + 1)]));
  const fixed = fc.record(model, { requiredKeys: [...required].filter((k) => k in properties) });
  // A record (criterion -> level): keys from its pattern, values from its schema.
  const patterned = schema['patternProperties'] as Record<string, JsonSchema> | undefined;
  const additional = schema['additionalProperties'];
  const [keyPattern, valueSchema] = patterned
    ? (Object.entries(patterned)[0] ?? [undefined, undefined])
    : typeof additional === 'object' && additional !== null
      ? [undefined, additional as JsonSchema]
      : [undefined, undefined];
  if (!valueSchema || depth >= MAX_DEPTH) return fixed;
  const key = keyPattern
    ? stringShaped({ type: 'string', pattern: keyPattern, minLength: 1 })
    : fc.string({ minLength: 1, maxLength: 20 });
  const minKeys = num(schema['minProperties'], 0);
  const extra = fc.dictionary(key, shaped(valueSchema, opts, depth + 1), {
    minKeys,
    maxKeys: Math.max(minKeys, Math.min(num(schema['maxProperties'], MAX_ITEMS), MAX_ITEMS)),
  });
  return fc.tuple(fixed, extra).map(([a, b]) => ({ ...b, ...a }));
}

/** Replaces each Hint in a generated value with the hub's live value for its name (or leaves a made-up one). */
export function resolveHints(value: unknown, live: (name: string) => readonly unknown[]): unknown {
  if (value instanceof Hint) {
    const choices = live(value.name);
    return choices.length > 0 ? choices[value.pick % choices.length] : resolveHints(value.fallback, live);
  }
  if (Array.isArray(value)) return value.map((v) => resolveHints(v, live));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveHints(v, live)]));
  }
  return value;
}
