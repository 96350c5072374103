import { describe, expect, it } from 'vitest';
import { bitmapsEqual, inkIn } from '../../../server/devices/render/bitmap.js';
import { renderTicket } from '../../../server/devices/render/ticket-layout.js';
import type { TicketData } from '../../../server/devices/render/ticket-data.js';
import { normalTicket } from './sample-tickets.js';

/** Everything long and everything with the tallest stacked marks Vietnamese has. */
const crowded: TicketData = {
  ...normalTicket,
  officeName: 'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ – TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  officeNameLine2: 'Tỉnh Đồng Nai – ỸẦỖẬẶẴ',
  number: 'B1234',
  queueName: 'Người có công – Bảo trợ xã hội – Trẻ em',
  counters: 'Quầy 11, 12, 13, 14 (tầng 2, dãy nhà phía sau)',
  priorityLabel: 'ƯU TIÊN – Phụ nữ mang thai, trẻ em dưới 6 tuổi đi cùng',
  peopleAhead: 23,
  waitMinMinutes: 45,
  waitMaxMinutes: 70,
  note: 'Quý khách vui lòng giữ phiếu. ỸẦỖẬỴỶ ỹầỗậỵỷ gjpqy. Số chỉ có giá trị trong ngày.',
};

describe.each([384, 576])('ticket layout at %i dots', (width) => {
  const { bitmap, placements } = renderTicket(crowded, { width });

  it('is exactly the paper width and stays inside the margins', () => {
    expect(bitmap.width).toBe(width);
    const margin = Math.round((width / 384) * 8);
    expect(inkIn(bitmap, 0, 0, margin - 1, bitmap.height)).toBe(0);
    expect(inkIn(bitmap, width - margin + 1, 0, margin - 1, bitmap.height)).toBe(0);
  });

  it('gives stacked marks and descenders room: nothing clipped, no lines touching', () => {
    // A glyph reaching past its block would leave ink on the block's edge rows or in the blank gap
    // beside it; the white letters of the priority mark must leave its padding rows solid black.
    for (const p of placements) {
      const { kind } = p.block;
      if (kind === 'space') expect(inkIn(bitmap, 0, p.y, width, p.height)).toBe(0);
      if (kind === 'text' || kind === 'fit') {
        expect(inkIn(bitmap, 0, p.y, width, 1)).toBe(0);
        expect(inkIn(bitmap, 0, p.y + p.height - 1, width, 1)).toBe(0);
      }
      if (p.block.kind === 'inverted') {
        const pad = p.block.padY;
        expect(inkIn(bitmap, p.x, p.y, p.width, pad)).toBe(p.width * pad);
        expect(inkIn(bitmap, p.x, p.y + p.height - pad, p.width, pad)).toBe(p.width * pad);
      }
    }
    expect(placements.filter((p) => p.block.kind === 'text').length).toBeGreaterThan(8);
  });

  it('lays out the same data the same way every time, NFC or not', () => {
    const nfd = { ...crowded, officeName: crowded.officeName.normalize('NFD'), queueName: crowded.queueName.normalize('NFD') };
    expect(bitmapsEqual(renderTicket(nfd, { width }).bitmap, bitmap)).toBe(true);
  });
});

describe('ticket layout edges', () => {
  it('refuses a width the printer cannot take', () => {
    expect(() => renderTicket(normalTicket, { width: 380 })).toThrow(/multiple of 8/);
  });
});
