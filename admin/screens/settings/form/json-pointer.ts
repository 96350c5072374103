/**
 * Reading and changing one setting of the draft by its JSON pointer ("/counters/3/number", the form
 * the hub reports errors in). Changes copy the objects on the way down and share the rest, so the
 * screens can compare old and new drafts by reference.
 */
export function segmentsOf(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function childPointer(pointer: string, segment: string | number): string {
  return pointer + pointerOf([segment]);
}

export function getAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of segmentsOf(pointer)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isRecord(node)) node = node[seg];
    else return undefined;
  }
  return node;
}

/** `value` undefined removes the key (an optional setting taken away); array items are replaced. */
export function setAt(root: unknown, pointer: string, value: unknown): unknown {
  return setIn(root, segmentsOf(pointer), value);
}

function setIn(node: unknown, segments: readonly string[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (Array.isArray(node)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index > node.length) throw new Error(`No item ${head} in the list`);
    const copy = node.slice();
    copy[index] = setIn(node[index], rest, value);
    return copy;
  }
  const base = isRecord(node) ? node : {};
  const next = setIn(base[head], rest, value);
  if (next === undefined) {
    const { [head]: _gone, ...others } = base;
    return others;
  }
  return { ...base, [head]: next };
}

/** Removes item `index` of the list at `pointer`. */
export function removeItem(root: unknown, pointer: string, index: number): unknown {
  const list = getAt(root, pointer);
  if (!Array.isArray(list)) return root;
  return setAt(
    root,
    pointer,
    list.filter((_, i) => i !== index),
  );
}

/** Moves item `from` of the list at `pointer` to position `to` (the rows' up and down buttons). */
export function moveItem(root: unknown, pointer: string, from: number, to: number): unknown {
  const list = getAt(root, pointer);
  if (!Array.isArray(list) || to < 0 || to >= list.length || from === to) return root;
  const copy = list.slice();
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return setAt(root, pointer, copy);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values, key order ignored: is the draft still what was saved? */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
  }
  return false;
}
