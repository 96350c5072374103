import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { pauseCounter } from '../../../server/core/commands/counter-status.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { KIOSK, Hall, MINUTE, officer, supervisor } from '../../helpers/core-fixtures.js';

describe('callNext', () => {
  it('calls the next ticket at the counter and makes it current', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.advance(2);
    const { result, events } = hall.do(callNext, { counterId: 'c1' }, lan);
    expect(events).toEqual([
      { type: 'ticket:called', at: hall.now, ticketId: t.id, counterId: 'c1', officerId: 'lan', specific: false },
    ]);
    expect(result).toEqual({ ticket: t, finishedTicketId: null });
    expect(hall.ticket(t.id)).toMatchObject({
      state: 'called',
      counterId: 'c1',
      officerId: 'lan',
      calls: 1,
      calledAt: hall.now,
      firstCalledAt: hall.now,
    });
    expect(hall.counter('c1').currentTicketId).toBe(t.id);
    expect(hall.state.recentCalls[0]).toEqual({ ticketId: t.id, number: t.number, counterId: 'c1', at: hall.now, calls: 1 });
  });

  it('finishes the current ticket (served) before calling the next', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const a = hall.issue('ho-tich');
    const b = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(1);
    hall.do(startService, { counterId: 'c1' }, lan);
    hall.advance(6);
    const { result, events } = hall.do(callNext, { counterId: 'c1' }, lan);
    expect(events.map((e) => e.type)).toEqual(['ticket:finished', 'ticket:called']);
    expect(events[0]).toEqual({
      type: 'ticket:finished',
      at: hall.now,
      ticketId: a.id,
      counterId: 'c1',
      serviceSec: 6 * 60,
      survey: null,
    });
    expect(result.finishedTicketId).toBe(a.id);
    expect(result.ticket?.id).toBe(b.id);
    expect(hall.ticket(a.id)).toMatchObject({ state: 'done', finishedAt: hall.now });
    expect(hall.counter('c1').currentTicketId).toBe(b.id);
  });

  it('only finishes the current ticket when nobody else waits', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const a = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    const { result, events } = hall.do(callNext, { counterId: 'c1' }, lan);
    expect(events.map((e) => e.type)).toEqual(['ticket:finished']);
    expect(result).toEqual({ ticket: null, finishedTicketId: a.id });
    expect(hall.counter('c1').currentTicketId).toBeNull();
  });

  it('refuses NO_WAITING_TICKET with nothing to finish and nobody waiting for this counter', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.issue('ket-qua');
    expect(hall.refusal(callNext, { counterId: 'c1' }, lan)).toBe('NO_WAITING_TICKET');
  });

  it('refuses COUNTER_NOT_FOUND, COUNTER_CLOSED and COUNTER_PAUSED', () => {
    const hall = new Hall();
    hall.issue('ho-tich');
    expect(hall.refusal(callNext, { counterId: 'c42' }, officer('lan'))).toBe('COUNTER_NOT_FOUND');
    expect(hall.refusal(callNext, { counterId: 'c1' }, officer('lan'))).toBe('COUNTER_CLOSED');
    const lan = hall.open('c1', 'lan');
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, lan);
    expect(hall.refusal(callNext, { counterId: 'c1' }, lan)).toBe('COUNTER_PAUSED');
  });

  it('refuses NOT_YOUR_COUNTER to another officer and to a device', () => {
    const hall = new Hall();
    hall.open('c1', 'lan');
    hall.issue('ho-tich');
    expect(hall.refusal(callNext, { counterId: 'c1' }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
    expect(hall.refusal(callNext, { counterId: 'c1' }, KIOSK)).toBe('NOT_YOUR_COUNTER');
  });

  it("lets a supervisor press Next for an officer, recording the counter's officer on the call", () => {
    const hall = new Hall();
    hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    const { events } = hall.do(callNext, { counterId: 'c1' }, supervisor('boss'));
    expect(events[0]).toMatchObject({ type: 'ticket:called', ticketId: t.id, officerId: 'lan' });
  });

  it('measures service from the call when the officer never pressed start', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.now += 4 * MINUTE + 31_000;
    const { events } = hall.do(callNext, { counterId: 'c1' }, lan);
    expect(events[0]).toMatchObject({ type: 'ticket:finished', serviceSec: 4 * 60 + 31 });
    expect(hall.state.recentServiceSec['ho-tich']).toEqual([271]);
  });
});
