/**
 * The ticket as a column of blocks, top to bottom. The layout says what goes where in these terms
 * once, for any paper width; the painter turns them into dots.
 */
export interface TextStyle {
  readonly family: string;
  /** Font size in dots (CSS px on the canvas = one printer dot). */
  readonly size: number;
}

export type Block =
  /** Wrapped by words and centred; `balanced` evens out the lines of a heading. */
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly style: TextStyle;
      readonly lineGap: number;
      readonly balanced?: boolean;
    }
  /** One line at the largest size (up to maxSize) that fits the width: the ticket number. */
  | { readonly kind: 'fit'; readonly text: string; readonly family: string; readonly maxSize: number }
  /** White text in a black box across the width: the priority mark, seen at arm's length. */
  | {
      readonly kind: 'inverted';
      readonly text: string;
      readonly style: TextStyle;
      readonly lineGap: number;
      readonly padX: number;
      readonly padY: number;
    }
  | { readonly kind: 'rule'; readonly thickness: number; readonly dash?: number }
  | { readonly kind: 'space'; readonly height: number }
  /** A QR code with its quiet zone, centred; modules drawn dot-exact after thresholding. */
  | { readonly kind: 'qr'; readonly text: string; readonly moduleDots: number };

/** Where a block landed: tests and the on-screen copy use it to find the number or the mark. */
export interface Placement {
  readonly block: Block;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
