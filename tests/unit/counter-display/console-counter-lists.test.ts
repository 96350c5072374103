import { describe, expect, it } from 'vitest';
import {
  clockOf,
  counterHeldBy,
  currentTicketOf,
  noShowRows,
  recallsOf,
  waitingRows,
} from '../../../counter-display/counter/state/counter-lists.js';
import { hallView, openAt1, ticket } from './console-view-fixture.js';

describe('the counter lists the console shows', () => {
  it('lists the waiting tickets of the counter’s queues, sent-here ones first, then by issue time', () => {
    const a2 = ticket('A002', { issuedAt: 2000 });
    const a1 = ticket('A001', { issuedAt: 1000 });
    const b1 = ticket('B001', { issuedAt: 1500 });
    const sentHere = ticket('B009', { issuedAt: 9000, targetCounterId: 'quay-1', transfers: 1 });
    const called = ticket('A003', { state: 'called', counterId: 'quay-1', calledAt: 5000, calls: 1 });
    const view = openAt1([a2, a1, b1, sentHere, called], called.id);
    const rows = waitingRows(view, 'quay-1', 10_000);
    expect(rows.map((r) => r.ticket.number)).toEqual(['B009', 'A001', 'B001', 'A002']);
    expect(rows.map((r) => r.toThisCounter)).toEqual([true, false, false, false]);
    expect(rows[1]?.waitedMs).toBe(9000);
  });

  it('leaves out tickets sent to another open counter, and takes them back when it closes', () => {
    const toTwo = ticket('B002', { targetCounterId: 'quay-2' });
    const open2 = hallView({
      tickets: [toTwo],
      counters: { 'quay-1': { status: 'open', officerId: 'canbo1' }, 'quay-2': { status: 'open', officerId: 'canbo2' } },
    });
    expect(waitingRows(open2, 'quay-1', 0)).toEqual([]);
    expect(waitingRows(open2, 'quay-2', 0).map((r) => r.ticket.number)).toEqual(['B002']);
    const closed2 = hallView({ tickets: [toTwo], counters: { 'quay-1': { status: 'open', officerId: 'canbo1' } } });
    expect(waitingRows(closed2, 'quay-1', 0).map((r) => r.ticket.number)).toEqual(['B002']);
  });

  it('does not list another queue’s tickets, nor an unknown counter’s', () => {
    const view = openAt1([ticket('A001')]);
    expect(waitingRows(view, 'quay-2', 0)).toEqual([]);
    expect(waitingRows(view, 'quay-9', 0)).toEqual([]);
  });

  it('lists no-shows marked here or of the counter’s queues, newest first', () => {
    const here = ticket('A001', { state: 'no_show', counterId: 'quay-1', calledAt: 100 });
    const sameQueue = ticket('B004', { state: 'no_show', counterId: 'quay-2', calledAt: 300 });
    const view = openAt1([here, sameQueue, ticket('A002')]);
    expect(noShowRows(view, 'quay-1').map((t) => t.number)).toEqual(['B004', 'A001']);
    expect(noShowRows(view, 'quay-2').map((t) => t.number)).toEqual(['B004']);
  });

  it('takes the current ticket and the officer’s counter from the hub’s view', () => {
    const called = ticket('A001', { state: 'called', counterId: 'quay-1', calls: 3 });
    const view = openAt1([called], called.id);
    expect(currentTicketOf(view, 'quay-1')?.number).toBe('A001');
    expect(currentTicketOf(view, 'quay-2')).toBeNull();
    expect(counterHeldBy(view, 'canbo1')?.id).toBe('quay-1');
    expect(counterHeldBy(view, 'canbo2')).toBeNull();
    expect(recallsOf(called)).toBe(2);
    expect(recallsOf(ticket('A009'))).toBe(0);
  });

  it('reads durations as a clock', () => {
    expect(clockOf(0)).toBe('00:00');
    expect(clockOf(155_400)).toBe('02:35');
    expect(clockOf(3_725_000)).toBe('1:02:05');
    expect(clockOf(-5)).toBe('00:00');
  });
});
