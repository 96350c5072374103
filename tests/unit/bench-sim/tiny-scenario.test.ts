import { describe, expect, it } from 'vitest';
import { DEFAULT_BEHAVIOUR } from '../../../bench/sim/citizen-behaviour.js';
import type { DayPlan, PlannedCitizen } from '../../../bench/sim/day-plan.js';
import { FCFS, OURS, fcfsPick, type CallPolicy } from '../../../bench/sim/policies.js';
import { simulateDay } from '../../../bench/sim/simulate-day.js';
import { dayMetrics } from '../../../bench/sim/sim-metrics.js';
import {
  DAY,
  MINUTE,
  counterDef,
  hallConfig,
  primary,
  priorityPolicy,
  queueDef,
  secondary,
  Hall,
} from '../../helpers/core-fixtures.js';

/**
 * Two counters serving one queue, five citizens a minute apart (the fourth a priority citizen), ten
 * minutes each, nobody walking, no pause: small enough to work out by hand.
 *   8:00 A  8:01 B  8:02 C  8:03 D (priority)  8:04 E
 *   c1 calls A at 8:00, c2 calls B at 8:01; c1 is free at 8:10, c2 at 8:11, c1 again at 8:20.
 *   FCFS:   8:10 C, 8:11 D, 8:20 E  -> waits 0, 0, 8, 8, 16 minutes
 *   strict: 8:10 D, 8:11 C, 8:20 E  -> waits 0, 0, 9, 7, 16 minutes
 */
const config = hallConfig({
  queues: [queueDef('q', { prefix: 'A', start: 1, width: 3 }, 10)],
  counters: [counterDef('c1', 1, [primary('q')]), counterDef('c2', 2, [primary('q')])],
  priority: priorityPolicy({ mode: { kind: 'strict' }, ageCapMinutes: 45 }),
});
const eight = new Hall(config).now; // 08:00 local on DAY

const citizen = (index: number, priority = false): PlannedCitizen => ({
  index,
  at: eight + index * MINUTE,
  queueId: 'q',
  priorityClass: priority ? 'elderly' : null,
  walkSec: 0,
  fate: { kind: 'served', serviceSec: 600 },
});

const plan: DayPlan = {
  day: DAY,
  sessions: [{ open: eight - 30 * MINUTE, close: eight + 210 * MINUTE, stop: eight + 240 * MINUTE }],
  citizens: [citizen(0), citizen(1), citizen(2), citizen(3, true), citizen(4)],
  pauses: [],
};

function waitsMin(policy: CallPolicy): number[] {
  const run = simulateDay(config, plan, policy, DEFAULT_BEHAVIOUR);
  return [...run.outcomes]
    .sort((a, b) => a.citizenIndex - b.citizenIndex)
    .map((o) => ((o.firstCalledAt ?? NaN) - o.issuedAt) / MINUTE);
}

describe('a hand-checkable day: 2 counters, 5 citizens, fixed service', () => {
  it('gives FCFS its exact waits', () => {
    expect(waitsMin(FCFS)).toEqual([0, 0, 8, 8, 16]);
  });

  it('gives our order (strict priority) its exact waits: the priority citizen goes first at 8:10', () => {
    expect(waitsMin(OURS)).toEqual([0, 0, 9, 7, 16]);
  });

  it('scores the estimates by hand: told 0, 0, 5, 5, 15 min (ours); 0, 0, 5, 10, 15 min (FCFS counts D behind C)', () => {
    // A and B find a free desk: 0. C finds both desks busy: one service over two desks, 5 min. D
    // (priority) has no priority citizen ahead: 5 min under ours; FCFS counts C ahead: 2 turns, 10.
    // E has C and D ahead and both desks busy: 3 turns over two desks, 15 min.
    // Ours: 0+0+|9-5|+|7-5|+|16-15| = 7 over 5. FCFS: 0+0+|8-5|+|8-10|+|16-15| = 6 over 5.
    const ours = dayMetrics(simulateDay(config, plan, OURS, DEFAULT_BEHAVIOUR).outcomes);
    const fcfs = dayMetrics(simulateDay(config, plan, FCFS, DEFAULT_BEHAVIOUR).outcomes);
    expect(ours.estimateMaeMin).toBeCloseTo(7 / 5, 9);
    expect(fcfs.estimateMaeMin).toBeCloseTo(6 / 5, 9);
    expect([ours.served, ours.noShows, ours.expired, fcfs.served]).toEqual([5, 0, 0, 5]);
    expect(ours.priorityWaitMaxMin).toBe(7);
    expect(fcfs.normalWaitMaxMin).toBe(16);
  });
});

describe('fcfsPick', () => {
  it('takes the oldest of the primary queues, else the oldest of the secondary ones, whatever the priority', () => {
    const two = hallConfig({
      queues: [queueDef('p', { prefix: 'A', start: 1, width: 3 }), queueDef('s', { prefix: 'B', start: 1, width: 3 })],
      counters: [counterDef('c1', 1, [primary('p'), secondary('s')])],
    });
    const hall = new Hall(two);
    const oldSecondary = hall.issue('s');
    hall.advance(1);
    const normal = hall.issue('p');
    hall.advance(1);
    hall.issue('p', 'elderly');
    // Not the older secondary ticket, not the priority one: the oldest of the primary queue.
    expect(fcfsPick(hall.state, 'c1')?.id).toBe(normal.id);
    const only = new Hall(two);
    only.issue('s');
    const later = only.advance(1).issue('s');
    expect(fcfsPick(only.state, 'c1')?.id).not.toBe(later.id);
    expect(fcfsPick(hall.state, 'c1')?.id).not.toBe(oldSecondary.id);
    expect(fcfsPick(hall.state, 'no-such-counter')).toBeNull();
  });
});
