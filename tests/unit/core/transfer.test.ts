import { describe, expect, it } from 'vitest';
import { pickNext } from '../../../server/core/call-order.js';
import { callNext } from '../../../server/core/commands/call-next.js';
import { callSpecific } from '../../../server/core/commands/call-specific.js';
import { closeCounter, pauseCounter } from '../../../server/core/commands/counter-status.js';
import { skip } from '../../../server/core/commands/skip.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { transfer } from '../../../server/core/commands/transfer.js';
import { Hall, officer } from '../../helpers/core-fixtures.js';

/** c1 (Hộ tịch) has called the first Hộ tịch ticket; c2 (Đất đai) and c3 (Kết quả) are open. */
function hallWithCalledTicket(): { hall: Hall; ticketId: string } {
  const hall = new Hall();
  for (const c of ['c1', 'c2', 'c3']) hall.open(c);
  const t = hall.issue('ho-tich');
  hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
  return { hall, ticketId: t.id };
}

describe('transfer to a queue', () => {
  it('puts the ticket back to waiting in the other queue and frees the counter', () => {
    const { hall, ticketId } = hallWithCalledTicket();
    hall.advance(4);
    const { events } = hall.do(transfer, { counterId: 'c1', toQueueId: 'ket-qua', note: 'nộp lệ phí' }, hall.officerAt('c1'));
    expect(events).toEqual([
      {
        type: 'ticket:transferred',
        at: hall.now,
        ticketId,
        fromCounterId: 'c1',
        toQueueId: 'ket-qua',
        toCounterId: null,
        note: 'nộp lệ phí',
      },
    ]);
    expect(hall.ticket(ticketId)).toMatchObject({
      state: 'waiting',
      queueId: 'ket-qua',
      issuedQueueId: 'ho-tich',
      number: 'A001',
      targetCounterId: null,
      calls: 0,
      calledAt: null,
      startedAt: null,
      transfers: 1,
      note: 'nộp lệ phí',
    });
    expect(hall.counter('c1').currentTicketId).toBeNull();
    expect(hall.state.recentCalls.some((c) => c.ticketId === ticketId)).toBe(false);
  });

  it('keeps the original issue time, so the citizen goes before those who came later to that queue', () => {
    const { hall, ticketId } = hallWithCalledTicket();
    hall.advance(1);
    const later = [hall.issue('ket-qua'), hall.issue('ket-qua')];
    hall.advance(10);
    hall.do(transfer, { counterId: 'c1', toQueueId: 'ket-qua' }, hall.officerAt('c1'));
    expect(hall.ticket(ticketId).issuedAt).toBeLessThan(later[0]?.issuedAt ?? 0);
    expect(hall.do(callNext, { counterId: 'c3' }, hall.officerAt('c3')).result.ticket?.id).toBe(ticketId);
  });

  it('also works from a ticket being served, and from a paused counter', () => {
    const { hall, ticketId } = hallWithCalledTicket();
    const lan = hall.officerAt('c1');
    hall.do(startService, { counterId: 'c1' }, lan);
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, lan);
    hall.do(transfer, { counterId: 'c1', toQueueId: 'dat-dai' }, lan);
    expect(hall.ticket(ticketId)).toMatchObject({ state: 'waiting', queueId: 'dat-dai', startedAt: null });
  });

  it('keeps the note it had when the transfer carries none', () => {
    const { hall, ticketId } = hallWithCalledTicket();
    hall.do(transfer, { counterId: 'c1', toQueueId: 'dat-dai', note: 'thiếu giấy' }, hall.officerAt('c1'));
    hall.do(callNext, { counterId: 'c2' }, hall.officerAt('c2'));
    hall.do(transfer, { counterId: 'c2', toQueueId: 'ket-qua' }, hall.officerAt('c2'));
    expect(hall.ticket(ticketId)).toMatchObject({ note: 'thiếu giấy', transfers: 2, queueId: 'ket-qua' });
  });

  it('refuses QUEUE_NOT_FOUND for an unknown queue and TRANSFER_TARGET_INVALID for its own queue', () => {
    const { hall } = hallWithCalledTicket();
    const lan = hall.officerAt('c1');
    expect(hall.refusal(transfer, { counterId: 'c1', toQueueId: 'nowhere' }, lan)).toBe('QUEUE_NOT_FOUND');
    expect(hall.refusal(transfer, { counterId: 'c1', toQueueId: 'ho-tich' }, lan)).toBe('TRANSFER_TARGET_INVALID');
    expect(hall.refusal(transfer, { counterId: 'c1' }, lan)).toBe('TRANSFER_TARGET_INVALID');
    expect(hall.refusal(transfer, { counterId: 'c1', toQueueId: null, toCounterId: null }, lan)).toBe('TRANSFER_TARGET_INVALID');
  });
});

describe('transfer to a counter', () => {
  it('is called first by that counter, before older tickets of its own queues', () => {
    const hall = new Hall();
    for (const c of ['c1', 'c2']) hall.open(c);
    hall.issue('dat-dai');
    hall.issue('dat-dai');
    hall.advance(1);
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
    hall.do(transfer, { counterId: 'c1', toCounterId: 'c2', note: 'hỏi đất' }, hall.officerAt('c1'));
    expect(hall.ticket(t.id)).toMatchObject({
      targetCounterId: 'c2',
      targetedAt: hall.now,
      queueId: 'ho-tich',
      state: 'waiting',
    });
    expect(hall.do(callNext, { counterId: 'c2' }, hall.officerAt('c2')).result.ticket?.id).toBe(t.id);
    expect(hall.ticket(t.id)).toMatchObject({ targetCounterId: null, targetedAt: null, counterId: 'c2' });
  });

  it('is called by no other counter, even one serving its queue as primary', () => {
    const hall = new Hall();
    for (const c of ['c1', 'c2', 'cp']) hall.open(c);
    const t = hall.issue('ho-tich', 'elderly');
    hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
    hall.do(transfer, { counterId: 'c1', toCounterId: 'c2' }, hall.officerAt('c1'));
    hall.advance(24 * 60);
    expect(pickNext(hall.state, 'c1', hall.now)).toBeNull();
    expect(pickNext(hall.state, 'cp', hall.now)).toBeNull();
    expect(hall.refusal(callNext, { counterId: 'cp' }, hall.officerAt('cp'))).toBe('NO_WAITING_TICKET');
    expect(pickNext(hall.state, 'c2', hall.now)?.id).toBe(t.id);
  });

  it('refuses COUNTER_CLOSED for a counter nobody is at, and keeps the ticket at the sender', () => {
    const hall = new Hall();
    hall.open('c1');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
    expect(hall.refusal(transfer, { counterId: 'c1', toCounterId: 'c2' }, hall.officerAt('c1'))).toBe('COUNTER_CLOSED');
    expect(hall.ticket(t.id)).toMatchObject({ state: 'called', counterId: 'c1' });
  });

  it('goes back to its queue when the counter it was sent to closes, keeping its place', () => {
    const hall = new Hall();
    for (const c of ['c1', 'c3']) hall.open(c);
    const t = hall.issue('ho-tich');
    hall.advance(1);
    const later = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
    hall.do(transfer, { counterId: 'c1', toCounterId: 'c3' }, hall.officerAt('c1'));
    expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(later.id);
    hall.do(closeCounter, { counterId: 'c3' }, hall.officerAt('c3'));
    expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(t.id);
  });

  it('reaches a counter that does not serve the queue at all', () => {
    const hall = new Hall();
    for (const c of ['c1', 'c3']) hall.open(c);
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
    hall.do(transfer, { counterId: 'c1', toCounterId: 'c3' }, hall.officerAt('c1'));
    hall.do(callSpecific, { counterId: 'c3', ticketId: t.id }, hall.officerAt('c3'));
    expect(hall.ticket(t.id)).toMatchObject({ state: 'called', counterId: 'c3', queueId: 'ho-tich' });
  });

  it('serves several tickets sent to one counter in the order they were sent', () => {
    const hall = new Hall();
    for (const c of ['c1', 'c2', 'c3']) hall.open(c);
    const first = hall.issue('dat-dai');
    const second = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
    hall.do(callNext, { counterId: 'c2' }, hall.officerAt('c2'));
    hall.advance(1);
    hall.do(transfer, { counterId: 'c1', toCounterId: 'c3' }, hall.officerAt('c1'));
    hall.advance(1);
    hall.do(transfer, { counterId: 'c2', toCounterId: 'c3' }, hall.officerAt('c2'));
    const order = [1, 2].map(() => hall.do(callNext, { counterId: 'c3' }, hall.officerAt('c3')).result.ticket?.id);
    expect(order).toEqual([second.id, first.id]);
  });

  it('moves it to another queue and one counter at once', () => {
    const { hall, ticketId } = hallWithCalledTicket();
    hall.do(transfer, { counterId: 'c1', toQueueId: 'dat-dai', toCounterId: 'c2' }, hall.officerAt('c1'));
    expect(hall.ticket(ticketId)).toMatchObject({ queueId: 'dat-dai', targetCounterId: 'c2' });
  });

  it('refuses COUNTER_NOT_FOUND for an unknown counter and TRANSFER_TARGET_INVALID for its own', () => {
    const { hall } = hallWithCalledTicket();
    const lan = hall.officerAt('c1');
    expect(hall.refusal(transfer, { counterId: 'c1', toCounterId: 'c77' }, lan)).toBe('COUNTER_NOT_FOUND');
    expect(hall.refusal(transfer, { counterId: 'c1', toCounterId: 'c1' }, lan)).toBe('TRANSFER_TARGET_INVALID');
    expect(hall.refusal(transfer, { counterId: 'c1', toQueueId: 'dat-dai', toCounterId: 'c1' }, lan)).toBe(
      'TRANSFER_TARGET_INVALID',
    );
  });
});

describe('transfer refusals about the counter and its ticket', () => {
  it('refuses NO_CURRENT_TICKET when idle, NOT_YOUR_COUNTER to another officer, COUNTER_CLOSED when closed', () => {
    const { hall } = hallWithCalledTicket();
    expect(hall.refusal(transfer, { counterId: 'c1', toQueueId: 'dat-dai' }, officer('x'))).toBe('NOT_YOUR_COUNTER');
    expect(hall.refusal(transfer, { counterId: 'c2', toQueueId: 'ho-tich' }, hall.officerAt('c2'))).toBe('NO_CURRENT_TICKET');
    expect(hall.refusal(transfer, { counterId: 'cp', toQueueId: 'ho-tich' }, officer('x'))).toBe('COUNTER_CLOSED');
  });

  it('refuses NO_CURRENT_TICKET after the citizen was marked a no-show', () => {
    const { hall } = hallWithCalledTicket();
    hall.do(skip, { counterId: 'c1' }, hall.officerAt('c1'));
    expect(hall.refusal(transfer, { counterId: 'c1', toQueueId: 'dat-dai' }, hall.officerAt('c1'))).toBe('NO_CURRENT_TICKET');
  });
});
