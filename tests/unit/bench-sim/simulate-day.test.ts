import { describe, expect, it } from 'vitest';
import { DEFAULT_BEHAVIOUR } from '../../../bench/sim/citizen-behaviour.js';
import { planDay, type DayPlan } from '../../../bench/sim/day-plan.js';
import { FCFS, OURS } from '../../../bench/sim/policies.js';
import { DEFAULT_SERVICE_MODEL } from '../../../bench/sim/service-time.js';
import { demoHall, type SimHall } from '../../../bench/sim/sim-halls.js';
import { simulateDay, type DayRun } from '../../../bench/sim/simulate-day.js';
import { dayMetrics } from '../../../bench/sim/sim-metrics.js';

/** Every ticket ends exactly one way, and a finished ticket was finished once. */
function expectEveryArrivalResolved(plan: DayPlan, run: DayRun): void {
  expect(run.outcomes).toHaveLength(plan.citizens.length);
  expect(new Set(run.outcomes.map((o) => o.citizenIndex)).size).toBe(plan.citizens.length);
  for (const o of run.outcomes) {
    expect(o.finishes).toBeLessThanOrEqual(1);
    const endings = [o.finishes === 1 && 'served', o.noShow && 'no-show', o.expired && 'expired'].filter(Boolean);
    expect(endings, `ticket ${o.ticketId}`).toHaveLength(1);
  }
}

function expectPlanFollowed(plan: DayPlan, run: DayRun): void {
  const byIndex = new Map(run.outcomes.map((o) => [o.citizenIndex, o]));
  for (const c of plan.citizens) {
    const o = byIndex.get(c.index);
    if (!o || o.expired) continue;
    // Whoever was called met the fate drawn for them, the same under every policy.
    expect(o.noShow).toBe(c.fate.kind === 'no-show');
    expect(o.transfers).toBe(c.fate.kind === 'transfer' ? 1 : 0);
    expect(o.priority).toBe(c.priorityClass !== null);
  }
}

describe('one simulated day through the real core', () => {
  const hall = demoHall();
  const plan = planDay(hall, DEFAULT_BEHAVIOUR, DEFAULT_SERVICE_MODEL, 1);

  for (const policy of [OURS, FCFS]) {
    it(`serves no ticket twice and ends every arrival served, no-show or expired (${policy.name})`, () => {
      const run = simulateDay(hall.config, plan, policy, DEFAULT_BEHAVIOUR);
      expectEveryArrivalResolved(plan, run);
      expectPlanFollowed(plan, run);
      const m = dayMetrics(run.outcomes);
      expect(m.served + m.noShows + m.expired).toBe(plan.citizens.length);
      expect(m.noShows).toBeGreaterThan(0);
      expect(m.transfers).toBeGreaterThan(0);
      expect(m.unresolved).toBe(0);
    });
  }

  it('replays a seed exactly, and gives both policies the same citizens', () => {
    const again = planDay(hall, DEFAULT_BEHAVIOUR, DEFAULT_SERVICE_MODEL, 1);
    expect(again).toEqual(plan);
    expect(planDay(hall, DEFAULT_BEHAVIOUR, DEFAULT_SERVICE_MODEL, 2)).not.toEqual(plan);
    const a = simulateDay(hall.config, plan, OURS, DEFAULT_BEHAVIOUR);
    const b = simulateDay(hall.config, plan, OURS, DEFAULT_BEHAVIOUR);
    expect(b.outcomes).toEqual(a.outcomes);
    const fcfs = simulateDay(hall.config, plan, FCFS, DEFAULT_BEHAVIOUR);
    expect(fcfs.outcomes.map((o) => [o.citizenIndex, o.issuedAt])).toEqual(a.outcomes.map((o) => [o.citizenIndex, o.issuedAt]));
  });

  it('expires whoever still waits at the end of an overloaded day, and still serves nobody twice', () => {
    const crowded: SimHall = demoHall(80);
    const heavy = planDay(crowded, DEFAULT_BEHAVIOUR, DEFAULT_SERVICE_MODEL, 3);
    for (const policy of [OURS, FCFS]) {
      const run = simulateDay(crowded.config, heavy, policy, DEFAULT_BEHAVIOUR);
      expectEveryArrivalResolved(heavy, run);
      expect(dayMetrics(run.outcomes).expired).toBeGreaterThan(0);
    }
  });

  it('keeps its promise to normal citizens: no later priority ticket under the cap is called ahead of one past it', () => {
    // Crowded, so many normal citizens pass the 45-minute cap; FCFS (primary queue before secondary,
    // no cap) does let fresh priority tickets of a primary queue go ahead of them, which shows the
    // check can see it.
    const crowded = demoHall(40);
    for (const seed of [1, 2]) {
      const plan = planDay(crowded, DEFAULT_BEHAVIOUR, DEFAULT_SERVICE_MODEL, seed);
      const ours = dayMetrics(simulateDay(crowded.config, plan, OURS, DEFAULT_BEHAVIOUR).outcomes);
      const fcfs = dayMetrics(simulateDay(crowded.config, plan, FCFS, DEFAULT_BEHAVIOUR).outcomes);
      expect(ours.normalWaitMaxMin).toBeGreaterThan(45);
      expect(ours.normalsPassedPastCap).toBeGreaterThan(0);
      expect(ours.normalsPassedByUnderCap).toBe(0);
      expect(fcfs.normalsPassedByUnderCap).toBeGreaterThan(0);
    }
  });
});
