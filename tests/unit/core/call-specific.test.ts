import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { callSpecific } from '../../../server/core/commands/call-specific.js';
import { cancel } from '../../../server/core/commands/cancel.js';
import { pauseCounter } from '../../../server/core/commands/counter-status.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { skip } from '../../../server/core/commands/skip.js';
import { transfer } from '../../../server/core/commands/transfer.js';
import { Hall, officer, supervisor } from '../../helpers/core-fixtures.js';

describe('callSpecific', () => {
  it('calls a ticket out of the call order', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.issue('ho-tich');
    const later = hall.issue('ho-tich');
    const { events, result } = hall.do(callSpecific, { counterId: 'c1', ticketId: later.id }, lan);
    expect(events).toEqual([
      { type: 'ticket:called', at: hall.now, ticketId: later.id, counterId: 'c1', officerId: 'lan', specific: true },
    ]);
    expect(result.ticket?.id).toBe(later.id);
    expect(hall.counter('c1').currentTicketId).toBe(later.id);
  });

  it('finishes the current ticket first', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const a = hall.issue('ho-tich');
    const b = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    const { events, result } = hall.do(callSpecific, { counterId: 'c1', ticketId: b.id }, lan);
    expect(events.map((e) => [e.type, 'ticketId' in e ? e.ticketId : null])).toEqual([
      ['ticket:finished', a.id],
      ['ticket:called', b.id],
    ]);
    expect(result.finishedTicketId).toBe(a.id);
  });

  it('brings a no-show back and calls it in one step', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const a = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(skip, { counterId: 'c1' }, lan);
    hall.advance(5);
    const { events } = hall.do(callSpecific, { counterId: 'c1', ticketId: a.id }, lan);
    expect(events.map((e) => e.type)).toEqual(['ticket:returned', 'ticket:called']);
    expect(hall.ticket(a.id)).toMatchObject({ state: 'called', calls: 1, calledAt: hall.now });
  });

  it('refuses TICKET_NOT_FOUND for an unknown ticket', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: 'nope' }, lan)).toBe('TICKET_NOT_FOUND');
  });

  it('refuses TICKET_NOT_WAITING for a ticket called elsewhere, being served, done or cancelled', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const minh = hall.open('c2', 'minh');
    const a = hall.issue('ho-tich');
    const b = hall.issue('ho-tich');
    hall.do(callSpecific, { counterId: 'c2', ticketId: a.id }, minh);
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: a.id }, lan)).toBe('TICKET_NOT_WAITING');
    hall.do(startService, { counterId: 'c2' }, minh);
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: a.id }, lan)).toBe('TICKET_NOT_WAITING');
    hall.do(callNext, { counterId: 'c2' }, minh);
    expect(hall.ticket(a.id).state).toBe('done');
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: a.id }, lan)).toBe('TICKET_NOT_WAITING');
    hall.do(cancel, { ticketId: b.id }, supervisor());
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: b.id }, lan)).toBe('TICKET_NOT_WAITING');
  });

  it('refuses TICKET_NOT_SERVED_HERE for a queue the counter does not serve', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ket-qua');
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: t.id }, lan)).toBe('TICKET_NOT_SERVED_HERE');
  });

  it('refuses TICKET_NOT_SERVED_HERE for a ticket sent to another counter, even of a queue it serves', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const minh = hall.open('c2', 'minh');
    hall.open('c3');
    const t = hall.issue('dat-dai');
    hall.do(callNext, { counterId: 'c2' }, minh);
    hall.do(transfer, { counterId: 'c2', toCounterId: 'c3' }, minh);
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: t.id }, lan)).toBe('TICKET_NOT_SERVED_HERE');
    expect(hall.refusal(callSpecific, { counterId: 'c2', ticketId: t.id }, minh)).toBe('TICKET_NOT_SERVED_HERE');
  });

  it('refuses like Next on a closed, paused or foreign counter', () => {
    const hall = new Hall();
    const t = hall.issue('ho-tich');
    expect(hall.refusal(callSpecific, { counterId: 'cx', ticketId: t.id }, officer('lan'))).toBe('COUNTER_NOT_FOUND');
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: t.id }, officer('lan'))).toBe('COUNTER_CLOSED');
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: t.id }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, lan);
    expect(hall.refusal(callSpecific, { counterId: 'c1', ticketId: t.id }, lan)).toBe('COUNTER_PAUSED');
  });
});
