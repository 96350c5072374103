import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { evolve, evolveAll } from '../../../server/core/evolve.js';
import { initialHallState, MIN_SERVICE_SAMPLE_SEC } from '../../../server/core/hall-state.js';
import { DAY, Hall, T0, hallConfig } from '../../helpers/core-fixtures.js';

describe('evolve', () => {
  it('rebuilds the same state from the event log alone (how the hub recovers after a restart)', () => {
    const hall = new Hall();
    const lan = hall.open('c1');
    hall.issue('ho-tich');
    hall.issue('dat-dai', 'elderly');
    hall.advance(3);
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(4);
    hall.do(callNext, { counterId: 'c1' }, lan);
    expect(evolveAll(initialHallState(hallConfig(), DAY), hall.log)).toEqual(hall.state);
  });

  it('keeps a Next pressed right after a call out of the service-time average', () => {
    const hall = new Hall();
    const lan = hall.open('c1');
    for (let i = 0; i < 3; i++) hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(MIN_SERVICE_SAMPLE_SEC / 60 - 1 / 60); // one second short of a real service
    hall.do(callNext, { counterId: 'c1' }, lan);
    expect(hall.state.recentServiceSec['ho-tich'] ?? []).toEqual([]);
    hall.advance(6);
    hall.do(callNext, { counterId: 'c1' }, lan);
    expect(hall.state.recentServiceSec['ho-tich']).toEqual([360]);
  });

  it('treats an event about an unknown ticket or counter as a bug, not as something to skip', () => {
    const s = initialHallState(hallConfig(), DAY);
    expect(() => evolve(s, { type: 'ticket:started', at: T0, ticketId: 'ghost', counterId: 'c1' })).toThrow(
      /unknown ticket ghost/,
    );
    expect(() => evolve(s, { type: 'counter:paused', at: T0, counterId: 'c9', reason: 'x' })).toThrow(/unknown counter c9/);
  });

  it('starts every configured counter closed, with nothing issued', () => {
    const s = initialHallState(hallConfig(), DAY);
    expect([...s.counters.values()].map((c) => [c.id, c.status, c.officerId])).toEqual([
      ['c1', 'closed', null],
      ['c2', 'closed', null],
      ['c3', 'closed', null],
      ['cp', 'closed', null],
    ]);
    expect(s.tickets.size).toBe(0);
    expect(s.day).toBe(DAY);
  });
});
