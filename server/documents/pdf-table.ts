import type { FilledItem } from './fill-form.js';
import { F, type PdfCursor } from './pdf-page.js';

type DocumentsItem = Extract<FilledItem, { kind: 'documents' }>;

/** Column shares of the content width: STT | Tên giấy tờ | Bản chính | Bản sao. */
const SHARES = [0.08, 0.62, 0.15, 0.15] as const;

/**
 * The thành phần hồ sơ table with ruled cells. A row never splits across pages; on a new page the
 * header row is drawn again so the columns can still be read. A single name too long for a whole
 * page (the catalogue has 600-character entries, not 6000) is cut with an ellipsis rather than
 * running off the paper.
 */
export function drawDocumentsTable(c: PdfCursor, item: DocumentsItem): void {
  const size = c.s(8);
  const pad = c.s(3);
  const widths = SHARES.map((share) => share * c.width);
  const xs = widths.map((_, i) => c.x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const rowHeight = (cells: readonly string[], font: typeof F.regular | typeof F.bold): number =>
    Math.max(...cells.map((text, i) => c.measure(text, font, size, (widths[i] ?? 0) - 2 * pad))) + 2 * pad;

  const drawRow = (
    cells: readonly string[],
    font: typeof F.regular | typeof F.bold,
    height: number,
    aligns: readonly ('left' | 'center')[],
  ): void => {
    cells.forEach((text, i) => {
      const x = xs[i] ?? 0;
      const w = widths[i] ?? 0;
      c.doc.save().lineWidth(0.5).rect(x, c.y, w, height).stroke('#000').restore();
      c.doc
        .font(font)
        .fontSize(size)
        .fillColor('#000')
        .text(text, x + pad, c.y + pad, {
          width: w - 2 * pad,
          height: height - 2 * pad,
          align: aligns[i] ?? 'left',
          lineGap: c.lineGap(size),
          ellipsis: true,
        });
    });
    c.y += height;
  };

  const header = [...item.columns];
  const headerHeight = rowHeight(header, F.bold);
  const headerAligns = ['center', 'center', 'center', 'center'] as const;
  const rowAligns = ['center', 'left', 'center', 'center'] as const;
  const labelHeight = c.measure(item.label, F.regular, c.s(9.5), c.width);
  const rows = item.rows.map((r, i) => [String(i + 1), r.name, String(r.originals), String(r.copies)]);
  const firstRow = rows[0] === undefined ? 0 : rowHeight(rows[0], F.regular);
  // The label, the header and the first row stay together.
  c.ensure(labelHeight + c.s(3) + headerHeight + Math.min(firstRow, c.pageRoom / 3));
  c.y += c.text(item.label, F.regular, c.s(9.5), c.x0, c.width) + c.s(3);
  drawRow(header, F.bold, headerHeight, headerAligns);
  for (const cells of rows) {
    const height = Math.min(rowHeight(cells, F.regular), c.pageRoom - headerHeight);
    if (c.ensure(height)) drawRow(header, F.bold, headerHeight, headerAligns);
    drawRow(cells, F.regular, height, rowAligns);
  }
}
