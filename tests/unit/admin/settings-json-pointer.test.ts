import { describe, expect, it } from 'vitest';
import {
  getAt,
  moveItem,
  pointerOf,
  removeItem,
  sameJson,
  segmentsOf,
  setAt,
} from '../../../admin/screens/settings/form/json-pointer.js';

const draft = {
  office: { name: 'A' },
  counters: [{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }],
  devices: [{ options: { 'a/b': 1 } }],
};

describe('editing the settings draft by JSON pointer', () => {
  it('reads and writes a setting deep down, copying only the way to it', () => {
    expect(getAt(draft, '/counters/1/id')).toBe('q2');
    const next = setAt(draft, '/counters/1/id', 'quay-2') as typeof draft;
    expect(next.counters[1]).toEqual({ id: 'quay-2' });
    expect(draft.counters[1]).toEqual({ id: 'q2' });
    expect(next.counters[0]).toBe(draft.counters[0]);
    expect(next.office).toBe(draft.office);
  });

  it('takes an optional setting away with undefined, and adds it back', () => {
    const without = setAt(draft, '/office/name', undefined);
    expect(without).toEqual({ ...draft, office: {} });
    expect(setAt(without, '/office/address', 'Số 1')).toEqual({ ...draft, office: { address: 'Số 1' } });
  });

  it('escapes keys with / and ~ the way the hub writes pointers', () => {
    expect(pointerOf(['devices', 0, 'options', 'a/b'])).toBe('/devices/0/options/a~1b');
    expect(segmentsOf('/x/a~1b/c~0d')).toEqual(['x', 'a/b', 'c~d']);
    expect(getAt(draft, '/devices/0/options/a~1b')).toBe(1);
  });

  it('moves and removes rows, and ignores a move past either end', () => {
    const ids = (d: unknown) => (getAt(d, '/counters') as { id: string }[]).map((c) => c.id);
    expect(ids(moveItem(draft, '/counters', 2, 0))).toEqual(['q3', 'q1', 'q2']);
    expect(ids(moveItem(draft, '/counters', 0, 1))).toEqual(['q2', 'q1', 'q3']);
    expect(moveItem(draft, '/counters', 0, -1)).toBe(draft);
    expect(moveItem(draft, '/counters', 2, 3)).toBe(draft);
    expect(ids(removeItem(draft, '/counters', 1))).toEqual(['q1', 'q3']);
  });

  it('refuses to write past the end of a list rather than leave a hole', () => {
    expect(() => setAt(draft, '/counters/7/id', 'x')).toThrow();
  });

  it('compares drafts by content, whatever the key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
  });
});
