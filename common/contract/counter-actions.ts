import type { CommandName } from './commands.js';

/**
 * What an officer can do at a counter with one key: the console's buttons, its keyboard shortcuts,
 * a keyboard-wedge keypad and a raw HID keypad all speak this one vocabulary, so a keypad's
 * definition (firmware-configs/keypads/) and the console can never disagree about a key's meaning.
 */
export const COUNTER_ACTIONS = [
  'next',
  'recall',
  'start',
  'skip',
  'finish',
  'transfer',
  'call-specific',
  'pause-toggle',
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/** Actions that need nothing but the counter: a keypad without a screen can send them. */
export const ONE_KEY_ACTIONS: readonly CounterAction[] = ['next', 'recall', 'start', 'skip', 'finish', 'pause-toggle'];

/** The command each one-key action sends (pause-toggle picks pause or resume from the counter's state). */
export const ACTION_COMMANDS: Readonly<
  Record<Exclude<CounterAction, 'pause-toggle' | 'transfer' | 'call-specific'>, CommandName>
> = {
  next: 'ticket:call-next',
  recall: 'ticket:recall',
  start: 'ticket:start',
  skip: 'ticket:skip',
  finish: 'ticket:finish',
};

/**
 * The console's shortcuts, as KeyboardEvent.code values. Function keys because an officer also types
 * names and numbers into the console; the numeric keypad's operator keys because a cheap USB numpad
 * is the commonest counter keypad, and it sends these codes without any programming. F5 is left to
 * the browser (reload), so no shortcut is lost to it.
 */
export const ACTION_KEYS: Readonly<Record<CounterAction, readonly string[]>> = {
  next: ['F1', 'NumpadAdd'],
  recall: ['F2', 'NumpadMultiply'],
  start: ['F3', 'NumpadEnter'],
  skip: ['F4', 'NumpadSubtract'],
  finish: ['F6', 'NumpadDivide'],
  transfer: ['F7'],
  'call-specific': ['F8'],
  'pause-toggle': ['F9', 'NumpadDecimal'],
};

/** The action a key code triggers, if any. */
export function actionForKey(code: string): CounterAction | null {
  for (const action of COUNTER_ACTIONS) if (ACTION_KEYS[action].includes(code)) return action;
  return null;
}
