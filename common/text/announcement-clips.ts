import { readNumberVi, type ReadNumberOptions } from './read-number.js';
import { SERIES_LETTER_NAMES, ticketAnnouncement } from './announcement.js';

/**
 * The office's recorded clip bank: an announcement spoken as a chain of short recordings, one per
 * fixed phrase, one per number word, one per series letter. Names are ASCII (they are file names an
 * IT clerk types) and unique per distinct spoken word: where two words fold to the same letters
 * (mười / mươi, một / mốt) the second carries the name of its tone.
 */
export type ClipKind = 'phrase' | 'number' | 'letter';

export interface Clip {
  /** File name without extension: DATA_DIR/voice-clips/<name>.mp3|ogg|wav. */
  readonly name: string;
  /** Exactly what the recording says, lower-case Vietnamese (the phrase clips start upper-case). */
  readonly words: string;
  readonly kind: ClipKind;
  /** When the clip is said, for the person recording it. */
  readonly note: string;
}

export const OPENING_CLIP = 'moi-cong-dan-co-so-thu-tu';
export const COUNTER_CLIP = 'den-quay-so';
/** An optional office recording that replaces the chime the TV makes itself. */
export const CHIME_CLIP = 'chime';

const OPENING_WORDS = 'Mời công dân có số thứ tự';
const COUNTER_WORDS = 'đến quầy số';

/** Number words to clip names. The order is the order of the documented list. */
const NUMBER_CLIPS: readonly (readonly [words: string, name: string, note: string])[] = [
  ['không', 'khong', '0, and "không trăm" inside thousands'],
  ['một', 'mot', '1 (một, mười một, một trăm)'],
  ['hai', 'hai', '2'],
  ['ba', 'ba', '3'],
  ['bốn', 'bon', '4 (bốn, mười bốn, linh bốn; hai mươi bốn when the office reads 4 as "bốn")'],
  ['năm', 'nam', '5 (năm, linh năm, năm mươi, năm trăm)'],
  ['sáu', 'sau', '6'],
  ['bảy', 'bay', '7'],
  ['tám', 'tam', '8'],
  ['chín', 'chin', '9'],
  ['mười', 'muoi', '10 to 19 (mười, mười lăm)'],
  ['mươi', 'muoi-ngang', 'the tens of 20 to 99 (hai mươi)'],
  ['mốt', 'mot-sac', 'a final 1 after twenty and up (hai mươi mốt)'],
  ['lăm', 'lam', 'a final 5 after a tens word (mười lăm, hai mươi lăm)'],
  ['tư', 'tu', 'a final 4 after twenty and up (hai mươi tư), when the office reads 4 as "tư"'],
  ['linh', 'linh', 'a zero tens digit (một trăm linh năm), when the office says "linh"'],
  ['lẻ', 'le', 'a zero tens digit (một trăm lẻ năm), when the office says "lẻ"'],
  ['trăm', 'tram', 'hundreds'],
  ['nghìn', 'nghin', 'thousands, when the office says "nghìn"'],
  ['ngàn', 'ngan', 'thousands, when the office says "ngàn"'],
];

/** A series letter's clip name: "chu-a"; Đ is "chu-dd" (as typed in Telex). */
export function letterClipName(letter: string): string {
  return letter === 'Đ' ? 'chu-dd' : `chu-${letter.toLowerCase()}`;
}

const LETTERS = Object.keys(SERIES_LETTER_NAMES).sort((a, b) => a.localeCompare(b, 'vi'));

/** Every clip of the bank with what it must say; docs and tests derive from this list. */
export const CLIP_LIST: readonly Clip[] = [
  { name: OPENING_CLIP, words: OPENING_WORDS, kind: 'phrase', note: 'every announcement opens with it' },
  { name: COUNTER_CLIP, words: COUNTER_WORDS, kind: 'phrase', note: 'before the counter number' },
  ...NUMBER_CLIPS.map(([words, name, note]): Clip => ({ name, words, kind: 'number', note })),
  ...LETTERS.map((letter): Clip => ({
    name: letterClipName(letter),
    words: SERIES_LETTER_NAMES[letter] as string,
    kind: 'letter',
    note: `the series letter ${letter}`,
  })),
];

const CLIP_NAMES: ReadonlySet<string> = new Set(CLIP_LIST.map((c) => c.name));
const CLIP_OF_WORD: ReadonlyMap<string, string> = new Map(NUMBER_CLIPS.map(([words, name]) => [words, name]));

/** The clip names of a number read aloud, word by word. */
export function numberClips(n: number, options: ReadNumberOptions = {}): string[] {
  return readNumberVi(n, options)
    .split(' ')
    .map((word) => {
      const name = CLIP_OF_WORD.get(word);
      // Unreachable while NUMBER_CLIPS covers readNumberVi's vocabulary; the unit test checks it does.
      if (name === undefined) throw new Error(`no clip for the number word ${JSON.stringify(word)}`);
      return name;
    });
}

/**
 * The clips of "Mời công dân có số thứ tự <ticket> đến quầy số <counter>", in order. Refuses what
 * ticketAnnouncement refuses, with the same RangeError.
 */
export function announcementClips(ticketNumber: string, counterNumber: number, options: ReadNumberOptions = {}): string[] {
  ticketAnnouncement(ticketNumber, counterNumber, options); // the same validation, one source of truth
  const ticket = ticketNumber.normalize('NFC').trim().toUpperCase();
  const first = ticket.charAt(0);
  const hasLetter = !/[0-9]/.test(first);
  const digits = hasLetter ? ticket.slice(1) : ticket;
  return [
    OPENING_CLIP,
    ...(hasLetter ? [letterClipName(first)] : []),
    ...numberClips(Number(digits), options),
    COUNTER_CLIP,
    ...numberClips(counterNumber, options),
  ];
}

/**
 * The clips an office must record for its reading settings: the regional alternatives it does not
 * use (ngàn when it says nghìn, lẻ when it says linh, tư when it says bốn) are not needed.
 */
export function clipsNeeded(options: ReadNumberOptions = {}): readonly Clip[] {
  const unused = new Set<string>([
    (options.thousand ?? 'nghìn') === 'nghìn' ? 'ngan' : 'nghin',
    (options.zeroTen ?? 'linh') === 'linh' ? 'le' : 'linh',
    ...((options.four ?? 'tư') === 'bốn' ? ['tu'] : []),
  ]);
  return CLIP_LIST.filter((c) => !unused.has(c.name));
}

/** The hub's list of the clip bank as found in its folder (GET /api/voice/clips). */
export interface ClipManifest {
  /** The clips present, one file each: name and the URL to fetch it from (changes when the file does). */
  readonly clips: readonly { readonly name: string; readonly url: string }[];
  /** The office's own chime, if it recorded one. */
  readonly chime: string | null;
  /** Clips the office's reading settings need and the folder lacks. */
  readonly missing: readonly string[];
  /** Regional alternatives the office's settings do not use. */
  readonly notNeeded: readonly string[];
}

/** Whether a name is one of the bank's clips or the chime (what the hub may serve from the folder). */
export function isClipName(name: string): boolean {
  return name === CHIME_CLIP || CLIP_NAMES.has(name);
}
