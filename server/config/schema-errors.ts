import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { ConfigError } from './config-error.js';

/**
 * Every schema error TypeBox finds, in its order, with messages a clerk can act on. TypeBox reports a
 * missing property twice (required, then "Expected string" for the undefined value) and a union of
 * literals as "Expected union value"; both are rewritten here, and exact repeats are dropped.
 */
export function schemaErrors(schema: TSchema, input: unknown): ConfigError[] {
  const out: ConfigError[] = [];
  const seen = new Set<string>();
  const missing = new Set<string>();
  for (const e of Value.Errors(schema, input)) {
    if (missing.has(e.path)) continue;
    if (e.type === ValueErrorType.ObjectRequiredProperty) missing.add(e.path);
    const message = messageOf(e);
    const key = `${e.path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: e.path, message });
  }
  return out;
}

function messageOf(e: ValueError): string {
  const hint: unknown = e.schema['errorMessage'];
  // Device keys are secrets: say what is wrong without writing the key into a log.
  const got = e.schema['secret'] === true ? 'got a value that is not shown' : `got ${show(e.value)}`;
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return `Missing required setting '${lastSegment(e.path)}'`;
    case ValueErrorType.ObjectAdditionalProperties:
      return `Unknown setting '${lastSegment(e.path)}' (misspelt, or not allowed here)`;
    case ValueErrorType.StringPattern:
    case ValueErrorType.StringMinLength:
    case ValueErrorType.StringMaxLength:
      return typeof hint === 'string' ? `${hint}, ${got}` : e.message;
    case ValueErrorType.Union:
      return typeof hint === 'string' ? `${hint}, ${got}` : unionMessage(e);
    default:
      return `${e.message}, ${got}`;
  }
}

function unionMessage(e: ValueError): string {
  const options: unknown = e.schema['anyOf'];
  if (Array.isArray(options) && options.every((o: { const?: unknown }) => o.const !== undefined)) {
    return `Expected one of ${options.map((o: { const: unknown }) => JSON.stringify(o.const)).join(', ')}, got ${show(e.value)}`;
  }
  return `${e.message}, got ${show(e.value)}`;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The offending value, short enough for a log line. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
