import { describe, expect, it } from 'vitest';
import { newestChance, pageCounterNumber, surveyCounter } from '../../../survey-terminal/state/survey-counter.js';
import { chance, surveyView } from './survey-fixture.js';

describe('which counter a survey terminal rates', () => {
  const view = surveyView();

  it('is the page’s counter when the key is bound to it', () => {
    const r = surveyCounter(view, 3, 'quay-3');
    expect(r.kind === 'ok' && r.counter.id).toBe('quay-3');
  });

  it('is the key’s counter when the page names none', () => {
    const r = surveyCounter(view, null, 'quay-4');
    expect(r.kind === 'ok' && r.counter.id).toBe('quay-4');
  });

  it('is a set-up mistake when the key belongs to another counter (a forged or mistyped ?counter)', () => {
    expect(surveyCounter(view, 4, 'quay-3')).toEqual({ kind: 'wrong-counter', boundNumber: 3 });
  });

  it('is a set-up mistake when the page names a counter the hall does not have', () => {
    expect(surveyCounter(view, 9, 'quay-3')).toEqual({ kind: 'unknown-counter' });
  });

  it('is a set-up mistake when the key is bound to no counter', () => {
    expect(surveyCounter(view, 3, null)).toEqual({ kind: 'unbound' });
    expect(surveyCounter(view, null, null)).toEqual({ kind: 'unbound' });
  });

  it('reads ?counter=N and nothing else', () => {
    expect(pageCounterNumber('?counter=3')).toBe(3);
    expect(pageCounterNumber('?key=abc&counter=12')).toBe(12);
    for (const bad of ['', '?counter=', '?counter=ba', '?counter=-1', '?counter=1e2', '?counter=1234'])
      expect(pageCounterNumber(bad)).toBeNull();
  });
});

describe('which chance the terminal offers', () => {
  it('is the newest open one of its own counter, never another counter’s', () => {
    const older = chance({ finishedAt: 1000 });
    const newer = chance({ finishedAt: 2000 });
    const elsewhere = chance({ finishedAt: 3000, counterId: 'quay-4' });
    expect(newestChance([older, newer, elsewhere], 'quay-3')).toBe(newer);
    expect(newestChance([newer, older, elsewhere], 'quay-3')).toBe(newer);
    expect(newestChance([elsewhere], 'quay-3')).toBeNull();
    expect(newestChance([], 'quay-3')).toBeNull();
  });
});
