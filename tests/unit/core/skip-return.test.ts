import { describe, expect, it } from 'vitest';
import { pickNext } from '../../../server/core/call-order.js';
import { callNext } from '../../../server/core/commands/call-next.js';
import { returnTicket } from '../../../server/core/commands/return-ticket.js';
import { skip } from '../../../server/core/commands/skip.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { Hall, KIOSK, officer } from '../../helpers/core-fixtures.js';

describe('skip', () => {
  it('marks the called citizen a no-show and frees the counter, keeping the ticket on the hall view', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(2);
    const { events } = hall.do(skip, { counterId: 'c1' }, lan);
    expect(events).toEqual([{ type: 'ticket:skipped', at: hall.now, ticketId: t.id, counterId: 'c1' }]);
    expect(hall.ticket(t.id).state).toBe('no_show');
    expect(hall.counter('c1').currentTicketId).toBeNull();
  });

  it('does not let Next call a no-show again', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(skip, { counterId: 'c1' }, lan);
    expect(hall.refusal(callNext, { counterId: 'c1' }, lan)).toBe('NO_WAITING_TICKET');
  });

  it('refuses NO_CURRENT_TICKET when idle and TICKET_STATE_CONFLICT once the citizen is being served', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(skip, { counterId: 'c1' }, lan)).toBe('NO_CURRENT_TICKET');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(startService, { counterId: 'c1' }, lan);
    expect(hall.refusal(skip, { counterId: 'c1' }, lan)).toBe('TICKET_STATE_CONFLICT');
    expect(hall.refusal(skip, { counterId: 'c1' }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
  });
});

describe('returnTicket', () => {
  it('puts a no-show back to waiting with its issue time, so it goes before later tickets', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const a = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(skip, { counterId: 'c1' }, lan);
    hall.advance(3);
    hall.issue('ho-tich');
    hall.advance(3);
    const { events } = hall.do(returnTicket, { ticketId: a.id }, KIOSK);
    expect(events).toEqual([{ type: 'ticket:returned', at: hall.now, ticketId: a.id }]);
    expect(hall.ticket(a.id)).toMatchObject({ state: 'waiting', calls: 0, calledAt: null, issuedAt: a.issuedAt });
    expect(hall.state.recentCalls.some((c) => c.ticketId === a.id)).toBe(false);
    expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(a.id);
  });

  it('gives a returned ticket a fresh set of recalls', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const a = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(skip, { counterId: 'c1' }, lan);
    hall.do(returnTicket, { ticketId: a.id }, lan);
    hall.do(callNext, { counterId: 'c1' }, lan);
    expect(hall.ticket(a.id).calls).toBe(1);
  });

  it('refuses TICKET_NOT_FOUND and TICKET_STATE_CONFLICT for a ticket that is not a no-show', () => {
    const hall = new Hall();
    const t = hall.issue('ho-tich');
    expect(hall.refusal(returnTicket, { ticketId: 'ghost' }, KIOSK)).toBe('TICKET_NOT_FOUND');
    expect(hall.refusal(returnTicket, { ticketId: t.id }, KIOSK)).toBe('TICKET_STATE_CONFLICT');
  });
});
