import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { pauseCounter } from '../../../server/core/commands/counter-status.js';
import { finish } from '../../../server/core/commands/finish.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { RECENT_SERVICE_WINDOW } from '../../../server/core/hall-state.js';
import { Hall, officer } from '../../helpers/core-fixtures.js';

describe('startService', () => {
  it('marks the called citizen as being served from now', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(2);
    const { events } = hall.do(startService, { counterId: 'c1' }, lan);
    expect(events).toEqual([{ type: 'ticket:started', at: hall.now, ticketId: t.id, counterId: 'c1' }]);
    expect(hall.ticket(t.id)).toMatchObject({ state: 'serving', startedAt: hall.now });
  });

  it('refuses NO_CURRENT_TICKET when idle and TICKET_STATE_CONFLICT when already serving', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(startService, { counterId: 'c1' }, lan)).toBe('NO_CURRENT_TICKET');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(startService, { counterId: 'c1' }, lan);
    expect(hall.refusal(startService, { counterId: 'c1' }, lan)).toBe('TICKET_STATE_CONFLICT');
    expect(hall.refusal(startService, { counterId: 'c1' }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
  });
});

describe('finish', () => {
  it('finishes a served ticket, frees the counter and records the service time from the start', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(3);
    hall.do(startService, { counterId: 'c1' }, lan);
    hall.advance(8);
    const { events } = hall.do(finish, { counterId: 'c1' }, lan);
    expect(events).toEqual([
      { type: 'ticket:finished', at: hall.now, ticketId: t.id, counterId: 'c1', serviceSec: 8 * 60, survey: null },
    ]);
    expect(hall.ticket(t.id)).toMatchObject({ state: 'done', finishedAt: hall.now });
    expect(hall.counter('c1').currentTicketId).toBeNull();
    expect(hall.state.recentServiceSec['ho-tich']).toEqual([480]);
  });

  it('finishes a ticket that was only called, timing it from the call', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(5);
    expect(hall.do(finish, { counterId: 'c1' }, lan).events[0]).toMatchObject({ serviceSec: 300 });
  });

  it('still works while the counter is paused', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, lan);
    hall.do(finish, { counterId: 'c1' }, lan);
    expect(hall.ticket(t.id).state).toBe('done');
    expect(hall.counter('c1')).toMatchObject({ status: 'paused', currentTicketId: null });
  });

  it('refuses NO_CURRENT_TICKET at an idle counter, and a second finish of the same ticket', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(finish, { counterId: 'c1' }, lan)).toBe('NO_CURRENT_TICKET');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(finish, { counterId: 'c1' }, lan);
    expect(hall.refusal(finish, { counterId: 'c1' }, lan)).toBe('NO_CURRENT_TICKET');
  });

  it('refuses COUNTER_CLOSED and NOT_YOUR_COUNTER', () => {
    const hall = new Hall();
    expect(hall.refusal(finish, { counterId: 'c1' }, officer('lan'))).toBe('COUNTER_CLOSED');
    hall.open('c1', 'lan');
    expect(hall.refusal(finish, { counterId: 'c1' }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
  });

  it('keeps only the latest services of a queue for the estimate', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const total = RECENT_SERVICE_WINDOW + 5;
    for (let i = 1; i <= total; i++) {
      hall.issue('ho-tich');
      hall.do(callNext, { counterId: 'c1' }, lan);
      hall.advance(i);
      hall.do(finish, { counterId: 'c1' }, lan);
    }
    const samples = hall.state.recentServiceSec['ho-tich'] ?? [];
    expect(samples).toHaveLength(RECENT_SERVICE_WINDOW);
    expect(samples[samples.length - 1]).toBe(total * 60);
    expect(samples[0]).toBe((total - RECENT_SERVICE_WINDOW + 1) * 60);
  });
});
