/**
 * USB HID Usage Tables, Keyboard/Keypad page (0x07): the usage id a boot keyboard report carries for a
 * key, and the KeyboardEvent.code a browser gives the same key. This is what ties a numpad read as raw
 * HID at the hub to the console's shortcuts (common/contract/counter-actions.ts ACTION_KEYS): a model
 * that maps usage 0x57 to 'next' is checked to agree with NumpadAdd -> next.
 * Only the keys a counter keypad or macro pad sends are listed.
 */
const USAGES: readonly (readonly [number, string])[] = [
  ...Array.from({ length: 26 }, (_, i) => [0x04 + i, `Key${String.fromCharCode(65 + i)}`] as const),
  ...Array.from({ length: 9 }, (_, i) => [0x1e + i, `Digit${i + 1}`] as const),
  [0x27, 'Digit0'],
  [0x28, 'Enter'],
  [0x29, 'Escape'],
  [0x2a, 'Backspace'],
  [0x2b, 'Tab'],
  [0x2c, 'Space'],
  ...Array.from({ length: 12 }, (_, i) => [0x3a + i, `F${i + 1}`] as const),
  [0x53, 'NumLock'],
  [0x54, 'NumpadDivide'],
  [0x55, 'NumpadMultiply'],
  [0x56, 'NumpadSubtract'],
  [0x57, 'NumpadAdd'],
  [0x58, 'NumpadEnter'],
  ...Array.from({ length: 9 }, (_, i) => [0x59 + i, `Numpad${i + 1}`] as const),
  [0x62, 'Numpad0'],
  [0x63, 'NumpadDecimal'],
  [0x67, 'NumpadEqual'],
  ...Array.from({ length: 12 }, (_, i) => [0x68 + i, `F${i + 13}`] as const),
];

const CODE_OF = new Map<number, string>(USAGES);
const USAGE_OF = new Map<string, number>(USAGES.map(([u, c]) => [c, u]));

/** The KeyboardEvent.code of a keyboard-page usage id, if listed. */
export function codeOfUsage(usage: number): string | undefined {
  return CODE_OF.get(usage);
}

/** The keyboard-page usage id of a KeyboardEvent.code, if listed. */
export function usageOfCode(code: string): number | undefined {
  return USAGE_OF.get(code);
}

/** Usages 0x01-0x03 are not keys: ErrorRollOver, POSTFail, ErrorUndefined (too many keys at once). */
export function isErrorUsage(usage: number): boolean {
  return usage >= 0x01 && usage <= 0x03;
}
