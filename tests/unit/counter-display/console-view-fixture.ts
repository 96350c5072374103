import type { CounterView, HallView, QueueView, TicketView } from '../../../common/contract/hall-view.js';

/** A small hall as screens receive it: queues A and B, counters 1 (A, B) and 2 (B), officer canbo1 at 1. */
export function hallView(
  over: { tickets?: TicketView[]; counters?: Partial<Record<string, Partial<CounterView>>> } = {},
): HallView {
  const queue = (id: string, prefix: string): QueueView => ({
    id,
    name: `Lĩnh vực ${prefix}`,
    nameEn: `Queue ${prefix}`,
    prefix,
    issued: 0,
    served: 0,
    issuingHours: null,
  });
  const counter = (id: string, number: number, queueIds: string[]): CounterView => ({
    id,
    number,
    name: `Quầy ${number}`,
    queueIds,
    status: 'closed',
    pauseReason: null,
    officerId: null,
    currentTicketId: null,
    served: 0,
    ...over.counters?.[id],
  });
  const view: Omit<HallView, 'surveys'> = {
    seq: 1,
    day: '2026-11-23',
    queues: [queue('qa', 'A'), queue('qb', 'B')],
    counters: [counter('quay-1', 1, ['qa', 'qb']), counter('quay-2', 2, ['qb'])],
    tickets: over.tickets ?? [],
    recentCalls: [],
    officerNames: { canbo1: 'Nguyễn Thị Lan', canbo2: 'Trần Văn Hùng' },
  };
  // The survey chances are another feature's part of the view (being added alongside); the console
  // does not read them, so the fixture compiles with or without them.
  return { ...view, surveys: [] } as HallView;
}

let n = 0;
export function ticket(number: string, over: Partial<TicketView> = {}): TicketView {
  return {
    id: `t-${number}-${++n}`,
    number,
    queueId: number.startsWith('A') ? 'qa' : 'qb',
    priorityClass: null,
    state: 'waiting',
    issuedAt: 1_000_000,
    counterId: null,
    calledAt: null,
    calls: 0,
    targetCounterId: null,
    transfers: 0,
    procedureCode: null,
    ...over,
  };
}

/** Counter 1 open by canbo1, serving `current` (put in the view as called). */
export function openAt1(tickets: TicketView[], currentId: string | null = null, status: 'open' | 'paused' = 'open'): HallView {
  return hallView({
    tickets,
    counters: { 'quay-1': { status, officerId: 'canbo1', currentTicketId: currentId } },
  });
}
