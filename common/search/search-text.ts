import { tokenize } from '../text/fold.js';

/** A kiosk can send anything; past this the rest of a query is ignored, not refused. */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 12;

/**
 * The query trimmed and cut to MAX_QUERY_CHARS, at a word boundary when there is one so the cut does
 * not leave half a word to be read as a prefix.
 */
export function truncateQuery(query: string): string {
  const q = query.trim();
  if (q.length <= MAX_QUERY_CHARS) return q;
  const cut = q.slice(0, MAX_QUERY_CHARS + 1);
  const space = cut.search(/\s\S*$/);
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, MAX_QUERY_CHARS)).trim();
}

/**
 * Search words: folded tokens, with the i/y spellings of one syllable made one ("ký"/"kí",
 * "lý"/"lí", "quy"/"qui" are the same word written two ways, and citizens use both), so a query
 * "dang ki" meets "Đăng ký". Only a consonant followed by a lone y changes: "tay" and "tai" differ.
 */
const CONSONANT_Y = /^(?:b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;

export function canonicalToken(token: string): string {
  return CONSONANT_Y.test(token) ? `${token.slice(0, -1)}i` : token;
}

export function searchTokens(text: string): string[] {
  return tokenize(text).map(canonicalToken);
}

/**
 * Words a citizen adds around what they want ("thủ tục", "làm", "xin", "muốn"): they count when a
 * name has them but a name without them still matches fully. Words that fold onto real catalogue
 * words ("cần" -> "can", as in "căn cước") are not here.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'thu',
  'tuc',
  'lam',
  'xin',
  'muon',
  'toi',
  'o',
  'dau',
  'nhu',
  'the',
  'nao',
  'gi',
  'a',
  'giup',
  'hoi',
]);

/**
 * What citizens call things against what the catalogue calls them. A query containing the words on
 * the left searches for the words on the right instead. Folded, canonical tokens on both sides.
 */
export const CITIZEN_WORDS: readonly (readonly [string, string])[] = [
  ['cccd', 'can cuoc'],
  ['cmnd', 'can cuoc'],
  ['can cuoc cong dan', 'can cuoc'],
  ['chung minh nhan dan', 'can cuoc'],
  ['so do', 'giay chung nhan quyen su dung dat'],
  ['so hong', 'giay chung nhan quyen su dung dat'],
  ['bang lai xe', 'giay phep lai xe'],
  ['bang lai', 'giay phep lai xe'],
  ['ho khau', 'thuong tru'],
  ['giay khai sinh', 'khai sinh'],
  ['giay dang ki ket hon', 'dang ki ket hon'],
  ['dang ki kinh doanh', 'dang ki thanh lap ho kinh doanh'],
];

const RULES = [...CITIZEN_WORDS]
  .map(([from, to]) => [from.split(' '), to.split(' ')] as const)
  .sort((x, y) => y[0].length - x[0].length);

/** Rewrites citizen words (longest first, each once) in a token list. */
export function applyCitizenWords(tokens: readonly string[]): string[] {
  let out = [...tokens];
  for (const [from, to] of RULES) {
    for (let i = 0; i + from.length <= out.length; i++) {
      if (from.every((t, k) => out[i + k] === t)) {
        out = [...out.slice(0, i), ...to, ...out.slice(i + from.length)];
        break;
      }
    }
  }
  return out;
}
