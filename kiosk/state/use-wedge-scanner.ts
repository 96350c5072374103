import { useEffect } from 'preact/hooks';

/** A scanner "types" a whole code in a few milliseconds; a person never types 8 keys 50 ms apart. */
const MAX_GAP_MS = 50;
const MIN_LENGTH = 8;

/**
 * Listens on the whole page for a keyboard-wedge barcode scanner: a fast burst of characters ended
 * by Enter (or Tab) is a scan, wherever the kiosk is. The kiosk has no physical keyboard, so any
 * burst like this comes from the scanner.
 */
export function useWedgeScanner(onScan: (text: string) => void): void {
  useEffect(() => {
    let buffer = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      const now = performance.now();
      if (now - last > MAX_GAP_MS) buffer = '';
      last = now;
      if (e.key === 'Enter' || e.key === 'Tab') {
        if (buffer.length >= MIN_LENGTH) {
          e.preventDefault();
          onScan(buffer);
        }
        buffer = '';
        return;
      }
      if (e.key.length === 1) buffer = (buffer + e.key).slice(-128);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onScan]);
}
