import { describe, expect, it } from 'vitest';
import type { CounterAction } from '../../../common/contract/counter-actions.js';
import type { HallView } from '../../../common/contract/hall-view.js';
import { actionStates, type ActionContext } from '../../../counter-display/counter/state/action-states.js';
import { hallView, openAt1, ticket } from './console-view-fixture.js';

const ctx = (view: HallView, over: Partial<ActionContext> = {}): ActionContext => ({
  view,
  counterId: 'quay-1',
  officerId: 'canbo1',
  mayActOnAny: false,
  connected: true,
  busy: false,
  maxRecalls: 2,
  recallRefusedFor: null,
  ...over,
});

const enabled = (c: ActionContext): CounterAction[] =>
  (Object.entries(actionStates(c)) as [CounterAction, { enabled: boolean }][]).filter(([, s]) => s.enabled).map(([a]) => a);

describe('which actions the console offers', () => {
  it('with nobody waiting and nobody called, offers only the pause', () => {
    const states = actionStates(ctx(openAt1([])));
    expect(enabled(ctx(openAt1([])))).toEqual(['pause-toggle']);
    expect(states.next).toEqual({ enabled: false, reason: 'nobody-waiting' });
    expect(states.recall).toEqual({ enabled: false, reason: 'no-current' });
  });

  it('with someone waiting, offers Next and Call number', () => {
    expect(enabled(ctx(openAt1([ticket('A001')])))).toEqual(['next', 'call-specific', 'pause-toggle']);
  });

  it('with a ticket called, offers everything; once started, no recall, start or no-show', () => {
    const called = ticket('A001', { state: 'called', counterId: 'quay-1', calls: 1 });
    expect(enabled(ctx(openAt1([called], called.id)))).toEqual([
      'next',
      'recall',
      'start',
      'skip',
      'finish',
      'transfer',
      'pause-toggle',
    ]);
    const serving = { ...called, state: 'serving' as const };
    const states = actionStates(ctx(openAt1([serving], serving.id)));
    expect(enabled(ctx(openAt1([serving], serving.id)))).toEqual(['next', 'finish', 'transfer', 'pause-toggle']);
    expect(states.recall).toEqual({ enabled: false, reason: 'not-called' });
  });

  it('stops recalls at the limit, known ahead or learnt from the hub’s refusal', () => {
    const called = ticket('A001', { state: 'called', counterId: 'quay-1', calls: 3 });
    const view = openAt1([called], called.id);
    expect(actionStates(ctx(view)).recall).toEqual({ enabled: false, reason: 'recall-limit' });
    expect(actionStates(ctx(view, { maxRecalls: 3 })).recall.enabled).toBe(true);
    expect(actionStates(ctx(view, { maxRecalls: null })).recall.enabled).toBe(true);
    expect(actionStates(ctx(view, { maxRecalls: null, recallRefusedFor: called.id })).recall).toEqual({
      enabled: false,
      reason: 'recall-limit',
    });
  });

  it('while paused, lets the officer finish what is at the counter but call nobody', () => {
    const called = ticket('A001', { state: 'called', counterId: 'quay-1', calls: 1 });
    const view = openAt1([called, ticket('A002')], called.id, 'paused');
    expect(enabled(ctx(view))).toEqual(['start', 'skip', 'finish', 'transfer', 'pause-toggle']);
    expect(actionStates(ctx(view)).next).toEqual({ enabled: false, reason: 'paused' });
  });

  it('offers nothing offline, while a command is on its way, on a closed counter or on someone else’s', () => {
    const view = openAt1([ticket('A001')]);
    for (const [over, reason] of [
      [{ connected: false }, 'offline'],
      [{ busy: true }, 'busy'],
      [{ officerId: 'canbo2' }, 'not-yours'],
      [{ counterId: 'quay-2' }, 'closed'],
      [{ counterId: 'quay-9' }, 'no-counter'],
    ] as const) {
      const states = actionStates(ctx(view, over));
      for (const s of Object.values(states)) expect(s).toEqual({ enabled: false, reason });
    }
  });

  it('lets a supervisor act on another officer’s counter', () => {
    const view = openAt1([ticket('A001')]);
    expect(enabled(ctx(view, { officerId: 'giamsat', mayActOnAny: true }))).toEqual(['next', 'call-specific', 'pause-toggle']);
  });

  it('offers Call number for a no-show alone (a citizen who came back)', () => {
    const view = hallView({
      tickets: [ticket('A001', { state: 'no_show', counterId: 'quay-1' })],
      counters: { 'quay-1': { status: 'open', officerId: 'canbo1' } },
    });
    expect(enabled(ctx(view))).toEqual(['call-specific', 'pause-toggle']);
  });
});
