import { useEffect, useRef } from 'preact/hooks';
import type { CounterAction } from '../../../common/contract/counter-actions.js';
import { isTypingTarget, shortcutOf } from './shortcut.js';

/**
 * The console's keys (and a keyboard-wedge keypad's, which sends the same codes) on the whole page.
 * While a dialog is open the keys do nothing but are still kept from the browser (F1 help, F7 caret
 * browsing), so a habit press never opens something the officer has to close.
 */
export function useShortcuts(active: boolean, onAction: (action: CounterAction) => void): void {
  const latest = useRef({ active, onAction });
  latest.current = { active, onAction };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = shortcutOf({
        code: e.code,
        repeat: e.repeat,
        ctrlKey: e.ctrlKey,
        altKey: e.altKey,
        metaKey: e.metaKey,
        typing: isTypingTarget(e.target),
      });
      if (!shortcut) return;
      // In a dialog the numeric keypad is the dialog's (Enter confirms, digits type a number).
      if (!latest.current.active && !e.code.startsWith('F')) return;
      e.preventDefault();
      if (shortcut.act && latest.current.active) latest.current.onAction(shortcut.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
