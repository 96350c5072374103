import type { ProcedureSummary } from '../catalogue/procedure-schema.js';
import { foldVietnamese } from '../text/fold.js';
import { editDistanceWithin } from './edit-distance.js';
import { searchTokens } from './search-text.js';

/** What the index is built from: a summary and the procedure's keywords. */
export interface SearchDoc extends ProcedureSummary {
  readonly keywords?: readonly string[];
}

/** Where a term occurs: doc ids, ascending, once each. */
export interface Postings {
  readonly name: number[];
  readonly keywords: number[];
  readonly field: number[];
}

export interface IndexedDoc {
  readonly summary: ProcedureSummary;
  /** Canonical name tokens in order, for phrase checks. */
  readonly nameTokens: readonly string[];
  /** Words in the name not counting a leading "Thủ tục": shorter names rank first among equals. */
  readonly nameLength: number;
  readonly foldedField: string;
  /** The folded name, for alphabetical order among equals. */
  readonly sortName: string;
  /** The code's digits ("1001193"), for partial code look-ups. */
  readonly codeDigits: string;
}

/**
 * An inverted index over the summaries: per search word, the docs whose name, keywords or field
 * hold it; the vocabulary sorted (prefix look-ups by binary search) and by length (typo look-ups
 * compare only words of about the same length). Built once per catalogue, in tens of milliseconds.
 */
export class ProcedureIndex {
  readonly docs: IndexedDoc[] = [];
  readonly terms = new Map<string, Postings>();
  /** Docs per term over name and keywords, for the weight of a word (rare words tell more). */
  readonly docFrequency = new Map<string, number>();
  readonly sortedTerms: string[];
  private readonly termsByLength: string[][] = [];
  readonly byCode = new Map<string, number>();

  constructor(source: Iterable<SearchDoc>) {
    for (const d of source) {
      const id = this.docs.length;
      const nameTokens = searchTokens(d.name);
      const lead = nameTokens[0] === 'thu' && nameTokens[1] === 'tuc' ? 2 : 0;
      this.docs.push({
        summary: { code: d.code, name: d.name, field: d.field, communeLevel: d.communeLevel },
        nameTokens,
        nameLength: nameTokens.length - lead,
        foldedField: d.field ? foldVietnamese(d.field) : '',
        sortName: nameTokens.slice(lead).join(' '),
        codeDigits: d.code.replace(/\D/g, ''),
      });
      this.byCode.set(d.code, id);
      const seen = new Set<string>();
      const post = (terms: readonly string[], where: keyof Postings) => {
        for (const t of terms) {
          const p = this.postings(t);
          const list = p[where];
          if (list[list.length - 1] !== id) list.push(id);
          if (where !== 'field' && !seen.has(t)) {
            seen.add(t);
            this.docFrequency.set(t, (this.docFrequency.get(t) ?? 0) + 1);
          }
        }
      };
      post(nameTokens, 'name');
      post(
        (d.keywords ?? []).flatMap((k) => searchTokens(k)),
        'keywords',
      );
      post(d.field ? searchTokens(d.field) : [], 'field');
    }
    this.sortedTerms = [...this.terms.keys()].sort();
    for (const t of this.sortedTerms) (this.termsByLength[t.length] ??= []).push(t);
  }

  private postings(term: string): { name: number[]; keywords: number[]; field: number[] } {
    let p = this.terms.get(term) as { name: number[]; keywords: number[]; field: number[] } | undefined;
    if (!p) {
      p = { name: [], keywords: [], field: [] };
      this.terms.set(term, p);
    }
    return p;
  }

  /** Weight of a word: inverse document frequency, so "khai sinh" counts more than "đăng ký". */
  weight(term: string): number {
    const df = this.docFrequency.get(term) ?? 0;
    return Math.log(1 + this.docs.length / (1 + df));
  }

  private readonly prefixMemo = new Map<string, string[]>();

  /** Terms starting with `prefix` (not equal to it), the most frequent first, at most `max`. */
  withPrefix(prefix: string, max: number): string[] {
    // One- and two-letter prefixes are few and cover many terms: each sorted once.
    const key = `${max}:${prefix}`;
    if (prefix.length <= 2) {
      const memo = this.prefixMemo.get(key);
      if (memo) return memo;
      const found = this.findPrefix(prefix, max);
      this.prefixMemo.set(key, found);
      return found;
    }
    return this.findPrefix(prefix, max);
  }

  private findPrefix(prefix: string, max: number): string[] {
    let lo = 0;
    let hi = this.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedTerms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sortedTerms.length && this.sortedTerms[i]!.startsWith(prefix); i++) {
      if (this.sortedTerms[i] !== prefix) out.push(this.sortedTerms[i]!);
    }
    if (out.length <= max) return out;
    return out.sort((a, b) => (this.docFrequency.get(b) ?? 0) - (this.docFrequency.get(a) ?? 0)).slice(0, max);
  }

  /** Terms within `max` edits of `word` (a typo, a dropped or doubled letter, two letters swapped). */
  near(word: string, max: number): { term: string; distance: number }[] {
    const out: { term: string; distance: number }[] = [];
    for (let len = Math.max(1, word.length - max); len <= word.length + max; len++) {
      for (const t of this.termsByLength[len] ?? []) {
        const d = editDistanceWithin(word, t, max);
        if (d > 0 && d <= max) out.push({ term: t, distance: d });
      }
    }
    return out;
  }
}
