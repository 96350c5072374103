import { describe, expect, it } from 'vitest';
import { configInUse } from '../../../server/core/config-in-use.js';
import { initialHallState, closedCounter, type HallState, type Ticket } from '../../../server/core/hall-state.js';
import { toHallConfig } from '../../../server/config/to-hall-config.js';
import { testSite } from '../../helpers/test-site.js';

const config = toHallConfig(testSite());
const all = {
  queueIds: config.queues.map((q) => q.id),
  counterIds: config.counters.map((c) => c.id),
  activeOfficerIds: ['canbo1', 'canbo2'],
};

function withOpenCounter(state: HallState, id: string, officerId: string): HallState {
  const counters = new Map(state.counters);
  counters.set(id, { ...closedCounter(id), status: 'open', officerId, since: 1 });
  return { ...state, counters };
}

describe('configInUse', () => {
  const base = initialHallState(config, '2026-11-23');

  it('lets anything go in an empty hall', () => {
    expect(configInUse(base, { queueIds: [], counterIds: [], activeOfficerIds: [] })).toEqual([]);
  });

  it('refuses to remove an open counter or disable its officer', () => {
    const state = withOpenCounter(base, 'quay-2', 'canbo2');
    expect(configInUse(state, { ...all, counterIds: all.counterIds.filter((c) => c !== 'quay-2') })[0]?.message).toMatch(
      /quay-2.*open/,
    );
    expect(configInUse(state, { ...all, activeOfficerIds: ['canbo1'] })[0]?.path).toBe('/officers');
    expect(configInUse(state, all)).toEqual([]);
  });

  it('refuses to remove a queue with citizens still waiting, not one whose tickets are done', () => {
    const queueId = config.queues[0]!.id;
    const ticket = { id: 't1', queueId, state: 'waiting' } as Ticket;
    const waiting = { ...base, tickets: new Map([['t1', ticket]]) };
    const next = { ...all, queueIds: all.queueIds.filter((q) => q !== queueId) };
    expect(configInUse(waiting, next)).toHaveLength(1);
    const done = { ...base, tickets: new Map([['t1', { ...ticket, state: 'done' as const }]]) };
    expect(configInUse(done, next)).toEqual([]);
  });
});
