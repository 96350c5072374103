import { actionForKey, type CounterAction } from '../../../common/contract/counter-actions.js';

export interface KeyPress {
  /** KeyboardEvent.code: where the key is, whatever the layout (a Vietnamese Telex IME included). */
  readonly code: string;
  readonly repeat: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** The focus is in a text field (the officer is typing a name, a note, a number). */
  readonly typing: boolean;
}

export interface Shortcut {
  readonly action: CounterAction;
  /** False for a key held down: the browser's meaning is still blocked, but nothing is done twice. */
  readonly act: boolean;
}

const FUNCTION_KEY = /^F\d{1,2}$/;

/**
 * The action a key press means at the console (ACTION_KEYS in common/contract/counter-actions.ts),
 * the same from the keyboard and from a keyboard-wedge keypad. In a text field only the function
 * keys act: the numeric keypad's + or Enter there are typing. With Ctrl, Alt or Meta the key is the
 * browser's or the system's (Alt+F4), never ours.
 */
export function shortcutOf(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  const action = actionForKey(press.code);
  if (!action) return null;
  if (press.typing && !FUNCTION_KEY.test(press.code)) return null;
  return { action, act: !press.repeat };
}

/** Whether a key event's target is somewhere the officer types. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type);
}
