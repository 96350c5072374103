import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { callSpecific } from '../../../server/core/commands/call-specific.js';
import { pauseCounter } from '../../../server/core/commands/counter-status.js';
import { finish } from '../../../server/core/commands/finish.js';
import { rollDay } from '../../../server/core/commands/roll-day.js';
import { skip } from '../../../server/core/commands/skip.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { SYSTEM_ACTOR } from '../../../server/core/decision.js';
import { evolveAll } from '../../../server/core/evolve.js';
import { Hall, nextDay } from '../../helpers/core-fixtures.js';

/** A day with a ticket in every state, and counters open, paused and closed. */
function busyDay(): { hall: Hall; ids: Record<'waiting' | 'called' | 'serving' | 'noShow' | 'done', string> } {
  const hall = new Hall();
  const c1 = hall.open('c1');
  const c2 = hall.open('c2');
  const done = hall.issue('ho-tich');
  const noShow = hall.issue('ho-tich');
  const called = hall.issue('ho-tich');
  const serving = hall.issue('dat-dai');
  const waiting = hall.issue('ho-tich');
  hall.do(callNext, { counterId: 'c1' }, c1);
  hall.advance(5);
  hall.do(finish, { counterId: 'c1' }, c1);
  hall.do(callNext, { counterId: 'c1' }, c1);
  hall.do(skip, { counterId: 'c1' }, c1);
  hall.do(callSpecific, { counterId: 'c1', ticketId: called.id }, c1);
  hall.do(callSpecific, { counterId: 'c2', ticketId: serving.id }, c2);
  hall.do(startService, { counterId: 'c2' }, c2);
  hall.do(pauseCounter, { counterId: 'c2', reason: 'x' }, c2);
  expect(hall.ticket(noShow.id).state).toBe('no_show');
  return { hall, ids: { waiting: waiting.id, called: called.id, serving: serving.id, noShow: noShow.id, done: done.id } };
}

describe('rollDay', () => {
  it('expires waiting, called and serving tickets, but not no-shows or finished ones', () => {
    const { hall, ids } = busyDay();
    const before = hall.state;
    const { result, events } = hall.do(rollDay, { to: nextDay(hall.state.day) }, SYSTEM_ACTOR);
    const rolled = events.find((e) => e.type === 'day:rolled');
    expect(rolled?.type === 'day:rolled' && [...rolled.expiredTicketIds].sort()).toEqual(
      [ids.waiting, ids.called, ids.serving].sort(),
    );
    expect(result.expired).toBe(3);
    // The expiry shows in the event stream replayed on the old day, before the working set is emptied.
    const lastDay = evolveAll(
      before,
      events.filter((e) => e.type !== 'day:rolled'),
    );
    expect(lastDay.tickets.get(ids.noShow)?.state).toBe('no_show');
  });

  it('closes every open or paused counter first, then rolls', () => {
    const { hall } = busyDay();
    hall.open('c3');
    const { events } = hall.do(rollDay, { to: nextDay(hall.state.day) }, SYSTEM_ACTOR);
    expect(events.map((e) => (e.type === 'counter:closed' ? e.counterId : e.type))).toEqual(['c1', 'c2', 'c3', 'day:rolled']);
    for (const id of ['c1', 'c2', 'c3', 'cp']) {
      expect(hall.counter(id)).toMatchObject({ status: 'closed', officerId: null, currentTicketId: null });
    }
  });

  it('starts the new day with an empty working set, numbering and hall list', () => {
    const { hall } = busyDay();
    const from = hall.state.day;
    const to = nextDay(from);
    const { events } = hall.do(rollDay, { to }, SYSTEM_ACTOR);
    expect(events.at(-1)).toMatchObject({ type: 'day:rolled', from, to, at: hall.now });
    expect(hall.state.day).toBe(to);
    expect(hall.state.tickets.size).toBe(0);
    expect(hall.state.lastSeqNo).toEqual({});
    expect(hall.state.recentCalls).toEqual([]);
    expect(hall.issue('ho-tich').number).toBe('A001');
  });

  it('keeps the recent service times, so the first estimates of the day are not blind', () => {
    const { hall } = busyDay();
    const samples = hall.state.recentServiceSec;
    hall.do(rollDay, { to: nextDay(hall.state.day) }, SYSTEM_ACTOR);
    expect(hall.state.recentServiceSec).toEqual(samples);
    expect(Object.keys(samples)).toContain('ho-tich');
  });

  it('refuses a day that is not later than the current one', () => {
    const hall = new Hall();
    expect(hall.refusal(rollDay, { to: hall.state.day }, SYSTEM_ACTOR)).toBe('TICKET_STATE_CONFLICT');
    expect(hall.refusal(rollDay, { to: '2026-03-01' }, SYSTEM_ACTOR)).toBe('TICKET_STATE_CONFLICT');
    expect(hall.refusal(rollDay, { to: '2025-12-31' }, SYSTEM_ACTOR)).toBe('TICKET_STATE_CONFLICT');
  });

  it('may skip days (the hub was off over a weekend)', () => {
    const hall = new Hall();
    hall.issue('ho-tich');
    hall.do(rollDay, { to: '2026-03-09' }, SYSTEM_ACTOR);
    expect(hall.state.day).toBe('2026-03-09');
  });

  it('rolls a quiet hall with only the day event', () => {
    const hall = new Hall();
    const { events, result } = hall.do(rollDay, { to: nextDay(hall.state.day) }, SYSTEM_ACTOR);
    expect(events.map((e) => e.type)).toEqual(['day:rolled']);
    expect(result.expired).toBe(0);
  });
});
