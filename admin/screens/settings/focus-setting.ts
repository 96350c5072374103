import { controlId } from './form/form-env.js';
import { segmentsOf, pointerOf } from './form/json-pointer.js';

/**
 * Brings a refused setting into view and gives it the focus: its control, or the nearest place shown
 * for it (a row, a group) when the setting itself has no control. Tries over a few frames, as the
 * section it is in may be rendering after a hash change.
 */
export function focusSetting(pointer: string, framesLeft = 20): void {
  const el = findSetting(pointer);
  if (el) {
    el.scrollIntoView({ block: 'center' });
    const target = el.matches('input, select, textarea, button')
      ? el
      : el.querySelector<HTMLElement>('input, select, textarea, button');
    target?.focus({ preventScroll: true });
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusSetting(pointer, framesLeft - 1));
}

function findSetting(pointer: string): HTMLElement | null {
  const own = document.getElementById(controlId(pointer));
  if (own) return own;
  const segments = segmentsOf(pointer);
  for (let n = segments.length; n > 0; n--) {
    const p = pointerOf(segments.slice(0, n));
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
  }
  return null;
}
