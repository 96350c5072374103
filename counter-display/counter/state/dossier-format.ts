import { vnClock, vnParts } from '../../../common/time/vn-time.js';
import type { Language } from '../../../ui/i18n/error-text.js';

const WEEKDAYS_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * An appointment as the officer reads it out to the citizen: "16:00, thứ Năm 26/11/2026", in
 * Asia/Ho_Chi_Minh whatever the PC's own time zone.
 */
export function appointmentText(epochMs: number, language: Language): string {
  const p = vnParts(epochMs);
  const weekday = (language === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[p.weekday] ?? '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${vnClock(epochMs)}, ${weekday} ${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** "5", "7,5": a number of working days the Vietnamese way (decimal comma). */
export function daysNumber(days: number, language: Language): string {
  const text = String(Math.round(days * 100) / 100);
  return language === 'vi' ? text.replace('.', ',') : text;
}
