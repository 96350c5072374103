import { describe, expect, it } from 'vitest';
import { issueTicket } from '../../../server/core/commands/issue-ticket.js';
import { rollDay } from '../../../server/core/commands/roll-day.js';
import { SYSTEM_ACTOR } from '../../../server/core/decision.js';
import { Hall, KIOSK, QUEUES, T0, counterDef, hallConfig, nextDay, primary, queueDef } from '../../helpers/core-fixtures.js';

describe('issueTicket', () => {
  it('gives a waiting ticket stamped with the day, the time and the kiosk choices', () => {
    const hall = new Hall();
    hall.advance(7);
    const { result, events } = hall.do(
      issueTicket,
      { queueId: 'ho-tich', priorityClass: 'elderly', procedureCode: '1.001', phone: '0912345678' },
      KIOSK,
    );
    expect(events).toEqual([{ type: 'ticket:issued', at: T0 + 7 * 60_000, ticket: result.ticket }]);
    expect(result.ticket).toMatchObject({
      id: 't1',
      day: hall.state.day,
      issuedQueueId: 'ho-tich',
      queueId: 'ho-tich',
      number: 'A001',
      seqNo: 1,
      state: 'waiting',
      priorityClass: 'elderly',
      issuedAt: T0 + 7 * 60_000,
      procedureCode: '1.001',
      phone: '0912345678',
      calls: 0,
      transfers: 0,
    });
    expect(hall.ticket('t1')).toEqual(result.ticket);
  });

  it('numbers a prefix-letter series A001, A002, … padded to its width', () => {
    const hall = new Hall();
    const numbers = Array.from({ length: 12 }, () => hall.issue('ho-tich').number);
    expect(numbers.slice(0, 3)).toEqual(['A001', 'A002', 'A003']);
    expect(numbers[11]).toBe('A012');
  });

  it('numbers a leading-digit series 1001, 1002, … independently of other queues', () => {
    const hall = new Hall();
    hall.issue('ho-tich');
    hall.issue('ho-tich');
    expect([hall.issue('dat-dai').number, hall.issue('dat-dai').number]).toEqual(['1001', '1002']);
    expect(hall.issue('ho-tich').number).toBe('A003');
  });

  it('starts a series at its configured start', () => {
    const hall = new Hall(hallConfig({ queues: [queueDef('q', { prefix: 'B', start: 50, width: 3 })], counters: [] }));
    expect([hall.issue('q').number, hall.issue('q').number]).toEqual(['B050', 'B051']);
  });

  it('refuses SERIES_EXHAUSTED after the last number the width allows, and only for that queue', () => {
    const narrow = queueDef('narrow', { prefix: 'N', start: 7, width: 1 });
    const hall = new Hall(hallConfig({ queues: [narrow, QUEUES.hoTich], counters: [counterDef('c', 1, [primary('narrow')])] }));
    expect([hall.issue('narrow').number, hall.issue('narrow').number, hall.issue('narrow').number]).toEqual(['N7', 'N8', 'N9']);
    expect(hall.refusal(issueTicket, { queueId: 'narrow' }, KIOSK)).toBe('SERIES_EXHAUSTED');
    expect(hall.issue('ho-tich').number).toBe('A001');
  });

  it('restarts numbering at the series start after the day rolls', () => {
    const narrow = queueDef('narrow', { prefix: 'N', start: 8, width: 1 });
    const hall = new Hall(hallConfig({ queues: [narrow], counters: [] }));
    hall.issue('narrow');
    hall.issue('narrow');
    expect(hall.refusal(issueTicket, { queueId: 'narrow' }, KIOSK)).toBe('SERIES_EXHAUSTED');
    hall.do(rollDay, { to: nextDay(hall.state.day) }, SYSTEM_ACTOR);
    const first = hall.issue('narrow');
    expect(first.number).toBe('N8');
    expect(first.day).toBe(nextDay('2026-03-02'));
  });

  it('refuses an unknown queue with QUEUE_NOT_FOUND', () => {
    expect(new Hall().refusal(issueTicket, { queueId: 'nope' }, KIOSK)).toBe('QUEUE_NOT_FOUND');
  });

  it('refuses an unknown priority class with PRIORITY_CLASS_NOT_FOUND and gives no number away', () => {
    const hall = new Hall();
    expect(hall.refusal(issueTicket, { queueId: 'ho-tich', priorityClass: 'vip' }, KIOSK)).toBe('PRIORITY_CLASS_NOT_FOUND');
    expect(hall.issue('ho-tich').number).toBe('A001');
  });

  it('records the estimate it predicted on the ticket, so accuracy can be measured later', () => {
    const hall = new Hall();
    hall.open('c1');
    hall.issue('ho-tich');
    hall.issue('ho-tich');
    const { result } = hall.do(issueTicket, { queueId: 'ho-tich' }, KIOSK);
    expect(result.estimate.peopleAhead).toBe(2);
    expect(result.ticket.peopleAhead).toBe(result.estimate.peopleAhead);
    expect(result.ticket.predictedWaitSec).toBe(result.estimate.predictedSec);
    expect(result.estimate.predictedSec).toBeGreaterThan(0);
  });

  it('treats absent optional fields as null', () => {
    const t = new Hall().issue('ket-qua');
    expect([t.priorityClass, t.procedureCode, t.phone, t.note]).toEqual([null, null, null, null]);
    expect(t.number).toBe('C01');
  });

  it('takes ids from the context, never inventing its own', () => {
    const given: string[] = [];
    const hall = new Hall(hallConfig(), { ids: () => `fixed-${given.push('id')}` });
    expect(hall.issue('ho-tich').id).toBe('fixed-1');
    expect(hall.issue('ho-tich').id).toBe('fixed-2');
    expect(given).toHaveLength(2);
  });

  it('does not change the state it decides on', () => {
    const hall = new Hall();
    const before = hall.state;
    const decision = issueTicket(before, { queueId: 'ho-tich' }, hall.ctx(KIOSK));
    expect(decision.ok).toBe(true);
    expect(before.tickets.size).toBe(0);
    expect(before.lastSeqNo).toEqual({});
  });
});

describe('issuing hours', () => {
  // DAY (2 March 2026) is a Monday; T0 is 08:00 in Hà Nội.
  const withHours = (hours: { from: string; to: string; days: number[] }) => {
    const config = hallConfig();
    return new Hall({ ...config, queues: config.queues.map((q) => (q.id === 'ho-tich' ? { ...q, issuingHours: hours } : q)) });
  };

  it('gives numbers inside the hours and refuses QUEUE_CLOSED outside them, to the minute', () => {
    const hall = withHours({ from: '07:30', to: '16:30', days: [1, 2, 3, 4, 5] });
    expect(hall.issue('ho-tich').number).toBe('A001');
    hall.advance(8 * 60 + 29); // 16:29
    expect(hall.issue('ho-tich').number).toBe('A002');
    hall.advance(1); // 16:30
    expect(hall.refusal(issueTicket, { queueId: 'ho-tich' }, KIOSK)).toBe('QUEUE_CLOSED');
    // Other queues keep their own hours (none here).
    expect(hall.issue('dat-dai').state).toBe('waiting');
  });

  it('refuses on a day the queue does not work', () => {
    const hall = withHours({ from: '07:00', to: '17:00', days: [2, 3, 4, 5, 6] });
    expect(hall.refusal(issueTicket, { queueId: 'ho-tich' }, KIOSK)).toBe('QUEUE_CLOSED');
  });
});
