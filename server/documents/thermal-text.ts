import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { bitmapFromRgba, type Bitmap } from '../devices/render/bitmap.js';
import { wrapText } from '../devices/render/text-wrap.js';

/**
 * Left-aligned paragraphs for the thermal copy of a form, where the ticket's blocks only centre:
 * "Label: value" with the value in another face, wrapped as one paragraph, and numbered items with
 * a hanging indent. Painted like the ticket's text (canvas, then a plain threshold to 1-bit).
 */
export interface Run {
  readonly text: string;
  readonly family: string;
}

export interface Paragraph {
  readonly runs: readonly Run[];
  /** Font size in dots. */
  readonly size: number;
  /** Drawn in the margin before the text ("1."); the text wraps at its right, not under it. */
  readonly marker?: Run;
  /** Width given to the marker, in dots. */
  readonly markerWidth?: number;
  /** Dots of white after the paragraph. */
  readonly after: number;
}

/** The tallest stacked marks and the deepest descenders Vietnamese has; see block-painter.ts. */
const VERTICAL_PROBE = 'ỸẦẪẶỖỰẴ gjpqyỵỹ';

interface Word {
  readonly text: string;
  readonly family: string;
}

const font = (family: string, size: number): string => `${size}px "${family}"`;

function lineMetrics(ctx: SKRSContext2D, families: readonly string[], size: number): { ascent: number; descent: number } {
  let ascent = 0;
  let descent = 0;
  for (const family of families) {
    ctx.font = font(family, size);
    const m = ctx.measureText(VERTICAL_PROBE);
    ascent = Math.max(ascent, Math.ceil(m.actualBoundingBoxAscent) + 1);
    descent = Math.max(descent, Math.ceil(m.actualBoundingBoxDescent) + 1);
  }
  return { ascent, descent };
}

/** Greedy lines of words, each word keeping its face; a word wider than a line is split by graphemes. */
function wrapRuns(ctx: SKRSContext2D, runs: readonly Run[], size: number, maxWidth: number): Word[][] {
  const widthOf = (w: Word): number => {
    ctx.font = font(w.family, size);
    return ctx.measureText(w.text).width;
  };
  const words: Word[] = [];
  for (const run of runs) {
    for (const text of run.text.split(/\s+/u).filter((t) => t !== '')) {
      const pieces =
        widthOf({ text, family: run.family }) > maxWidth
          ? wrapText(text, maxWidth, (s) => widthOf({ text: s, family: run.family }))
          : [text];
      for (const piece of pieces) words.push({ text: piece, family: run.family });
    }
  }
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  for (const word of words) {
    const space = line.length === 0 ? 0 : widthOf({ text: ' ', family: word.family });
    const w = widthOf(word);
    if (line.length > 0 && used + space + w > maxWidth) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length === 0 ? 0 : space) + w;
    line.push(word);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

export function paintParagraphs(paragraphs: readonly Paragraph[], width: number, margin: number): Bitmap {
  const measure = createCanvas(width, 1).getContext('2d');
  const laid = paragraphs.map((p) => {
    const indent = p.marker === undefined ? 0 : (p.markerWidth ?? 0);
    const lines = wrapRuns(measure, p.runs, p.size, width - 2 * margin - indent);
    const families = [...new Set([...p.runs.map((r) => r.family), ...(p.marker ? [p.marker.family] : [])])];
    const m = lineMetrics(measure, families, p.size);
    const height = Math.max(1, lines.length) * (m.ascent + m.descent) + p.after;
    return { p, indent, lines, m, height };
  });
  const height = laid.reduce((h, l) => h + l.height, 0);
  const canvas = createCanvas(width, Math.max(1, height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, Math.max(1, height));
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  let y = 0;
  for (const { p, indent, lines, m, height: h } of laid) {
    if (p.marker !== undefined) {
      ctx.font = font(p.marker.family, p.size);
      ctx.fillText(p.marker.text, margin, y + m.ascent);
    }
    lines.forEach((line, i) => {
      let x = margin + indent;
      const baseline = y + i * (m.ascent + m.descent) + m.ascent;
      line.forEach((word, k) => {
        ctx.font = font(word.family, p.size);
        if (k > 0) x += ctx.measureText(' ').width;
        ctx.fillText(word.text, x, baseline);
        x += ctx.measureText(word.text).width;
      });
    });
    y += h;
  }
  return bitmapFromRgba(ctx.getImageData(0, 0, width, Math.max(1, height)).data, width, Math.max(1, height));
}
