import { readNumberVi, type ReadNumberOptions } from './read-number.js';

/**
 * The names of the series letters as spoken in Vietnamese (the school alphabet; F, J, W, Z by their
 * usual loan names). D and Đ are kept apart: "dê" and "đê".
 *
 * A a · B bê · C xê · D dê · Đ đê · E e · F ép · G giê · H hát · I i · J gi · K ca · L e lờ · M em mờ ·
 * N en nờ · O o · P pê · Q quy · R e rờ · S ét xì · T tê · U u · V vê · W vê kép · X ích xì · Y i dài · Z dét
 */
export const SERIES_LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'e',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e lờ',
  M: 'em mờ',
  N: 'en nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích xì',
  Y: 'i dài',
  Z: 'dét',
};

const TICKET_SHAPE = /^([A-ZĐ])?([0-9]{1,6})$/u;

/**
 * Reads a ticket number: an optional series letter, then 1 to 6 digits read as their value.
 * "A012" -> "a mười hai"; "1025" -> "một nghìn không trăm hai mươi lăm". Surrounding spaces and
 * lower case are forgiven; anything else throws.
 */
export function readTicketNumberVi(ticketNumber: string, options: ReadNumberOptions = {}): string {
  const m = TICKET_SHAPE.exec(ticketNumber.normalize('NFC').trim().toUpperCase());
  if (!m) throw new RangeError(`not a ticket number: ${JSON.stringify(ticketNumber)}`);
  const letter = m[1];
  const value = readNumberVi(Number(m[2]), options);
  return letter === undefined ? value : `${SERIES_LETTER_NAMES[letter] as string} ${value}`;
}

/** "Mời công dân có số thứ tự <ticket> đến quầy số <counter>", all in words, NFC. */
export function ticketAnnouncement(ticketNumber: string, counterNumber: number, options: ReadNumberOptions = {}): string {
  if (!Number.isInteger(counterNumber) || counterNumber < 1 || counterNumber > 999) {
    throw new RangeError(`not a counter number: ${String(counterNumber)}`);
  }
  const ticket = readTicketNumberVi(ticketNumber, options);
  const counter = readNumberVi(counterNumber, options);
  return `Mời công dân có số thứ tự ${ticket} đến quầy số ${counter}`.normalize('NFC');
}
