/**
 * Whole-config rules run even when the schema check failed, so one typo does not hide every other
 * problem. They read the input through these guards: a list that is not an array counts as empty, an
 * entry that is not an object is skipped, a field of the wrong type counts as absent. The schema errors
 * already report those; the rules only judge what is readable.
 */

export type Rec = Readonly<Record<string, unknown>>;

export interface Entry {
  /** JSON pointer of the entry, e.g. "/counters/2". */
  readonly path: string;
  readonly rec: Rec;
}

export function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function field(parent: unknown, key: string): unknown {
  return isRec(parent) ? parent[key] : undefined;
}

/** The object entries of the list at `parent[key]`, with their paths. */
export function entries(parent: unknown, key: string, parentPath: string): Entry[] {
  const list = field(parent, key);
  if (!Array.isArray(list)) return [];
  const out: Entry[] = [];
  list.forEach((v: unknown, i) => {
    if (isRec(v)) out.push({ path: `${parentPath}/${key}/${i}`, rec: v });
  });
  return out;
}

export function str(rec: Rec, key: string): string | undefined {
  const v = rec[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(rec: Rec, key: string): number | undefined {
  const v = rec[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The string values of `key` across a list, skipping entries where it is absent or not a string. */
export function stringsOf(list: readonly Entry[], key: string): string[] {
  return list.map((e) => str(e.rec, key)).filter((v): v is string => v !== undefined);
}
