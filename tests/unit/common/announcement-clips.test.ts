import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  announcementClips,
  CHIME_CLIP,
  CLIP_LIST,
  clipsNeeded,
  isClipName,
  numberClips,
} from '../../../common/text/announcement-clips.js';
import { SERIES_LETTER_NAMES, ticketAnnouncement } from '../../../common/text/announcement.js';
import type { ReadNumberOptions } from '../../../common/text/read-number.js';

const wordsOf = new Map(CLIP_LIST.map((c) => [c.name, c.words]));
const spoken = (clips: readonly string[]) => clips.map((c) => wordsOf.get(c) ?? `<${c}?>`).join(' ');
const LETTERS = ['', ...Object.keys(SERIES_LETTER_NAMES)];
// Every letter in the default reading; the regional one changes number words only, so two letters do.
const READINGS: readonly (readonly [ReadNumberOptions, readonly string[]])[] = [
  [{}, LETTERS],
  [{ thousand: 'ngàn', zeroTen: 'lẻ', four: 'bốn' }, ['', 'Đ']],
];

describe('announcementClips', () => {
  it.each<readonly [string, number, string[]]>([
    ['A012', 3, ['moi-cong-dan-co-so-thu-tu', 'chu-a', 'muoi', 'hai', 'den-quay-so', 'ba']],
    ['1025', 3, ['moi-cong-dan-co-so-thu-tu', 'mot', 'nghin', 'khong', 'tram', 'hai', 'muoi-ngang', 'lam', 'den-quay-so', 'ba']],
    ['B105', 21, ['moi-cong-dan-co-so-thu-tu', 'chu-b', 'mot', 'tram', 'linh', 'nam', 'den-quay-so', 'hai', 'muoi-ngang', 'mot-sac']],
    ['Đ015', 11, ['moi-cong-dan-co-so-thu-tu', 'chu-dd', 'muoi', 'lam', 'den-quay-so', 'muoi', 'mot']],
    ['D024', 4, ['moi-cong-dan-co-so-thu-tu', 'chu-d', 'hai', 'muoi-ngang', 'tu', 'den-quay-so', 'bon']],
    [' l000 ', 1, ['moi-cong-dan-co-so-thu-tu', 'chu-l', 'khong', 'den-quay-so', 'mot']],
  ])('%j at counter %i', (ticket, counter, clips) => {
    expect(announcementClips(ticket, counter)).toEqual(clips);
  });

  it('follows the regional reading', () => {
    expect(announcementClips('2104', 5, { thousand: 'ngàn', zeroTen: 'lẻ', four: 'bốn' })).toEqual([
      'moi-cong-dan-co-so-thu-tu', 'hai', 'ngan', 'mot', 'tram', 'le', 'bon', 'den-quay-so', 'nam',
    ]);
    expect(announcementClips('A024', 1, { four: 'bốn' })).toContain('bon');
    expect(announcementClips('A024', 1, { four: 'bốn' })).not.toContain('tu');
  });

  it('says, clip by clip, exactly the announcement text, for every number 0..9999 and every letter', () => {
    for (const [reading, letters] of READINGS) {
      for (const letter of letters) {
        for (let n = 0; n <= 9999; n++) {
          const ticket = `${letter}${String(n).padStart(3, '0')}`;
          const counter = (n % 999) + 1;
          const clips = announcementClips(ticket, counter, reading);
          const said = spoken(clips);
          // Every clip is in the bank (an unknown one shows as <name?> and breaks the equality).
          if (said !== ticketAnnouncement(ticket, counter, reading)) {
            expect(said, `${ticket} at ${counter}`).toBe(ticketAnnouncement(ticket, counter, reading));
          }
        }
      }
    }
  });

  it('reads every counter 1..999', () => {
    for (let c = 1; c <= 999; c++) expect(numberClips(c).every((x) => wordsOf.has(x)), String(c)).toBe(true);
  });

  it.each(['', 'AB12', '12A', 'A-12', '1234567'])('refuses the ticket %j like the announcement does', (t) => {
    expect(() => announcementClips(t, 1)).toThrow(RangeError);
  });

  it('refuses a counter out of range', () => {
    expect(() => announcementClips('A001', 0)).toThrow(RangeError);
  });
});

describe('CLIP_LIST', () => {
  it('has unique, file-safe names, one clip per distinct spoken word', () => {
    const names = CLIP_LIST.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const words = CLIP_LIST.map((c) => c.words);
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w.normalize('NFC')).toBe(w);
  });

  it('keeps apart the words that fold to the same letters', () => {
    const byWords = new Map(CLIP_LIST.map((c) => [c.words, c.name]));
    for (const [a, b] of [['mười', 'mươi'], ['một', 'mốt'], ['năm', 'lăm'], ['linh', 'lẻ'], ['tư', 'bốn'], ['nghìn', 'ngàn'], ['dê', 'đê']]) {
      expect(byWords.get(a as string)).toBeDefined();
      expect(byWords.get(a as string)).not.toBe(byWords.get(b as string));
    }
  });

  it('has a clip for every series letter', () => {
    for (const letter of Object.keys(SERIES_LETTER_NAMES)) {
      expect(announcementClips(`${letter}1`, 1)[1], letter).toMatch(/^chu-/);
    }
    expect(CLIP_LIST.filter((c) => c.kind === 'letter')).toHaveLength(Object.keys(SERIES_LETTER_NAMES).length);
  });

  it('needs only the chosen regional words', () => {
    const north = clipsNeeded().map((c) => c.name);
    expect(north).toContain('nghin');
    expect(north).not.toContain('ngan');
    expect(north).not.toContain('le');
    const south = clipsNeeded({ thousand: 'ngàn', zeroTen: 'lẻ', four: 'bốn' }).map((c) => c.name);
    expect(south).toEqual(expect.arrayContaining(['ngan', 'le', 'bon']));
    expect(south).not.toContain('tu');
    expect(south).not.toContain('linh');
  });

  it('accepts only its own names and the chime', () => {
    expect(isClipName('chu-a')).toBe(true);
    expect(isClipName(CHIME_CLIP)).toBe(true);
    for (const bad of ['', '..', '../hall', 'chu-a.wav', 'CHU-A', 'site']) expect(isClipName(bad), bad).toBe(false);
  });
});

describe('the clip bank document', () => {
  const doc = readFileSync(new URL('../../../firmware-configs/voice/README.md', import.meta.url), 'utf8').normalize('NFC');

  it('lists every clip with what it must say', () => {
    for (const clip of CLIP_LIST) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${clip.name}\` |`));
      expect(row, clip.name).toBeDefined();
      expect(row, clip.name).toContain(`| ${clip.words} |`);
    }
  });

  it('names the folder, the formats and the chime', () => {
    expect(doc).toContain('DATA_DIR/voice-clips/');
    for (const ext of ['.mp3', '.ogg', '.wav']) expect(doc).toContain(ext);
    expect(doc).toContain(`\`${CHIME_CLIP}\``);
  });
});
