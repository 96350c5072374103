import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callNext } from '../../../server/core/commands/call-next.js';
import { pauseCounter } from '../../../server/core/commands/counter-status.js';
import { finish } from '../../../server/core/commands/finish.js';
import { transfer } from '../../../server/core/commands/transfer.js';
import { estimateWait, recentServiceSec } from '../../../server/core/estimate-wait.js';
import type { HallState } from '../../../server/core/hall-state.js';
import { Hall, QUEUES } from '../../helpers/core-fixtures.js';

const HO_TICH_DEFAULT_SEC = QUEUES.hoTich.defaultServiceMinutes * 60;

function withSamples(state: HallState, queueId: string, samples: readonly number[]): HallState {
  return { ...state, recentServiceSec: { ...state.recentServiceSec, [queueId]: samples } };
}

describe('estimateWait', () => {
  it('counts the waiting tickets of the queue as people ahead, priority ones included', () => {
    const hall = new Hall();
    hall.issue('ho-tich');
    hall.issue('ho-tich', 'elderly');
    hall.issue('ho-tich');
    hall.issue('dat-dai');
    expect(estimateWait(hall.state, 'ho-tich', null).peopleAhead).toBe(3);
    expect(estimateWait(hall.state, 'dat-dai', null).peopleAhead).toBe(1);
  });

  it('counts only other priority tickets ahead of a priority ticket', () => {
    const hall = new Hall();
    hall.issue('ho-tich');
    hall.issue('ho-tich', 'elderly');
    hall.issue('ho-tich');
    hall.issue('ho-tich', 'disabled');
    expect(estimateWait(hall.state, 'ho-tich', 'pregnant').peopleAhead).toBe(2);
  });

  it('leaves out tickets already called, finished, and those sent to one counter', () => {
    const hall = new Hall();
    const lan = hall.open('c1');
    hall.open('c2');
    hall.issue('ho-tich');
    hall.issue('ho-tich');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(transfer, { counterId: 'c1', toCounterId: 'c2' }, lan);
    expect(estimateWait(hall.state, 'ho-tich', null).peopleAhead).toBe(1);
  });

  it('uses the queue default service time until it has three finished services', () => {
    const hall = new Hall();
    const s = hall.state;
    expect(recentServiceSec(s, 'ho-tich')).toBe(HO_TICH_DEFAULT_SEC);
    expect(recentServiceSec(withSamples(s, 'ho-tich', [60, 120]), 'ho-tich')).toBe(HO_TICH_DEFAULT_SEC);
    expect(recentServiceSec(withSamples(s, 'ho-tich', [60, 120, 300]), 'ho-tich')).toBe(160);
    expect(recentServiceSec(withSamples(s, 'dat-dai', [60, 120, 300]), 'ho-tich')).toBe(HO_TICH_DEFAULT_SEC);
  });

  it('follows the moving average of the services actually finished', () => {
    const hall = new Hall();
    const lan = hall.open('c1');
    for (const minutes of [2, 4, 6, 8]) {
      hall.issue('ho-tich');
      hall.do(callNext, { counterId: 'c1' }, lan);
      hall.advance(minutes);
      hall.do(finish, { counterId: 'c1' }, lan);
    }
    expect(recentServiceSec(hall.state, 'ho-tich')).toBe(5 * 60);
    hall.issue('ho-tich');
    hall.issue('ho-tich');
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(2 * 5 * 60);
  });

  it('falls back to ten minutes for a queue the config does not know', () => {
    expect(recentServiceSec(new Hall().state, 'unknown')).toBe(600);
  });

  it('divides the turns by the open counters serving the queue, a secondary one counting half', () => {
    const hall = new Hall();
    for (let i = 0; i < 6; i++) hall.issue('ho-tich');
    const S = HO_TICH_DEFAULT_SEC;
    // No counter open: one is assumed to open, free, so the sixth behind waits six services.
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(6 * S);
    hall.open('c1');
    // One free desk calls the first at once: 6 + 1 - 1 turns of one desk.
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(6 * S);
    hall.open('c2');
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(Math.round((5.5 * S) / 1.5));
    hall.open('cp');
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(Math.round((4.5 * S) / 2.5));
    hall.open('c3');
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(Math.round((4.5 * S) / 2.5));
  });

  it('counts a lone secondary counter as half a desk, and no open counter as one free desk', () => {
    const hall = new Hall();
    for (let i = 0; i < 3; i++) hall.issue('ho-tich');
    const S = HO_TICH_DEFAULT_SEC;
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(3 * S);
    hall.open('c2');
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(Math.round((3.5 * S) / 0.5));
  });

  it('adds a turn for each desk busy with a citizen: their services end first', () => {
    const hall = new Hall();
    const lan = hall.open('c1');
    const S = HO_TICH_DEFAULT_SEC;
    hall.issue('ho-tich');
    hall.issue('ho-tich');
    // Two waiting, the desk free: the second is called when the first's service ends.
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(2 * S);
    hall.do(callNext, { counterId: 'c1' }, lan);
    // One waiting, the desk busy: the one at the desk, then the one waiting.
    expect(estimateWait(hall.state, 'ho-tich', null)).toMatchObject({ peopleAhead: 1, predictedSec: 2 * S });
    hall.do(callNext, { counterId: 'c1' }, lan);
    // Nobody waiting but the desk busy: not "no wait", one service.
    expect(estimateWait(hall.state, 'ho-tich', null)).toMatchObject({ peopleAhead: 0, predictedSec: S });
    hall.do(finish, { counterId: 'c1' }, lan);
    expect(estimateWait(hall.state, 'ho-tich', null)).toMatchObject({ peopleAhead: 0, predictedSec: 0 });
  });

  it('does not count a paused counter as serving', () => {
    const hall = new Hall();
    for (let i = 0; i < 4; i++) hall.issue('ho-tich');
    const lan = hall.open('c1');
    hall.open('cp');
    const S = HO_TICH_DEFAULT_SEC;
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe((3 * S) / 2);
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, lan);
    expect(estimateWait(hall.state, 'ho-tich', null).predictedSec).toBe(4 * S);
  });

  it('predicts no wait, with no margin, when nobody is ahead', () => {
    const e = estimateWait(new Hall().state, 'ho-tich', null);
    expect(e).toEqual({ peopleAhead: 0, predictedSec: 0, minSec: 0, maxSec: 0 });
  });

  it('gives a range around the prediction: min <= predicted <= max', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 10 }),
        fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 25 }),
        fc.subarray(['c1', 'c2', 'c3', 'cp']),
        fc.boolean(),
        (normals, priorities, samples, open, asPriority) => {
          const hall = new Hall();
          for (let i = 0; i < normals; i++) hall.issue('ho-tich');
          for (let i = 0; i < priorities; i++) hall.issue('ho-tich', 'elderly');
          for (const c of open) hall.open(c);
          const e = estimateWait(withSamples(hall.state, 'ho-tich', samples), 'ho-tich', asPriority ? 'disabled' : null);
          expect(e.peopleAhead).toBe(asPriority ? priorities : normals + priorities);
          expect(e.minSec).toBeLessThanOrEqual(e.predictedSec);
          expect(e.predictedSec).toBeLessThanOrEqual(e.maxSec);
          expect(e.minSec).toBeGreaterThanOrEqual(0);
          if (e.peopleAhead > 0 && e.predictedSec > 0) expect(e.maxSec).toBeGreaterThan(e.minSec);
        },
      ),
      { numRuns: 150 },
    );
  });
});
