/**
 * A keyboard-wedge button pad (a USB pad that types a digit per button) answers the question on
 * screen: its Nth key chooses the Nth level, best first, as the buttons are laid out. Both the top
 * row (Digit1..Digit5) and the numeric pad (Numpad1..Numpad5) count, read by physical key (`code`),
 * so the pad works whatever the keyboard layout or Num Lock state. Other keys, and a held key's
 * auto-repeat, choose nothing.
 */
export function wedgeLevelIndex(event: { readonly code: string; readonly repeat?: boolean }, levels: number): number | null {
  if (event.repeat) return null;
  const m = /^(?:Digit|Numpad)([1-5])$/.exec(event.code);
  if (!m) return null;
  const index = Number(m[1]) - 1;
  return index < levels ? index : null;
}
