import type { Bitmap } from './bitmap.js';
import { paintBlocks } from './block-painter.js';
import { loadTicketFonts, type TicketFonts } from './fonts.js';
import type { Block, Placement } from './layout-blocks.js';
import { ticketTexts, type TicketData } from './ticket-data.js';

/** Printable width in dots at 203 dpi: 58 mm paper prints 48 mm, 80 mm paper prints 72 mm. */
export const PAPER_DOTS = { mm58: 384, mm80: 576 } as const;

export interface RenderOptions {
  /** Printable width in dots, a multiple of 8 (384 or 576 on common printers). */
  readonly width: number;
  readonly fonts?: TicketFonts;
}

export interface RenderedTicket {
  readonly bitmap: Bitmap;
  /** Blocks by role, so the on-screen copy and tests can find the number or the priority mark. */
  readonly regions: Readonly<Record<'number' | 'priority' | 'qr' | 'body', Placement | undefined>>;
  /** Every block, top to bottom. */
  readonly placements: readonly Placement[];
}

/**
 * The ticket's design, once, for any width. Sizes are given for 58 mm paper (384 dots) and scale
 * with the width, so an 80 mm ticket is the same design rather than a second layout to keep in
 * step. Body text is 22 dots high at 384, close to the printer's own 12x24 font that citizens
 * are used to reading; the number takes the whole width.
 */
export function ticketBlocks(data: TicketData, width: number, fonts: TicketFonts): Block[] {
  const t = ticketTexts(data);
  // Text grows slower than the paper: on 80 mm the extra width goes to fewer wrapped lines and a
  // bigger number rather than a ticket half as long again.
  const u = Math.sqrt(width / PAPER_DOTS.mm58);
  const px = (n: number): number => Math.round(n * u);
  const style = (family: string, size: number) => ({ family, size: px(size) });
  const gap = (n: number): Block => ({ kind: 'space', height: px(n) });
  const text = (s: string, family: string, size: number, extra: { balanced?: boolean } = {}): Block => ({
    kind: 'text',
    text: s,
    style: style(family, size),
    lineGap: px(2),
    ...extra,
  });

  const blocks: Block[] = [gap(6)];
  const [office, ...officeRest] = t.officeLines;
  if (office !== undefined) blocks.push(text(office, fonts.bold, 22, { balanced: true }));
  for (const line of officeRest) blocks.push(gap(2), text(line, fonts.body, 19, { balanced: true }));
  blocks.push(gap(10), { kind: 'rule', thickness: px(2) }, gap(12));
  blocks.push(text(t.heading, fonts.bold, 22), gap(6));
  blocks.push({ kind: 'fit', text: t.number, family: fonts.heavy, maxSize: width * 0.42 });
  blocks.push(gap(12), text(t.queueName, fonts.bold, 28, { balanced: true }), gap(6));
  blocks.push(text(t.goTo, fonts.body, 24, { balanced: true }));
  if (t.priority !== null) {
    blocks.push(gap(12), {
      kind: 'inverted',
      text: t.priority,
      style: style(fonts.bold, 24),
      lineGap: px(2),
      padX: px(8),
      padY: px(8),
    });
  }
  blocks.push(gap(14), { kind: 'rule', thickness: px(2), dash: px(6) }, gap(12));
  blocks.push(text(t.ahead, fonts.bold, 24));
  if (t.waitLabel !== null && t.waitValue !== null) {
    blocks.push(gap(8), text(t.waitLabel, fonts.body, 20), gap(2), text(t.waitValue, fonts.bold, 24));
  }
  blocks.push(gap(10), text(t.issued, fonts.body, 20), gap(8));
  // At least 4 dots a module on 58 mm paper (0.5 mm), as phone cameras need at arm's length.
  blocks.push({ kind: 'qr', text: t.followUrl, moduleDots: Math.max(4, Math.floor(width / 96)) });
  // Nothing smaller than 20 dots: below that a tilde is a 5-dot squiggle that reads as a circumflex
  // ("dõi" as "dôi") once the head has printed it.
  blocks.push(text(t.qrCaption, fonts.body, 20), gap(10));
  // One sentence a line where it fits: "Vui lòng chờ gọi số." / "Số chỉ có giá trị trong ngày."
  // reads better than a break in the middle of the second sentence.
  for (const sentence of t.note.split(/(?<=[.!?])\s+/u)) blocks.push(text(sentence, fonts.body, 20, { balanced: true }), gap(2));
  blocks.push(gap(6));
  return blocks;
}

export function renderTicket(data: TicketData, options: RenderOptions): RenderedTicket {
  const fonts = options.fonts ?? loadTicketFonts();
  const blocks = ticketBlocks(data, options.width, fonts);
  const margin = Math.round((options.width / PAPER_DOTS.mm58) * 8);
  const { bitmap, placements } = paintBlocks(blocks, { width: options.width, margin });
  const find = (kind: Block['kind']): Placement | undefined => placements.find((p) => p.block.kind === kind);
  const body = placements.find((p) => p.block.kind === 'text' && p.block.text === ticketTexts(data).goTo);
  return { bitmap, placements, regions: { number: find('fit'), priority: find('inverted'), qr: find('qr'), body } };
}
