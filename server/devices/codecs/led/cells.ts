import type { BoardContent } from '../../../core/board-content.js';

/** What a board's cells can show, from its model (firmware-configs/led-boards). */
export interface CellSpec {
  readonly cells: number;
  /** Every character a cell can show; anything else becomes a space. */
  readonly characters: string;
  readonly show?: { readonly paused: string; readonly blank: string };
}

/**
 * The exact characters for the board's cells, always `cells` long. Text is right-aligned, as
 * counters' numbers are read from the right; a number wider than the board keeps its last cells,
 * since the digits change between citizens and the prefix letter rarely does (A1025 on four cells
 * reads 1025, never A102). Letters are upper-cased (seven-segment boards draw a, b, c alike).
 */
export function cellText(spec: CellSpec, content: BoardContent): string {
  const raw =
    content.kind === 'number'
      ? content.text.toUpperCase()
      : content.kind === 'paused'
        ? (spec.show?.paused ?? '')
        : (spec.show?.blank ?? '');
  const shown = [...raw].map((c) => (spec.characters.includes(c) ? c : ' ')).join('');
  return shown.slice(-spec.cells).padStart(spec.cells, ' ');
}

/** Bytes of an ASCII text (the cells only ever hold printable ASCII after cellText). */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
}

export function hex(bytes: Uint8Array, max = 32): string {
  const shown = [...bytes.subarray(0, max)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} … (${bytes.length} bytes)` : shown;
}
