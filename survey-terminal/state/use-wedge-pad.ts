import { useEffect } from 'preact/hooks';
import { wedgeLevelIndex } from './wedge-keys.js';

/** Up to five keys: the most levels a scale has. The flow ignores a key past the scale's levels. */
const MAX_LEVELS = 5;

/**
 * A keyboard-wedge button pad at the counter: key N (Digit1..5 or Numpad1..5) chooses the Nth level,
 * best first, on the question screen. Listens on the whole page, as the pad types wherever focus is.
 */
export function useWedgePad(onLevel: (index: number) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const index = wedgeLevelIndex(e, MAX_LEVELS);
      if (index === null) return;
      e.preventDefault();
      onLevel(index);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLevel]);
}
