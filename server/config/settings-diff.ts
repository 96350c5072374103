import type { AuditChange } from '../storage/repositories/audit-log.js';

/** Settings whose values are secrets: the audit log and a supervisor's view show "***" instead. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['key']);
export const REDACTED = '***';

/**
 * What changed between two versions of the settings, as JSON-pointer paths to the smallest parts
 * that differ: objects by key, arrays by position. A row added or removed is one change holding the
 * whole row, so the audit log reads "counter 7 added" rather than ten field changes.
 */
export function settingsDiff(before: unknown, after: unknown, path = ''): AuditChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: AuditChange[] = [];
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}/${i}`;
      if (i >= before.length) out.push({ path: p, before: undefined, after: redact(after[i]) });
      else if (i >= after.length) out.push({ path: p, before: redact(before[i]), after: undefined });
      else out.push(...settingsDiff(before[i], after[i], p));
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const out: AuditChange[] = [];
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) {
      const p = `${path}/${escapePointer(k)}`;
      if (SECRET_KEYS.has(k)) {
        if (before[k] !== after[k])
          out.push({
            path: p,
            before: before[k] === undefined ? undefined : REDACTED,
            after: after[k] === undefined ? undefined : REDACTED,
          });
        continue;
      }
      out.push(...settingsDiff(before[k], after[k], p));
    }
    return out;
  }
  return [{ path: path || '/', before: redact(before), after: redact(after) }];
}

/** A copy with every secret replaced by "***". */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) && v !== undefined ? REDACTED : redact(v)]),
    );
  }
  return value;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
