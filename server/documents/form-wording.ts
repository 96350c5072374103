import { vnParts } from '../../common/time/vn-time.js';

/**
 * How dates, times and quantities are written on administrative papers. Nghị định 30/2020/NĐ-CP
 * (công tác văn thư) writes a day below 10 and the months 1 and 2 with a leading zero ("ngày 05
 * tháng 01", "tháng 3"), so a date cannot be altered by adding a digit in front.
 */
const two = (n: number): string => String(n).padStart(2, '0');

export function dayMonthYear(epochMs: number): string {
  const p = vnParts(epochMs);
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}

/** "Tân Phú, ngày 23 tháng 11 năm 2026". */
export function placeAndDate(place: string, epochMs: number): string {
  return `${place}, ${dayMonthYear(epochMs)}`;
}

/** "09 giờ 41 phút, ngày 23 tháng 11 năm 2026": the form's own wording for times. */
export function timeAndDate(epochMs: number): string {
  const p = vnParts(epochMs);
  return `${two(p.hour)} giờ ${two(p.minute)} phút, ${dayMonthYear(epochMs)}`;
}

/** Vietnamese writes a decimal comma: "0,5 ngày làm việc". */
export function workingDaysText(days: number): string {
  if (days === 0) return 'Trong ngày làm việc';
  return `${String(days).replace('.', ',')} ngày làm việc`;
}

export function dossierSetsText(sets: number): string {
  return `${two(sets)} bộ`;
}

/** Words that start the place part of an office's name, in capitals as the header prints them. */
const LOCALITY = /\s(?=(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH)\s)/u;

/**
 * A header name in its natural lines: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" / "XÃ TÂN PHÚ", the way
 * headers are set by hand, rather than wherever the width happens to run out ("… HÀNH / CHÍNH
 * CÔNG …" parts a two-syllable word). One line when the name has no place part.
 */
export function headerNameLines(name: string): string[] {
  const m = LOCALITY.exec(name);
  if (m === null || m.index === 0) return [name];
  return [name.slice(0, m.index).trim(), name.slice(m.index).trim()];
}

/**
 * The place on the date line when the configuration does not give one: the name after the
 * first place word of the office's name ("… xã Tân Phú" -> "Tân Phú", "… tỉnh Đồng Nai" -> "Đồng Nai"), else the whole name.
 */
export function placeFromOfficeName(name: string): string {
  const m = /(?:^|\s)(?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố)\s+([^,]+)/iu.exec(name.normalize('NFC').trim());
  return m?.[1]?.trim() ?? name.trim();
}
