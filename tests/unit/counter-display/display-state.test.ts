import { describe, expect, it } from 'vitest';
import type { HallView, TicketView } from '../../../common/contract/hall-view.js';
import { calledRows, newestCall } from '../../../counter-display/display/state/called-rows.js';
import { callsToAnnounce } from '../../../counter-display/display/state/calls-to-announce.js';
import { waitingRows } from '../../../counter-display/display/state/waiting-rows.js';
import { counterShows, pageCounterNumber } from '../../../counter-display/counter/screen/state/counter-shows.js';

function ticket(id: string, number: string, extra: Partial<TicketView> = {}): TicketView {
  return {
    id,
    number,
    queueId: 'q-a',
    priorityClass: null,
    state: 'waiting',
    issuedAt: 0,
    counterId: null,
    calledAt: null,
    calls: 0,
    targetCounterId: null,
    transfers: 0,
    procedureCode: null,
    ...extra,
  };
}

/** Counter 1 serves A001 (called at 100), counter 2 serves A002 (called at 200, recalled), counter 3 paused. */
function hall(): HallView {
  return {
    seq: 10,
    day: '2026-11-23',
    queues: [
      { id: 'q-a', name: 'Hộ tịch', nameEn: 'Civil status', prefix: 'A', issued: 4, served: 0, issuingHours: null },
      { id: 'q-b', name: 'Đất đai', nameEn: 'Land', prefix: 'B', issued: 0, served: 0, issuingHours: null },
    ],
    counters: [
      {
        id: 'c1',
        number: 1,
        name: 'Quầy 1',
        queueIds: ['q-a'],
        status: 'open',
        pauseReason: null,
        officerId: 'o1',
        currentTicketId: 't1',
        served: 0,
      },
      {
        id: 'c2',
        number: 2,
        name: 'Quầy 2',
        queueIds: ['q-a'],
        status: 'open',
        pauseReason: null,
        officerId: 'o2',
        currentTicketId: 't2',
        served: 0,
      },
      {
        id: 'c3',
        number: 3,
        name: 'Quầy 3',
        queueIds: ['q-b'],
        status: 'paused',
        pauseReason: 'Họp',
        officerId: 'o3',
        currentTicketId: null,
        served: 0,
      },
    ],
    tickets: [
      ticket('t1', 'A001', { state: 'serving', counterId: 'c1', calledAt: 100, calls: 1 }),
      ticket('t2', 'A002', { state: 'called', counterId: 'c2', calledAt: 250, calls: 2 }),
      ticket('t3', 'A003'),
      ticket('t4', 'A004', { state: 'no_show' }),
    ],
    recentCalls: [
      { ticketId: 't2', number: 'A002', counterId: 'c2', at: 250, calls: 2 },
      { ticketId: 't9', number: 'A009', counterId: 'c3', at: 150, calls: 1 },
      { ticketId: 't1', number: 'A001', counterId: 'c1', at: 100, calls: 1 },
    ],
    officerNames: {},
    surveys: [],
  };
}

describe('the hall TV board', () => {
  it('lists counters serving now, newest call first, only the rows and counters the TV covers', () => {
    expect(calledRows(hall(), { callRows: 6, counterIds: null }).map((r) => [r.counterNumber, r.number])).toEqual([
      [2, 'A002'],
      [1, 'A001'],
    ]);
    expect(calledRows(hall(), { callRows: 1, counterIds: null }).map((r) => r.number)).toEqual(['A002']);
    expect(calledRows(hall(), { callRows: 6, counterIds: ['c1', 'c3'] }).map((r) => r.number)).toEqual(['A001']);
  });

  it('highlights the newest call still at its counter, not one that has left it', () => {
    const view = hall();
    expect(newestCall(view, { counterIds: null })?.number).toBe('A002');
    // A009 was called at counter 3 and has since left it: not news for a TV covering counter 3 only.
    expect(newestCall(view, { counterIds: ['c3'] })).toBeNull();
    expect(newestCall(view, { counterIds: ['c1', 'c3'] })?.number).toBe('A001');
  });

  it('counts only waiting tickets per queue (no-shows and called ones are not waiting)', () => {
    expect(waitingRows(hall(), { queueIds: null }).map((r) => [r.prefix, r.waiting])).toEqual([
      ['A', 1],
      ['B', 0],
    ]);
    expect(waitingRows(hall(), { queueIds: ['q-b'] }).map((r) => r.queueId)).toEqual(['q-b']);
  });
});

describe('which calls the TV speaks', () => {
  it('speaks nothing on its first view (a restarted TV must not read out the morning)', () => {
    const first = callsToAnnounce(hall(), null, null);
    expect(first.calls).toEqual([]);
    expect(first.seen.size).toBe(3);
  });

  it('speaks a new call and a recall once each, oldest first, and a repeated snapshot not at all', () => {
    const view = hall();
    let seen = callsToAnnounce(view, null, null).seen;
    const next: HallView = {
      ...view,
      recentCalls: [
        { ticketId: 't3', number: 'A003', counterId: 'c1', at: 400, calls: 1 },
        { ticketId: 't2', number: 'A002', counterId: 'c2', at: 300, calls: 3 },
        ...view.recentCalls.slice(1),
      ],
    };
    const found = callsToAnnounce(next, seen, null);
    expect(found.calls.map((c) => [c.number, c.counterNumber, c.calls])).toEqual([
      ['A002', 2, 3],
      ['A003', 1, 1],
    ]);
    seen = found.seen;
    expect(callsToAnnounce(next, seen, null).calls).toEqual([]);
  });

  it('speaks only the calls of the counters the TV covers', () => {
    const view = hall();
    const seen = callsToAnnounce({ ...view, recentCalls: [] }, null, null).seen;
    expect(callsToAnnounce(view, seen, ['c1']).calls.map((c) => c.number)).toEqual(['A001']);
  });
});

describe('the counter screen', () => {
  it('shows the number served, "paused" with its reason, or nothing when closed', () => {
    const view = hall();
    expect(counterShows(view, 2, null)).toMatchObject({ kind: 'serving', number: 'A002', calls: 2 });
    expect(counterShows(view, 3, null)).toMatchObject({ kind: 'paused', reason: 'Họp' });
    const closed = {
      ...view,
      counters: view.counters.map((c) =>
        c.id === 'c1' ? { ...c, status: 'closed' as const, currentTicketId: null, served: 0 } : c,
      ),
    };
    expect(counterShows(closed, 1, null).kind).toBe('closed');
  });

  it('follows its key without ?counter, and refuses a counter its key is not bound to', () => {
    expect(counterShows(hall(), null, 'c1')).toMatchObject({ kind: 'serving', number: 'A001' });
    expect(counterShows(hall(), 2, 'c1')).toEqual({ kind: 'wrong-counter', boundNumber: 1 });
    expect(counterShows(hall(), 9, null).kind).toBe('unknown-counter');
  });

  it('reads ?counter=N and nothing else', () => {
    expect(pageCounterNumber('?counter=3')).toBe(3);
    expect(pageCounterNumber('?counter=%203%20')).toBe(3);
    expect(pageCounterNumber('?counter=3a')).toBeNull();
    expect(pageCounterNumber('?counter=<script>')).toBeNull();
    expect(pageCounterNumber('')).toBeNull();
  });
});
