import { describe, expect, it } from 'vitest';
import { actionForKey } from '../../../common/contract/counter-actions.js';
import { actionStates, type ActionContext } from '../../../counter-display/counter/state/action-states.js';
import { DOSSIER_KEY, dossierEntryState, isDossierKey } from '../../../counter-display/counter/state/dossier-entry.js';
import { hallView, openAt1, ticket } from './console-view-fixture.js';

const ctx = (over: Partial<ActionContext>): ActionContext => ({
  view: hallView(),
  counterId: 'quay-1',
  officerId: 'canbo1',
  mayActOnAny: false,
  connected: true,
  busy: false,
  maxRecalls: 2,
  recallRefusedFor: null,
  ...over,
});

describe('opening "Tiếp nhận hồ sơ"', () => {
  it('is F10, a key none of the desk’s actions uses, and never with Ctrl, Alt or Meta', () => {
    expect(DOSSIER_KEY).toBe('F10');
    expect(actionForKey(DOSSIER_KEY)).toBeNull();
    const press = { code: 'F10', repeat: false, ctrlKey: false, altKey: false, metaKey: false };
    expect(isDossierKey(press)).toBe(true);
    expect(isDossierKey({ ...press, altKey: true })).toBe(false);
    expect(isDossierKey({ ...press, code: 'F1' })).toBe(false);
  });

  it('is open to the officer while a ticket is called or served at their counter, open or paused', () => {
    const called = ticket('A001', { state: 'called', counterId: 'quay-1', calls: 1 });
    const serving = ticket('A002', { state: 'serving', counterId: 'quay-1', calls: 1 });
    expect(dossierEntryState(actionStates(ctx({ view: openAt1([called], called.id) })))).toEqual({ enabled: true });
    expect(dossierEntryState(actionStates(ctx({ view: openAt1([serving], serving.id, 'paused') })))).toEqual({ enabled: true });
  });

  it('says why not otherwise: nobody at the counter, no link, someone else’s counter', () => {
    const serving = ticket('A003', { state: 'serving', counterId: 'quay-1', calls: 1 });
    expect(dossierEntryState(actionStates(ctx({ view: openAt1([]) })))).toEqual({ enabled: false, reason: 'no-current' });
    expect(dossierEntryState(actionStates(ctx({ view: openAt1([serving], serving.id), connected: false })))).toEqual({
      enabled: false,
      reason: 'offline',
    });
    expect(dossierEntryState(actionStates(ctx({ view: openAt1([serving], serving.id), officerId: 'canbo2' })))).toEqual({
      enabled: false,
      reason: 'not-yours',
    });
  });
});
