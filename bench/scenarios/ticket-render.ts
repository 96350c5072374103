import { performance } from 'node:perf_hooks';
import { encodePrintJob } from '../../server/devices/codecs/escpos/encode-raster.js';
import { loadTicketFonts } from '../../server/devices/render/fonts.js';
import type { TicketData } from '../../server/devices/render/ticket-data.js';
import { renderTicket } from '../../server/devices/render/ticket-layout.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';

/**
 * Render + encode of one queue ticket, as the hub does for every ticket it prints: the time a
 * citizen waits between tapping and the printer starting, less the link. At 576 dots (80 mm), the
 * larger of the two common papers. Fonts are loaded and a few tickets drawn before timing, so the
 * figures are the steady state, not the first ticket after start.
 */
export interface TicketRenderResult {
  readonly width: number;
  readonly iterations: number;
  /** Milliseconds per ticket. */
  readonly renderAndEncode: LatencySummary;
  readonly heightDots: number;
  readonly bytes: number;
}

const TICKET: TicketData = {
  officeName: 'Trung tâm Phục vụ hành chính công xã Tân Phú',
  officeNameLine2: 'Bộ phận Một cửa',
  number: 'A012',
  queueName: 'Hộ tịch – Chứng thực',
  counters: 'Quầy 1, 2',
  issuedAt: Date.UTC(2026, 10, 23, 2, 41),
  peopleAhead: 5,
  waitMinMinutes: 10,
  waitMaxMinutes: 15,
  priorityLabel: 'ƯU TIÊN – Người cao tuổi',
  followUrl: 'http://192.168.1.10:8080/t/2026-11-23/A012?k=7f3a9c',
  note: 'Vui lòng chờ gọi số. Số chỉ có giá trị trong ngày.',
};

export function runTicketRenderBench(options: { iterations?: number; width?: number; warmup?: number } = {}): TicketRenderResult {
  const iterations = options.iterations ?? 50;
  const width = options.width ?? 576;
  const fonts = loadTicketFonts();
  let last: Uint8Array = new Uint8Array(0);
  let heightDots = 0;
  const once = (i: number): number => {
    // A different number each time, as in a real morning, so nothing is cached by accident.
    const data = { ...TICKET, number: `A${String(i % 1000).padStart(3, '0')}` };
    const t0 = performance.now();
    const { bitmap } = renderTicket(data, { width, fonts });
    last = encodePrintJob(bitmap);
    heightDots = bitmap.height;
    return performance.now() - t0;
  };
  for (let i = 0; i < (options.warmup ?? 5); i++) once(i);
  const samples = Array.from({ length: iterations }, (_, i) => once(i + 100));
  return { width, iterations, renderAndEncode: summarize(samples), heightDots, bytes: last.length };
}
