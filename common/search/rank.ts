import type { ProcedureSummary } from '../catalogue/procedure-schema.js';
import type { IndexedDoc } from './procedure-index.js';

/**
 * One number per result so that ordering is a numeric comparison: the rank tier first, then the
 * coverage of the query (in steps of 5 %, so near-equal matches count as equal and the tie-breaks
 * below decide), then commune level, then the shorter name.
 */
export function rankKey(tier: number, coverage: number, doc: IndexedDoc): number {
  const bucket = Math.round(Math.min(1, Math.max(0, coverage)) * 20);
  const shortness = 9999 - Math.min(9999, doc.nameLength);
  return tier * 1e7 + bucket * 1e5 + (doc.summary.communeLevel ? 1e4 : 0) + shortness;
}

/** Keeps the best `limit` offered docs without sorting them all; equal keys fall back to name, then code. */
export class TopK {
  private readonly items: { key: number; doc: IndexedDoc }[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a doc with this key would make the list as it stands. */
  accepts(key: number, doc: IndexedDoc): boolean {
    return this.items.length < this.limit || better(key, doc, this.items[this.items.length - 1]!);
  }

  offer(key: number, doc: IndexedDoc): void {
    const items = this.items;
    if (!this.accepts(key, doc)) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(key, doc, items[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, { key, doc });
    if (items.length > this.limit) items.pop();
  }

  result(): ProcedureSummary[] {
    return this.items.map((i) => i.doc.summary);
  }
}

function better(key: number, doc: IndexedDoc, than: { key: number; doc: IndexedDoc }): boolean {
  if (key !== than.key) return key > than.key;
  if (doc.sortName !== than.doc.sortName) return doc.sortName < than.doc.sortName;
  return doc.summary.code < than.doc.summary.code;
}
