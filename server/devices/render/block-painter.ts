import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Bitmap } from './bitmap.js';
import { bitmapFromRgba, fillRect } from './bitmap.js';
import type { Block, Placement, TextStyle } from './layout-blocks.js';
import { drawQr, qrMatrix, qrSpan } from './qr-matrix.js';
import { wrapPhrases } from './text-wrap.js';

/**
 * Letters that reach highest and lowest in Vietnamese: a capital with a circumflex or breve and a
 * tone mark stacked on it, and descenders with a dot below. Every line is given at least this much
 * room, so "Ỹ" on one line never touches "ỵ" on the line above and nothing is cut at a block edge.
 */
const VERTICAL_PROBE = 'ỸẦẪẶỖỰẴ gjpqyỵỹ';
/** measureText rounds glyph bounds to whole dots; one spare dot on each side keeps edges whole. */
const SAFETY = 1;

export interface PaintOptions {
  readonly width: number;
  /** Left and right margin in dots. */
  readonly margin: number;
}

interface Measured {
  readonly height: number;
  readonly paint?: (ctx: SKRSContext2D, y: number) => void;
  /** Drawn into the 1-bit image after thresholding, so it stays exact (QR modules). */
  readonly stamp?: (bitmap: Bitmap, y: number) => void;
}

const fontOf = (style: TextStyle): string => `${style.size}px "${style.family}"`;

function lineBox(ctx: SKRSContext2D, text: string): { ascent: number; descent: number } {
  const probe = ctx.measureText(VERTICAL_PROBE);
  const own = ctx.measureText(text);
  return {
    ascent: Math.ceil(Math.max(probe.actualBoundingBoxAscent, own.actualBoundingBoxAscent)) + SAFETY,
    descent: Math.ceil(Math.max(probe.actualBoundingBoxDescent, own.actualBoundingBoxDescent)) + SAFETY,
  };
}

/** Wrapped, centred lines; returns the height and a painter in a given colour. */
function measureLines(ctx: SKRSContext2D, text: string, style: TextStyle, maxWidth: number, lineGap: number, balanced: boolean) {
  ctx.font = fontOf(style);
  const measure = (s: string): number => ctx.measureText(s).width;
  const lines = wrapPhrases(text, maxWidth, measure, balanced).map((line) => ({ line, ...lineBox(ctx, line) }));
  const height = lines.reduce((h, l, i) => h + l.ascent + l.descent + (i > 0 ? lineGap : 0), 0);
  const paint = (c: SKRSContext2D, y: number, centreX: number, colour: string): void => {
    c.font = fontOf(style);
    c.fillStyle = colour;
    c.textAlign = 'center';
    c.textBaseline = 'alphabetic';
    let top = y;
    for (const l of lines) {
      c.fillText(l.line, centreX, top + l.ascent);
      top += l.ascent + l.descent + lineGap;
    }
  };
  return { height, paint };
}

function measureBlock(ctx: SKRSContext2D, block: Block, o: PaintOptions): Measured {
  const inner = o.width - 2 * o.margin;
  const centreX = Math.round(o.width / 2);
  switch (block.kind) {
    case 'space':
      return { height: block.height };
    case 'rule':
      return { height: block.thickness, stamp: (bm, y) => drawRule(bm, o, y, block.thickness, block.dash) };
    case 'text': {
      const m = measureLines(ctx, block.text, block.style, inner, block.lineGap, block.balanced ?? false);
      return { height: m.height, paint: (c, y) => m.paint(c, y, centreX, '#000') };
    }
    case 'inverted': {
      const m = measureLines(ctx, block.text, block.style, inner - 2 * block.padX, block.lineGap, true);
      const height = m.height + 2 * block.padY;
      return {
        height,
        paint: (c, y) => {
          c.fillStyle = '#000';
          c.fillRect(o.margin, y, inner, height);
          m.paint(c, y + block.padY, centreX, '#fff');
        },
      };
    }
    case 'fit': {
      const size = fitSize(ctx, block.text, block.family, inner, block.maxSize);
      ctx.font = fontOf({ family: block.family, size });
      // The number has no marks: its own ink box, not the Vietnamese probe, so it sits tight.
      const m = ctx.measureText(block.text);
      const ascent = Math.ceil(m.actualBoundingBoxAscent) + SAFETY;
      const height = ascent + Math.ceil(m.actualBoundingBoxDescent) + SAFETY;
      return {
        height,
        paint: (c, y) => {
          c.font = fontOf({ family: block.family, size });
          c.fillStyle = '#000';
          c.textAlign = 'center';
          c.textBaseline = 'alphabetic';
          c.fillText(block.text, centreX, y + ascent);
        },
      };
    }
    case 'qr': {
      const matrix = qrMatrix(block.text);
      const span = qrSpan(matrix, block.moduleDots);
      if (span > o.width) throw new RangeError(`QR of ${matrix.size} modules does not fit ${o.width} dots`);
      return { height: span, stamp: (bm, y) => drawQr(bm, matrix, Math.floor((o.width - span) / 2), y, block.moduleDots) };
    }
  }
}

/** Largest whole size at which the text fits the width; binary search over measureText. */
function fitSize(ctx: SKRSContext2D, text: string, family: string, maxWidth: number, maxSize: number): number {
  let lo = 8;
  let hi = Math.max(lo, Math.floor(maxSize));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    ctx.font = fontOf({ family, size: mid });
    if (ctx.measureText(text).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function drawRule(bitmap: Bitmap, o: PaintOptions, y: number, thickness: number, dash: number | undefined): void {
  const end = o.width - o.margin;
  if (dash === undefined) return fillRect(bitmap, o.margin, y, end - o.margin, thickness);
  for (let x = o.margin; x < end; x += 2 * dash) fillRect(bitmap, x, y, Math.min(dash, end - x), thickness);
}

/**
 * Measure every block, paint the text on one white canvas of the exact height, threshold it to
 * 1-bit, then stamp the parts that must be dot-exact (rules, QR) straight into the bitmap.
 */
export function paintBlocks(blocks: readonly Block[], o: PaintOptions): { bitmap: Bitmap; placements: Placement[] } {
  const measureCtx = createCanvas(o.width, 1).getContext('2d');
  const measured = blocks.map((b) => measureBlock(measureCtx, b, o));
  const height = measured.reduce((h, m) => h + m.height, 0);
  const canvas = createCanvas(o.width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, o.width, height);
  const placements: Placement[] = [];
  let y = 0;
  for (const [i, m] of measured.entries()) {
    m.paint?.(ctx, y);
    placements.push({ block: blocks[i] as Block, x: o.margin, y, width: o.width - 2 * o.margin, height: m.height });
    y += m.height;
  }
  const bitmap = bitmapFromRgba(ctx.getImageData(0, 0, o.width, height).data, o.width, height);
  for (const [i, m] of measured.entries()) m.stamp?.(bitmap, placements[i]?.y ?? 0);
  return { bitmap, placements };
}
