import type { PdfFonts } from './pdf-fonts.js';

/** Font names registered in each document. */
export const F = { regular: 'receipt-regular', bold: 'receipt-bold', italic: 'receipt-italic' } as const;
export type FontName = (typeof F)[keyof typeof F];

export function registerFonts(doc: PDFKit.PDFDocument, fonts: PdfFonts): void {
  doc.registerFont(F.regular, fonts.regular);
  doc.registerFont(F.bold, fonts.bold);
  doc.registerFont(F.italic, fonts.italic);
}

/**
 * Where the next thing goes on the page. Every block measures itself first and asks `ensure` for
 * the room, so a block never straddles a page break (pdfkit would otherwise carry a line over on
 * its own, cutting a table cell or a signature in two).
 */
export class PdfCursor {
  y: number;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    /** Sizes are designed for A5 and multiplied by this. */
    readonly scale: number,
  ) {
    this.y = this.top;
  }
  get x0(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get top(): number {
    return this.doc.page.margins.top;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  /** The usable height of a whole page: what a block taller than that must be cut to. */
  get pageRoom(): number {
    return this.bottom - this.top;
  }
  s(n: number): number {
    return n * this.scale;
  }
  /** Starts a new page when `height` does not fit below the cursor; true when it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.y = this.top;
    return true;
  }
  gap(n: number): void {
    this.y += this.s(n);
  }
  measure(text: string, font: FontName, size: number, width: number): number {
    return this.doc
      .font(font)
      .fontSize(size)
      .heightOfString(text, { width, lineGap: this.lineGap(size) });
  }
  /** Draws wrapped text at (x, cursor) and returns its height; does not move the cursor. */
  text(
    text: string,
    font: FontName,
    size: number,
    x: number,
    width: number,
    align: 'left' | 'center' | 'justify' = 'left',
    y = this.y,
  ): number {
    this.doc
      .font(font)
      .fontSize(size)
      .fillColor('#000')
      .text(text, x, y, { width, align, lineGap: this.lineGap(size) });
    return this.doc.y - y;
  }
  /** "Label: value" with the value in bold, wrapped as one paragraph. */
  labelled(label: string, value: string, size: number): void {
    const width = this.width;
    // Measured all in bold: never narrower than the mixed line, so the room asked for is enough.
    this.ensure(this.measure(`${label}: ${value}`, F.bold, size, width));
    const y = this.y;
    this.doc.font(F.regular).fontSize(size).fillColor('#000');
    this.doc.text(`${label}: `, this.x0, y, { width, continued: true, lineGap: this.lineGap(size) });
    this.doc.font(F.bold).text(value, { lineGap: this.lineGap(size) });
    this.y = this.doc.y;
  }
  rule(x: number, width: number, y: number, thickness = 0.6): void {
    this.doc
      .save()
      .lineWidth(thickness)
      .moveTo(x, y)
      .lineTo(x + width, y)
      .stroke('#000')
      .restore();
  }
  lineGap(size: number): number {
    return size * 0.15;
  }
}
