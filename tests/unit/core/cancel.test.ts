import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { cancel } from '../../../server/core/commands/cancel.js';
import { finish } from '../../../server/core/commands/finish.js';
import { skip } from '../../../server/core/commands/skip.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { Hall, officer, supervisor } from '../../helpers/core-fixtures.js';

describe('cancel', () => {
  it('lets an officer withdraw a waiting ticket, with a reason', () => {
    const hall = new Hall();
    const t = hall.issue('ho-tich');
    hall.advance(2);
    const { events } = hall.do(cancel, { ticketId: t.id, reason: 'nhầm lĩnh vực' }, officer('lan'));
    expect(events).toEqual([{ type: 'ticket:cancelled', at: hall.now, ticketId: t.id, reason: 'nhầm lĩnh vực' }]);
    expect(hall.ticket(t.id)).toMatchObject({ state: 'cancelled', finishedAt: hall.now });
  });

  it('records a missing reason as null', () => {
    const hall = new Hall();
    const t = hall.issue('ho-tich');
    expect(hall.do(cancel, { ticketId: t.id }, officer('lan')).events[0]).toMatchObject({ reason: null });
  });

  it('lets an officer withdraw a no-show', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(skip, { counterId: 'c1' }, lan);
    hall.do(cancel, { ticketId: t.id }, officer('minh'));
    expect(hall.ticket(t.id).state).toBe('cancelled');
  });

  it("lets the officer cancel the ticket at their own counter, freeing it, but not another officer's", () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.open('c2', 'minh');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    expect(hall.refusal(cancel, { ticketId: t.id }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
    hall.do(startService, { counterId: 'c1' }, lan);
    expect(hall.refusal(cancel, { ticketId: t.id }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
    hall.do(cancel, { ticketId: t.id }, lan);
    expect(hall.ticket(t.id).state).toBe('cancelled');
    expect(hall.counter('c1').currentTicketId).toBeNull();
    expect(hall.refusal(finish, { counterId: 'c1' }, lan)).toBe('NO_CURRENT_TICKET');
  });

  it('lets a supervisor cancel the ticket current at any counter', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(cancel, { ticketId: t.id }, supervisor());
    expect(hall.ticket(t.id).state).toBe('cancelled');
    expect(hall.counter('c1').currentTicketId).toBeNull();
  });

  it('refuses TICKET_STATE_CONFLICT for a final ticket, to supervisors too', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const done = hall.issue('ho-tich');
    const cancelled = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(finish, { counterId: 'c1' }, lan);
    hall.do(cancel, { ticketId: cancelled.id }, lan);
    for (const id of [done.id, cancelled.id]) {
      expect(hall.refusal(cancel, { ticketId: id }, lan)).toBe('TICKET_STATE_CONFLICT');
      expect(hall.refusal(cancel, { ticketId: id }, supervisor())).toBe('TICKET_STATE_CONFLICT');
    }
  });

  it('refuses TICKET_NOT_FOUND for an unknown ticket', () => {
    expect(new Hall().refusal(cancel, { ticketId: 't404' }, supervisor())).toBe('TICKET_NOT_FOUND');
  });
});
