import { describe, expect, it } from 'vitest';
import { readTicketNumberVi, ticketAnnouncement } from '../../../common/text/announcement.js';

describe('ticketAnnouncement', () => {
  it.each<readonly [string, number, string]>([
    ['1025', 3, 'Mời công dân có số thứ tự một nghìn không trăm hai mươi lăm đến quầy số ba'],
    ['A012', 2, 'Mời công dân có số thứ tự a mười hai đến quầy số hai'],
    ['B105', 12, 'Mời công dân có số thứ tự bê một trăm linh năm đến quầy số mười hai'],
    ['C021', 21, 'Mời công dân có số thứ tự xê hai mươi mốt đến quầy số hai mươi mốt'],
    ['Đ007', 5, 'Mời công dân có số thứ tự đê bảy đến quầy số năm'],
    ['D024', 1, 'Mời công dân có số thứ tự dê hai mươi tư đến quầy số một'],
  ])('%s at counter %i', (ticket, counter, text) => {
    expect(ticketAnnouncement(ticket, counter)).toBe(text.normalize('NFC'));
  });

  it('passes the regional options on', () => {
    expect(ticketAnnouncement('1024', 4, { thousand: 'ngàn', four: 'bốn' })).toBe(
      'Mời công dân có số thứ tự một ngàn không trăm hai mươi bốn đến quầy số bốn',
    );
  });

  it('forgives lower case and surrounding spaces', () => {
    expect(readTicketNumberVi(' a012 ')).toBe('a mười hai');
    expect(readTicketNumberVi('đ105')).toBe('đê một trăm linh năm');
  });

  it.each(['', '   ', 'A', 'AB12', '12A', 'A-12', 'A 12', '1234567', 'Ă12', '١٢'])('refuses the ticket %j', (ticket) => {
    expect(() => ticketAnnouncement(ticket, 1)).toThrow(RangeError);
  });

  it.each([0, -1, 1.5, 1000])('refuses the counter %s', (counter) => {
    expect(() => ticketAnnouncement('A001', counter)).toThrow(RangeError);
  });
});
