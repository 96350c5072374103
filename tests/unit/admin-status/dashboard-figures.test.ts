import { describe, expect, it } from 'vitest';
import type { AdminDeviceStatus, AdminStatus } from '../../../common/contract/admin-status.js';
import type { HallView, TicketView } from '../../../common/contract/hall-view.js';
import {
  counterRows,
  dayTotals,
  devicesByConcern,
  minutesBetween,
  queueFigures,
} from '../../../admin/screens/dashboard/dashboard-figures.js';
import { durationText, whenText } from '../../../admin/screens/dashboard/dashboard-text.js';

const T0 = Date.UTC(2026, 10, 23, 2, 0); // 09:00 in Hà Nội
const ticket = (
  id: string,
  queueId: string,
  state: TicketView['state'],
  issuedAt: number,
  over: Partial<TicketView> = {},
): TicketView => ({
  id,
  number: id.toUpperCase(),
  queueId,
  priorityClass: null,
  state,
  issuedAt,
  counterId: null,
  calledAt: null,
  calls: 0,
  targetCounterId: null,
  transfers: 0,
  procedureCode: null,
  ...over,
});
const queue = (id: string, issued: number, served: number) => ({
  id,
  name: id,
  nameEn: id,
  prefix: id.toUpperCase(),
  issued,
  served,
  issuingHours: null,
});
const view: HallView = {
  seq: 9,
  day: '2026-11-23',
  queues: [queue('a', 5, 2), queue('b', 1, 0)],
  counters: [
    {
      id: 'q2',
      number: 2,
      name: 'Quầy 2',
      queueIds: ['b'],
      status: 'paused',
      pauseReason: 'Họp',
      officerId: 'x',
      currentTicketId: null,
      served: 0,
    },
    {
      id: 'q1',
      number: 1,
      name: 'Quầy 1',
      queueIds: ['a'],
      status: 'open',
      pauseReason: null,
      officerId: 'y',
      currentTicketId: 'a3',
      served: 2,
    },
    {
      id: 'q3',
      number: 3,
      name: 'Quầy 3',
      queueIds: ['a'],
      status: 'closed',
      pauseReason: null,
      officerId: null,
      currentTicketId: null,
      served: 0,
    },
  ],
  tickets: [
    ticket('a3', 'a', 'serving', T0, { counterId: 'q1', calledAt: T0 + 60_000 }),
    ticket('a4', 'a', 'waiting', T0 + 120_000),
    ticket('a5', 'a', 'waiting', T0 + 60_000),
    ticket('a6', 'a', 'no_show', T0 + 30_000),
    ticket('b1', 'b', 'called', T0),
  ],
  recentCalls: [],
  officerNames: { y: 'Nguyễn Thị Lan' },
  surveys: [],
};

describe('the dashboard figures from the hall view', () => {
  it('counts waiting per queue and finds the longest wait among the waiting only', () => {
    expect(queueFigures(view)).toEqual([
      { id: 'a', name: 'a', nameEn: 'a', prefix: 'A', waiting: 2, oldestSince: T0 + 60_000, served: 2 },
      { id: 'b', name: 'b', nameEn: 'b', prefix: 'B', waiting: 0, oldestSince: null, served: 0 },
    ]);
    expect(dayTotals(view)).toEqual({ issued: 6, served: 2, waiting: 2, noShow: 1 });
  });

  it('orders counters by number, with ticket, officer (id when the name is unknown) and since', () => {
    const status = { counters: [{ id: 'q1', since: T0 }] } as unknown as AdminStatus;
    expect(counterRows(view, status).map((c) => [c.number, c.ticketNumber, c.officerName, c.since, c.pauseReason])).toEqual([
      [1, 'A3', 'Nguyễn Thị Lan', T0, null],
      [2, null, 'x', null, 'Họp'],
      [3, null, null, null, null],
    ]);
    expect(counterRows(view, null)[0]!.ticketCalledAt).toBe(T0 + 60_000);
  });

  it('puts problems first, then the offline, and reads minutes and times as people say them', () => {
    const d = (id: string, state: AdminDeviceStatus['state']) => ({ id, name: id, state }) as AdminDeviceStatus;
    expect(devicesByConcern([d('b', 'ok'), d('c', 'offline'), d('a', 'problem'), d('d', 'unknown')]).map((x) => x.id)).toEqual([
      'a',
      'c',
      'd',
      'b',
    ]);
    expect(minutesBetween(T0, T0 + 59_999)).toBe(0);
    expect(minutesBetween(T0 + 5000, T0)).toBe(0); // a PC clock a little behind never shows a negative wait
    expect(durationText(0).vi).toBe('dưới 1 phút');
    expect(durationText(42).vi).toBe('42 phút');
    expect(durationText(65)).toEqual({ vi: '1 giờ 05 phút', en: '1 h 05 min' });
    expect(whenText(T0, T0 + 3_600_000)).toBe('09:00');
    expect(whenText(T0, T0 + 86_400_000)).toBe('09:00 23/11');
  });
});
