import { describe, expect, it } from 'vitest';
import { ACTION_KEYS, COUNTER_ACTIONS } from '../../../common/contract/counter-actions.js';
import { isTypingTarget, shortcutOf, type KeyPress } from '../../../counter-display/counter/state/shortcut.js';

const press = (code: string, over: Partial<KeyPress> = {}): KeyPress => ({
  code,
  repeat: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  typing: false,
  ...over,
});

describe('the console’s keys', () => {
  it('maps every key of ACTION_KEYS to its action, from the keyboard or a wedge keypad', () => {
    for (const action of COUNTER_ACTIONS)
      for (const code of ACTION_KEYS[action]) expect(shortcutOf(press(code)), code).toEqual({ action, act: true });
    expect(shortcutOf(press('F5'))).toBeNull();
    expect(shortcutOf(press('KeyA'))).toBeNull();
  });

  it('in a text field, lets the numeric keypad type and still takes the function keys', () => {
    expect(shortcutOf(press('NumpadAdd', { typing: true }))).toBeNull();
    expect(shortcutOf(press('NumpadEnter', { typing: true }))).toBeNull();
    expect(shortcutOf(press('F1', { typing: true }))).toEqual({ action: 'next', act: true });
  });

  it('leaves Ctrl, Alt and Meta combinations to the browser and the system', () => {
    expect(shortcutOf(press('F4', { altKey: true }))).toBeNull();
    expect(shortcutOf(press('F1', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(press('F2', { metaKey: true }))).toBeNull();
  });

  it('does not act again on a key held down', () => {
    expect(shortcutOf(press('F1', { repeat: true }))).toEqual({ action: 'next', act: false });
  });

  it('knows where the officer types', () => {
    const el = (tagName: string, extra: Record<string, unknown> = {}) =>
      ({ tagName, isContentEditable: false, ...extra }) as never;
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'password' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'radio' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
