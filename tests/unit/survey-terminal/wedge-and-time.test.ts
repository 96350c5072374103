import { describe, expect, it } from 'vitest';
import { chanceDeadline, remainingMs, remainingSeconds, remainingShare } from '../../../survey-terminal/state/remaining-time.js';
import { wedgeLevelIndex } from '../../../survey-terminal/state/wedge-keys.js';

describe('a keyboard-wedge button pad', () => {
  it('chooses the Nth level with key N of the top row or the numeric pad', () => {
    expect(wedgeLevelIndex({ code: 'Digit1' }, 3)).toBe(0);
    expect(wedgeLevelIndex({ code: 'Numpad1' }, 3)).toBe(0);
    expect(wedgeLevelIndex({ code: 'Digit3' }, 3)).toBe(2);
    expect(wedgeLevelIndex({ code: 'Numpad5' }, 5)).toBe(4);
  });

  it('chooses nothing with a key past the scale, another key, or a held key repeating', () => {
    expect(wedgeLevelIndex({ code: 'Digit4' }, 3)).toBeNull();
    expect(wedgeLevelIndex({ code: 'Digit0' }, 5)).toBeNull();
    expect(wedgeLevelIndex({ code: 'Digit6' }, 5)).toBeNull();
    expect(wedgeLevelIndex({ code: 'KeyA' }, 5)).toBeNull();
    expect(wedgeLevelIndex({ code: 'Enter' }, 5)).toBeNull();
    expect(wedgeLevelIndex({ code: 'Digit1', repeat: true }, 3)).toBeNull();
  });
});

describe('the rating window on the tablet’s clock', () => {
  // Hub time and tablet time are unrelated numbers: only the window's length carries over.
  const hubChance = { finishedAt: 1_700_000_000_000, expiresAt: 1_700_000_060_000 };

  it('ends one window after the chance reached the page, whatever the hub’s clock says', () => {
    expect(chanceDeadline(hubChance, 12_345)).toBe(72_345);
  });

  it('counts down in whole seconds and as a share of the window, never below zero', () => {
    const deadline = chanceDeadline(hubChance, 0);
    expect(remainingMs(deadline, 59_800)).toBe(200);
    expect(remainingSeconds(deadline, 59_800)).toBe(1);
    expect(remainingSeconds(deadline, 0)).toBe(60);
    expect(remainingSeconds(deadline, 61_000)).toBe(0);
    expect(remainingShare(deadline, 60_000, 30_000)).toBe(0.5);
    expect(remainingShare(deadline, 60_000, 90_000)).toBe(0);
    expect(remainingShare(deadline, 0, 0)).toBe(0);
  });

  it('treats a window the hub sent backwards as already closed', () => {
    expect(chanceDeadline({ finishedAt: 10, expiresAt: 5 }, 100)).toBe(100);
  });
});
