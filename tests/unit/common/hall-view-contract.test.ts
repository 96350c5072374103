import { describe, expect, it } from 'vitest';
import {
  RECENT_CALLS,
  applyHallFact,
  pushCall,
  waitingIn,
  type CallView,
  type HallFact,
  type HallView,
  type TicketView,
} from '../../../common/contract/hall-view.js';
import { HALL_EVENT_TYPES, type HallEventType } from '../../../common/contract/hall-events.js';
import { ERROR_MESSAGES, errorBody, httpStatusOf, type ErrorCode } from '../../../common/contract/errors.js';

const call = (ticketId: string, at: number, calls = 1): CallView => ({
  ticketId,
  number: ticketId.toUpperCase(),
  counterId: 'c1',
  at,
  calls,
});

function ticket(id: string, over: Partial<TicketView> = {}): TicketView {
  return {
    id,
    number: id.toUpperCase(),
    queueId: 'q',
    priorityClass: null,
    state: 'waiting',
    issuedAt: 0,
    counterId: null,
    calledAt: null,
    calls: 0,
    targetCounterId: null,
    transfers: 0,
    procedureCode: null,
    ...over,
  };
}

function view(over: Partial<HallView> = {}): HallView {
  return {
    seq: 0,
    day: '2026-03-02',
    queues: [{ id: 'q', name: 'Q', nameEn: 'Q', prefix: 'A', issued: 0, served: 0, issuingHours: null }],
    counters: [
      {
        id: 'c1',
        number: 1,
        name: 'Quầy 1',
        queueIds: ['q'],
        status: 'open',
        pauseReason: null,
        officerId: 'lan',
        currentTicketId: null,
        served: 0,
      },
    ],
    tickets: [],
    recentCalls: [],
    officerNames: { lan: 'Nguyễn Thị Lan' },
    surveys: [],
    ...over,
  };
}

describe('pushCall', () => {
  it('puts the newest call first, once per ticket, at most RECENT_CALLS long', () => {
    let calls: CallView[] = [];
    for (let i = 0; i < RECENT_CALLS + 3; i++) calls = pushCall(calls, call(`t${i}`, i));
    expect(calls).toHaveLength(RECENT_CALLS);
    expect(calls[0]?.ticketId).toBe(`t${RECENT_CALLS + 2}`);
    calls = pushCall(calls, call('t5', 99, 2));
    expect(calls.filter((c) => c.ticketId === 't5')).toEqual([call('t5', 99, 2)]);
    expect(calls[0]?.ticketId).toBe('t5');
  });
});

describe('applyHallFact', () => {
  it('moves the view to the fact’s seq and keeps officer names', () => {
    const next = applyHallFact(view(), { type: 'counter:paused', at: 1, counterId: 'c1', reason: 'Nghỉ trưa', seq: 7 });
    expect(next.seq).toBe(7);
    expect(next.officerNames).toEqual({ lan: 'Nguyễn Thị Lan' });
    expect(next.counters[0]).toMatchObject({ status: 'paused', pauseReason: 'Nghỉ trưa' });
  });

  it('counts an issued ticket in its queue and a finished one as served, dropping it from the list', () => {
    let v = applyHallFact(view(), { type: 'ticket:issued', at: 1, ticket: ticket('t1'), seq: 1 });
    expect(v.queues[0]).toMatchObject({ issued: 1, served: 0 });
    expect(waitingIn(v, 'q')).toBe(1);
    v = applyHallFact(v, {
      type: 'ticket:called',
      at: 2,
      ticketId: 't1',
      counterId: 'c1',
      officerId: 'lan',
      specific: false,
      seq: 2,
    });
    expect(waitingIn(v, 'q')).toBe(0);
    expect(v.counters[0]?.currentTicketId).toBe('t1');
    expect(v.recentCalls).toEqual([{ ticketId: 't1', number: 'T1', counterId: 'c1', at: 2, calls: 1 }]);
    v = applyHallFact(v, {
      type: 'ticket:finished',
      at: 3,
      ticketId: 't1',
      counterId: 'c1',
      serviceSec: 1,
      survey: null,
      seq: 3,
    });
    expect(v.tickets).toEqual([]);
    expect(v.queues[0]).toMatchObject({ issued: 1, served: 1 });
    expect(v.counters[0]?.currentTicketId).toBeNull();
    expect(v.recentCalls).toHaveLength(1);
  });

  it('empties the tickets, calls and counts when the day rolls', () => {
    const v = view({
      tickets: [ticket('t1')],
      recentCalls: [call('t1', 1)],
      queues: [{ id: 'q', name: 'Q', nameEn: 'Q', prefix: 'A', issued: 5, served: 3, issuingHours: null }],
    });
    const next = applyHallFact(v, {
      type: 'day:rolled',
      at: 9,
      from: '2026-03-02',
      to: '2026-03-03',
      expiredTicketIds: ['t1'],
      seq: 1,
    });
    expect(next).toMatchObject({ day: '2026-03-03', tickets: [], recentCalls: [] });
    expect(next.queues[0]).toMatchObject({ issued: 0, served: 0 });
  });

  it('leaves the view untouched by facts about a ticket it never saw, but for the seq', () => {
    const v = view({ tickets: [ticket('t1')] });
    const next = applyHallFact(v, { type: 'ticket:recalled', at: 1, ticketId: 'ghost', counterId: 'c1', seq: 4 });
    expect({ ...next, seq: v.seq }).toEqual(v);
  });

  it('handles every fact type there is, and HALL_EVENT_TYPES lists each of them once', () => {
    const t1 = ticket('t1');
    // A Record over the type union: the compiler fails this table when a fact type is added.
    const samples: Record<HallEventType, HallFact> = {
      'ticket:issued': { type: 'ticket:issued', at: 1, ticket: t1, seq: 1 },
      'ticket:called': {
        type: 'ticket:called',
        at: 1,
        ticketId: 't1',
        counterId: 'c1',
        officerId: 'lan',
        specific: true,
        seq: 1,
      },
      'ticket:recalled': { type: 'ticket:recalled', at: 1, ticketId: 't1', counterId: 'c1', seq: 1 },
      'ticket:started': { type: 'ticket:started', at: 1, ticketId: 't1', counterId: 'c1', seq: 1 },
      'ticket:finished': { type: 'ticket:finished', at: 1, ticketId: 't1', counterId: 'c1', serviceSec: 0, survey: null, seq: 1 },
      'survey:rated': {
        type: 'survey:rated',
        at: 1,
        ticketId: 't1',
        counterId: 'c1',
        officerId: 'lan',
        queueId: 'q',
        scaleId: 'theo-ho-so-3-muc',
        answers: { 'giai-quyet-tthc': 'hai-long' },
        reasonId: null,
        deviceId: 'survey-1',
        seq: 1,
      },
      'survey:lapsed': { type: 'survey:lapsed', at: 1, ticketIds: ['t1'], seq: 1 },
      'dossier:received': {
        type: 'dossier:received',
        at: 1,
        code: '000.00.31.H38-260302-0001',
        day: '2026-03-02',
        sequence: 1,
        ticketId: 't1',
        counterId: 'c1',
        officerId: 'lan',
        procedureCode: '1.001193',
        appointmentAt: 2,
        record: null,
        seq: 1,
      },
      'dossier:progressed': {
        type: 'dossier:progressed',
        at: 1,
        code: '000.00.31.H38-260302-0001',
        from: 2,
        to: 5,
        counterId: 'c1',
        officerId: 'lan',
        note: null,
        seq: 1,
      },
      'ticket:skipped': { type: 'ticket:skipped', at: 1, ticketId: 't1', counterId: 'c1', seq: 1 },
      'ticket:returned': { type: 'ticket:returned', at: 1, ticketId: 't1', seq: 1 },
      'ticket:transferred': {
        type: 'ticket:transferred',
        at: 1,
        ticketId: 't1',
        fromCounterId: 'c1',
        toQueueId: 'q',
        toCounterId: null,
        note: null,
        seq: 1,
      },
      'ticket:cancelled': { type: 'ticket:cancelled', at: 1, ticketId: 't1', reason: null, seq: 1 },
      'counter:opened': { type: 'counter:opened', at: 1, counterId: 'c1', officerId: 'lan', seq: 1 },
      'counter:paused': { type: 'counter:paused', at: 1, counterId: 'c1', reason: 'x', seq: 1 },
      'counter:resumed': { type: 'counter:resumed', at: 1, counterId: 'c1', seq: 1 },
      'counter:closed': { type: 'counter:closed', at: 1, counterId: 'c1', seq: 1 },
      'day:rolled': { type: 'day:rolled', at: 1, from: '2026-03-02', to: '2026-03-03', expiredTicketIds: [], seq: 1 },
    };
    expect([...HALL_EVENT_TYPES].sort()).toEqual(Object.keys(samples).sort());
    for (const fact of Object.values(samples)) expect(applyHallFact(view({ tickets: [t1] }), fact).seq).toBe(1);
  });
});

describe('errors', () => {
  it('gives every code an English message, a text key and an HTTP status', () => {
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) {
      expect(errorBody(code)).toEqual({ code, message: ERROR_MESSAGES[code], messageKey: `error.${code}` });
      expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
    }
    expect(httpStatusOf('NOT_YOUR_COUNTER')).toBe(403);
    expect(httpStatusOf('TICKET_NOT_FOUND')).toBe(404);
    expect(httpStatusOf('RECALL_LIMIT')).toBe(409);
    expect(errorBody('VALIDATION_FAILED', [{ path: '/queueId', message: 'required' }]).details).toHaveLength(1);
  });
});
