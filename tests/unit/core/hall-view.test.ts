import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { cancel } from '../../../server/core/commands/cancel.js';
import { issueTicket } from '../../../server/core/commands/issue-ticket.js';
import { skip } from '../../../server/core/commands/skip.js';
import { transfer } from '../../../server/core/commands/transfer.js';
import { hallView, publicEvent, ticketView } from '../../../server/core/hall-view.js';
import { Hall, KIOSK, supervisor } from '../../helpers/core-fixtures.js';

describe('ticketView and publicEvent', () => {
  it('leave out personal and internal data', () => {
    const hall = new Hall();
    const { events, result } = hall.do(issueTicket, { queueId: 'ho-tich', phone: '0912345678', procedureCode: '1.001' }, KIOSK);
    const view = ticketView(result.ticket);
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['phone']));
    for (const hidden of ['phone', 'officerId', 'note', 'predictedWaitSec', 'peopleAhead', 'day'] as const)
      expect(view).not.toHaveProperty(hidden);
    expect(view).toMatchObject({ id: result.ticket.id, number: 'A001', procedureCode: '1.001' });
    const fact = events[0] && publicEvent(events[0]);
    expect(fact?.type === 'ticket:issued' && fact.ticket).toEqual(view);
  });

  it('passes other events through as they are', () => {
    const hall = new Hall();
    hall.open('c1');
    hall.issue('ho-tich');
    const { events } = hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
    expect(events.map(publicEvent)).toEqual(events);
  });
});

describe('hallView', () => {
  it('lists the active tickets only, in issue order, and counts issued and served per queue', () => {
    const hall = new Hall();
    const lan = hall.open('c1');
    hall.open('c2');
    const served = hall.issue('ho-tich');
    const noShow = hall.issue('ho-tich');
    const gone = hall.issue('ho-tich');
    hall.advance(1);
    const moved = hall.issue('ho-tich');
    hall.advance(1);
    const waiting = hall.issue('dat-dai');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(skip, { counterId: 'c1' }, lan);
    hall.do(cancel, { ticketId: gone.id }, supervisor());
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(transfer, { counterId: 'c1', toQueueId: 'dat-dai' }, lan);
    const v = hallView(hall.state, 42, { 'o-c1': 'Lan' });
    expect(v.seq).toBe(42);
    expect(v.officerNames).toEqual({ 'o-c1': 'Lan' });
    expect(v.tickets.map((t) => t.id)).toEqual([noShow.id, moved.id, waiting.id]);
    expect(v.tickets.map((t) => t.id)).not.toContain(served.id);
    expect(v.queues.find((q) => q.id === 'ho-tich')).toMatchObject({ issued: 4, served: 1, prefix: 'A' });
    expect(v.queues.find((q) => q.id === 'dat-dai')).toMatchObject({ issued: 1, served: 0, prefix: '1' });
    expect(v.counters.find((c) => c.id === 'c1')).toMatchObject({
      status: 'open',
      officerId: 'o-c1',
      currentTicketId: null,
      queueIds: ['ho-tich', 'dat-dai'],
    });
    expect(v.counters.find((c) => c.id === 'c3')).toMatchObject({ status: 'closed', officerId: null });
  });
});
