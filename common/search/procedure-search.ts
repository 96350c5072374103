import type { ProcedureSummary } from '../catalogue/procedure-schema.js';
import { foldVietnamese } from '../text/fold.js';
import { ProcedureIndex, type IndexedDoc, type SearchDoc } from './procedure-index.js';
import { rankKey, TopK } from './rank.js';
import { applyCitizenWords, FILLER_WORDS, MAX_QUERY_WORDS, searchTokens, truncateQuery } from './search-text.js';

export type { SearchDoc } from './procedure-index.js';
export { MAX_QUERY_CHARS, truncateQuery } from './search-text.js';

export interface SearchOptions {
  /** Only this field (lĩnh vực), compared folded. */
  readonly field?: string | null;
  /** Only procedures done at commune level. */
  readonly communeOnly?: boolean;
  /** 20 unless given; at most MAX_LIMIT. */
  readonly limit?: number;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;

/** How well a query word matched a name word. */
const EXACT = 1;
const LAST_PREFIX = 0.8; // the word being typed
const TYPO = 0.7;
const PREFIX = 0.6;
const TYPO2 = 0.5;

/**
 * Finds procedures by words with or without diacritics, by code (whole or in part), filtered by
 * field and commune level. Ranking, best first: the query as a phrase in the name; every word in the
 * name; every word in the name or keywords; every word anywhere (field included); most words. Within
 * a rank, better-matched and rarer words first, then commune-level procedures, then shorter names.
 * A word may be the start of a name word or one or two slips away from it. Isomorphic: it runs in
 * the kiosk page as well as on the hub.
 */
export class ProcedureSearch {
  private readonly index: ProcedureIndex;
  /**
   * Scratch space reused by every query (three match qualities per query word per doc) and the
   * query each doc was last seen in: a query allocates next to nothing, so the garbage collector
   * does not pause a kiosk's typing.
   */
  private readonly scores: Float32Array;
  private readonly seenIn: Uint32Array;
  private readonly accepted: Uint8Array;
  private queryNo = 0;

  constructor(docs: Iterable<SearchDoc>) {
    this.index = new ProcedureIndex(docs);
    const n = this.index.docs.length;
    this.scores = new Float32Array(n * 3 * MAX_QUERY_WORDS);
    this.seenIn = new Uint32Array(n);
    this.accepted = new Uint8Array(n);
  }

  get size(): number {
    return this.index.docs.length;
  }

  search(query: string, options: SearchOptions = {}): ProcedureSummary[] {
    const asked = options.limit !== undefined && Number.isFinite(options.limit) ? Math.floor(options.limit) : DEFAULT_LIMIT;
    const limit = Math.max(1, Math.min(MAX_LIMIT, asked));
    const raw = truncateQuery(query);
    const field = options.field ? foldVietnamese(options.field) : null;
    const accept = (d: IndexedDoc) =>
      (field === null || d.foldedField === field) && (!options.communeOnly || d.summary.communeLevel);
    const digits = raw.replace(/\D/g, '');
    if (!/\p{L}/u.test(raw) && digits.length >= 3) return this.byCode(digits, accept, limit);
    const tokens = [...new Set(applyCitizenWords(searchTokens(raw)))].slice(0, MAX_QUERY_WORDS);
    if (tokens.length === 0) return field === null ? [] : this.browse(accept, limit);
    return this.byWords(tokens, accept, limit);
  }

  private byWords(tokens: string[], accept: (d: IndexedDoc) => boolean, limit: number): ProcedureSummary[] {
    const { index } = this;
    const n = tokens.length;
    const candidates = tokens.map((t, i) => this.candidates(t, i === n - 1));
    const nonFiller = tokens.map((t) => !FILLER_WORDS.has(t));
    const required = nonFiller.some(Boolean) ? nonFiller : tokens.map(() => true);
    const weights = candidates.map((c, i) => {
      const w = c.size === 0 ? 1 : Math.min(...[...c.keys()].map((t) => index.weight(t)));
      return required[i] ? w : w * 0.3;
    });

    // Per doc, the best match of each query word in its name, keywords and field.
    const { scores, seenIn, accepted } = this;
    const queryNo = ++this.queryNo;
    const stride = 3 * MAX_QUERY_WORDS;
    const touched: number[] = [];
    for (let i = 0; i < n; i++) {
      for (const [term, quality] of candidates[i]!) {
        const p = index.terms.get(term);
        if (!p) continue;
        const lists = [p.name, p.keywords, p.field];
        for (let slot = 0; slot < 3; slot++) {
          for (const id of lists[slot]!) {
            if (seenIn[id] !== queryNo) {
              seenIn[id] = queryNo;
              accepted[id] = accept(index.docs[id]!) ? 1 : 0;
              if (accepted[id]) {
                scores.fill(0, id * stride, id * stride + 3 * n);
                touched.push(id);
              }
            }
            const at = id * stride + 3 * i + slot;
            if (accepted[id] && scores[at]! < quality) scores[at] = quality;
          }
        }
      }
    }

    const totalWeight = weights.reduce((s, w) => s + w, 0);
    const top = new TopK(limit);
    for (const id of touched) {
      const base = id * stride;
      let covered = 0;
      let inName = true;
      let inNameOrKeywords = true;
      let anywhere = true;
      for (let i = 0; i < n; i++) {
        const name = scores[base + 3 * i]!;
        const kw = scores[base + 3 * i + 1]!;
        const best = Math.max(name, 0.8 * kw, 0.5 * scores[base + 3 * i + 2]!);
        covered += weights[i]! * best;
        if (!required[i]) continue;
        if (name === 0) inName = false;
        if (name === 0 && kw === 0) inNameOrKeywords = false;
        if (best === 0) anywhere = false;
      }
      const coverage = covered / totalWeight;
      const doc = index.docs[id]!;
      let tier: number;
      // The phrase check is the costly part: skipped when even a phrase would not make the list.
      if (inName) tier = top.accepts(rankKey(5, coverage, doc), doc) && this.isPhrase(doc, candidates, required) ? 5 : 4;
      else if (inNameOrKeywords) tier = 3;
      else if (anywhere) tier = 2;
      else if (coverage >= 0.5) tier = 1;
      else continue;
      top.offer(rankKey(tier, coverage, doc), doc);
    }
    return top.result();
  }

  /** Name words this query word may stand for, with how well. */
  private candidates(token: string, last: boolean): Map<string, number> {
    const { index } = this;
    const out = new Map<string, number>();
    const offer = (term: string, q: number) => {
      if ((out.get(term) ?? 0) < q) out.set(term, q);
    };
    if (index.terms.has(token)) offer(token, EXACT);
    // Short prefixes stand for many words: only the commonest few, so "c" costs no more than "cap".
    const max = token.length === 1 ? 8 : token.length === 2 ? 16 : 40;
    if (token.length >= 2 || last) for (const t of index.withPrefix(token, max)) offer(t, last ? LAST_PREFIX : PREFIX);
    if (!index.terms.has(token) && token.length >= 3 && /\D/.test(token)) {
      for (const { term, distance } of index.near(token, token.length >= 7 ? 2 : 1)) offer(term, distance === 1 ? TYPO : TYPO2);
    }
    return out;
  }

  /** The query's words, in order and next to each other, in the name (fillers may be left out). */
  private isPhrase(doc: IndexedDoc, candidates: Map<string, number>[], required: boolean[]): boolean {
    // One word in the name is a phrase already.
    if (candidates.length === 1) return true;
    const all = candidates;
    const needed = candidates.filter((_, i) => required[i]);
    return containsRun(doc.nameTokens, all) || (needed.length < all.length && containsRun(doc.nameTokens, needed));
  }

  private byCode(digits: string, accept: (d: IndexedDoc) => boolean, limit: number): ProcedureSummary[] {
    const top = new TopK(limit);
    for (const doc of this.index.docs) {
      if (!accept(doc) || !doc.codeDigits.includes(digits)) continue;
      const tier = doc.codeDigits === digits ? 5 : doc.codeDigits.endsWith(digits) ? 4 : 3;
      top.offer(rankKey(tier, 1, doc), doc);
    }
    return top.result();
  }

  /** No words but a field: the field's procedures, commune-level first, then by name. */
  private browse(accept: (d: IndexedDoc) => boolean, limit: number): ProcedureSummary[] {
    const docs = this.index.docs.filter(accept);
    docs.sort(
      (a, b) =>
        Number(b.summary.communeLevel) - Number(a.summary.communeLevel) ||
        (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0),
    );
    return docs.slice(0, limit).map((d) => d.summary);
  }
}

function containsRun(nameTokens: readonly string[], run: readonly Map<string, number>[]): boolean {
  if (run.length === 0) return false;
  outer: for (let j = 0; j + run.length <= nameTokens.length; j++) {
    for (let k = 0; k < run.length; k++) if (!run[k]!.has(nameTokens[j + k]!)) continue outer;
    return true;
  }
  return false;
}
