import { describe, expect, it } from 'vitest';
import { issuedText, ticketTexts, waitRangeText } from '../../../server/devices/render/ticket-data.js';
import { normalTicket, priorityTicket } from './sample-tickets.js';

const isNfc = (s: string): boolean => s === s.normalize('NFC');

describe('ticket wording', () => {
  it('words the wait as a range, and says "Sắp đến lượt" when nobody is ahead, with the wait if the desks are busy', () => {
    const t = ticketTexts(normalTicket);
    expect([t.ahead, t.waitLabel, t.waitValue]).toEqual([
      'Trước bạn còn 5 người',
      'Thời gian chờ dự kiến',
      'Khoảng 10 – 15 phút',
    ]);
    const next = ticketTexts(priorityTicket);
    expect([next.ahead, next.waitLabel, next.waitValue]).toEqual(['Sắp đến lượt', 'Thời gian chờ dự kiến', 'Dưới 5 phút']);
    const free = ticketTexts({ ...priorityTicket, waitMinMinutes: 0, waitMaxMinutes: 1 });
    expect([free.ahead, free.waitLabel, free.waitValue]).toEqual(['Sắp đến lượt', null, null]);
    expect(() => ticketTexts({ ...normalTicket, peopleAhead: -1 })).toThrow(/peopleAhead/);
  });

  it('collapses ranges that are not really ranges', () => {
    expect(waitRangeText(10, 15)).toBe('Khoảng 10 – 15 phút');
    expect(waitRangeText(15, 10)).toBe('Khoảng 10 – 15 phút');
    expect(waitRangeText(12, 12)).toBe('Khoảng 12 phút');
    expect(waitRangeText(0, 5)).toBe('Dưới 5 phút');
    expect(waitRangeText(0, 0)).toBe('Dưới 1 phút');
  });

  it("prints the time of issue in Vietnam's time, whatever the host's zone", () => {
    expect(issuedText(Date.UTC(2026, 10, 23, 2, 41))).toBe('09:41 – Thứ Hai, 23/11/2026');
    // 20:30 UTC on Sunday is already 03:30 on Monday in Hà Nội.
    expect(issuedText(Date.UTC(2026, 10, 22, 20, 30))).toBe('03:30 – Thứ Hai, 23/11/2026');
    expect(issuedText(Date.UTC(2026, 10, 22, 3, 0))).toBe('10:00 – Chủ nhật, 22/11/2026');
  });

  it('hands out only NFC text, even from decomposed input', () => {
    const nfd = Object.fromEntries(
      Object.entries(priorityTicket).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFD') : v]),
    ) as typeof priorityTicket;
    const t = ticketTexts(nfd);
    expect(t).toEqual(ticketTexts(priorityTicket));
    const strings = Object.values(t)
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(strings.every(isNfc)).toBe(true);
    expect(t.priority).toBe('ƯU TIÊN – Người cao tuổi');
  });

  it('leaves out an empty second office line and an empty priority label', () => {
    const t = ticketTexts({ ...normalTicket, officeNameLine2: ' ', priorityLabel: '' });
    expect(t.officeLines).toEqual(['Trung tâm Phục vụ hành chính công xã Tân Phú']);
    expect(t.priority).toBeNull();
  });
});
