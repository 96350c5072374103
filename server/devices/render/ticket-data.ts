import { vnClock, vnParts } from '../../../common/time/vn-time.js';

/** What a queue ticket shows. The same data drives the printed ticket and its on-screen copy. */
export interface TicketData {
  readonly officeName: string;
  readonly officeNameLine2?: string;
  /** As called in the hall: "A012", "1025". */
  readonly number: string;
  readonly queueName: string;
  /** Where to go, already worded: "Quầy 1, 2". */
  readonly counters: string;
  /** Epoch milliseconds; printed in Asia/Ho_Chi_Minh. */
  readonly issuedAt: number;
  readonly peopleAhead: number;
  readonly waitMinMinutes: number;
  readonly waitMaxMinutes: number;
  /** "ƯU TIÊN – Người cao tuổi", or null for a normal ticket. */
  readonly priorityLabel: string | null;
  /** Encoded as a QR so the citizen can follow the ticket on a phone. */
  readonly followUrl: string;
  readonly note: string;
}

/** Every line of words on the ticket, worded and in NFC. */
export interface TicketTexts {
  readonly officeLines: readonly string[];
  readonly heading: string;
  readonly number: string;
  readonly queueName: string;
  readonly goTo: string;
  readonly priority: string | null;
  readonly ahead: string;
  /** Null when the citizen is next: the "ahead" line then says so and a wait range means nothing. */
  readonly waitLabel: string | null;
  readonly waitValue: string | null;
  readonly issued: string;
  readonly qrCaption: string;
  readonly note: string;
  readonly followUrl: string;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Text from the site config or a browser may arrive decomposed (NFD, as macOS and some IMEs type
 * it). The font shapes both, but decomposed marks can stack differently and break equality checks,
 * so everything printed is NFC.
 */
export const nfc = (s: string): string => s.normalize('NFC').trim();

/** "Khoảng 10 – 15 phút"; an equal range is one figure, a range from zero an upper bound. */
export function waitRangeText(minMinutes: number, maxMinutes: number): string {
  const lo = Math.max(0, Math.round(Math.min(minMinutes, maxMinutes)));
  const hi = Math.max(0, Math.round(Math.max(minMinutes, maxMinutes)));
  if (hi < 1) return 'Dưới 1 phút';
  if (lo < 1) return `Dưới ${hi} phút`;
  return lo === hi ? `Khoảng ${hi} phút` : `Khoảng ${lo} – ${hi} phút`;
}

/** "16:05 – Thứ Hai, 23/11/2026" in Vietnam's time. */
export function issuedText(epochMs: number): string {
  const p = vnParts(epochMs);
  return `${vnClock(epochMs)} – ${WEEKDAYS[p.weekday] ?? ''}, ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

export function ticketTexts(data: TicketData): TicketTexts {
  if (!Number.isInteger(data.peopleAhead) || data.peopleAhead < 0) {
    throw new RangeError(`peopleAhead must be a whole number >= 0, got ${data.peopleAhead}`);
  }
  const next = data.peopleAhead === 0;
  // Next in line can still wait: every desk may be busy. Say "Sắp đến lượt" and, if it is more
  // than a minute, how long; a bare "Sắp đến lượt" before a 15-minute wait is a broken promise.
  const showWait = !next || data.waitMaxMinutes > 1;
  const line2 = data.officeNameLine2 === undefined ? '' : nfc(data.officeNameLine2);
  return {
    officeLines: [nfc(data.officeName), ...(line2 === '' ? [] : [line2])],
    heading: 'SỐ THỨ TỰ',
    number: nfc(data.number),
    queueName: nfc(data.queueName),
    goTo: `Mời đến: ${nfc(data.counters)}`,
    priority: data.priorityLabel === null || nfc(data.priorityLabel) === '' ? null : nfc(data.priorityLabel),
    ahead: next ? 'Sắp đến lượt' : `Trước bạn còn ${data.peopleAhead} người`,
    waitLabel: showWait ? 'Thời gian chờ dự kiến' : null,
    waitValue: showWait ? waitRangeText(data.waitMinMinutes, data.waitMaxMinutes) : null,
    issued: issuedText(data.issuedAt),
    qrCaption: 'Quét mã để theo dõi lượt gọi',
    note: nfc(data.note),
    // The URL is encoded, not printed as text: no normalising beyond trimming stray spaces.
    followUrl: data.followUrl.trim(),
  };
}
