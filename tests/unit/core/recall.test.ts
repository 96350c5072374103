import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { recall } from '../../../server/core/commands/recall.js';
import { skip } from '../../../server/core/commands/skip.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { Hall, hallConfig, officer, supervisor } from '../../helpers/core-fixtures.js';

function calledAtC1(maxRecalls: number): { hall: Hall; ticketId: string } {
  const hall = new Hall(hallConfig({ maxRecalls }));
  const lan = hall.open('c1', 'lan');
  const t = hall.issue('ho-tich');
  hall.do(callNext, { counterId: 'c1' }, lan);
  return { hall, ticketId: t.id };
}

describe('recall', () => {
  it('calls the current ticket again, counting the calls and moving it to the top of the hall list', () => {
    const { hall, ticketId } = calledAtC1(2);
    const other = hall.issue('dat-dai');
    const minh = hall.open('c2', 'minh');
    hall.do(callNext, { counterId: 'c2' }, minh);
    expect(hall.state.recentCalls[0]?.ticketId).toBe(other.id);
    hall.advance(1);
    const { events } = hall.do(recall, { counterId: 'c1' }, officer('lan'));
    expect(events).toEqual([{ type: 'ticket:recalled', at: hall.now, ticketId, counterId: 'c1' }]);
    expect(hall.ticket(ticketId)).toMatchObject({ calls: 2, calledAt: hall.now, state: 'called' });
    expect(hall.state.recentCalls.map((c) => [c.ticketId, c.calls])).toEqual([
      [ticketId, 2],
      [other.id, 1],
    ]);
  });

  it.each([0, 1, 2, 3])('allows exactly maxRecalls = %i recalls after the first call, then RECALL_LIMIT', (maxRecalls) => {
    const { hall, ticketId } = calledAtC1(maxRecalls);
    for (let i = 0; i < maxRecalls; i++) hall.do(recall, { counterId: 'c1' }, officer('lan'));
    expect(hall.ticket(ticketId).calls).toBe(maxRecalls + 1);
    expect(hall.refusal(recall, { counterId: 'c1' }, officer('lan'))).toBe('RECALL_LIMIT');
    expect(hall.refusal(recall, { counterId: 'c1' }, supervisor())).toBe('RECALL_LIMIT');
    hall.do(skip, { counterId: 'c1' }, officer('lan'));
    expect(hall.ticket(ticketId).state).toBe('no_show');
  });

  it('refuses NO_CURRENT_TICKET at an idle counter', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(recall, { counterId: 'c1' }, lan)).toBe('NO_CURRENT_TICKET');
  });

  it('refuses TICKET_STATE_CONFLICT once the citizen is being served', () => {
    const { hall } = calledAtC1(2);
    hall.do(startService, { counterId: 'c1' }, officer('lan'));
    expect(hall.refusal(recall, { counterId: 'c1' }, officer('lan'))).toBe('TICKET_STATE_CONFLICT');
  });

  it('refuses NOT_YOUR_COUNTER and COUNTER_CLOSED', () => {
    const { hall } = calledAtC1(2);
    expect(hall.refusal(recall, { counterId: 'c1' }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
    expect(hall.refusal(recall, { counterId: 'c2' }, officer('lan'))).toBe('COUNTER_CLOSED');
    expect(hall.refusal(recall, { counterId: 'c-none' }, officer('lan'))).toBe('COUNTER_NOT_FOUND');
  });
});
