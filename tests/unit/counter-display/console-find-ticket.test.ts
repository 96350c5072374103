import { describe, expect, it } from 'vitest';
import { findTicketByNumber } from '../../../counter-display/counter/state/find-ticket.js';
import { openAt1, ticket } from './console-view-fixture.js';

describe('finding a ticket by the number an officer types', () => {
  const a3 = ticket('A003');
  const b3 = ticket('B003');
  const b12 = ticket('B012', { state: 'called', counterId: 'quay-2', calls: 1 });
  const view = openAt1([a3, b3, b12]);

  it('finds the exact number, in any case and with spaces', () => {
    expect(findTicketByNumber(view, 'quay-1', 'B003')).toEqual({ ok: true, ticket: b3 });
    expect(findTicketByNumber(view, 'quay-1', ' b 003 ')).toEqual({ ok: true, ticket: b3 });
  });

  it('reads a number typed without its zeros', () => {
    expect(findTicketByNumber(view, 'quay-1', 'b3')).toEqual({ ok: true, ticket: b3 });
    expect(findTicketByNumber(view, 'quay-1', '12')).toEqual({ ok: true, ticket: b12 });
  });

  it('asks for the letter when a bare number fits tickets of several queues the counter may call', () => {
    expect(findTicketByNumber(view, 'quay-1', '3')).toEqual({ ok: false, reason: 'ambiguous' });
    // Counter 2 serves queue B only, so "3" can only mean B003 there.
    expect(findTicketByNumber(view, 'quay-2', '3')).toEqual({ ok: true, ticket: b3 });
  });

  it('returns a ticket that is no longer waiting, so the hub can say why it refuses', () => {
    expect(findTicketByNumber(view, 'quay-1', 'B012')).toEqual({ ok: true, ticket: b12 });
  });

  it('says when nothing was typed or nothing matches', () => {
    expect(findTicketByNumber(view, 'quay-1', '  ')).toEqual({ ok: false, reason: 'empty' });
    expect(findTicketByNumber(view, 'quay-1', 'C003')).toEqual({ ok: false, reason: 'not-found' });
    expect(findTicketByNumber(view, 'quay-1', '99')).toEqual({ ok: false, reason: 'not-found' });
    expect(findTicketByNumber(view, 'quay-1', 'A-3')).toEqual({ ok: false, reason: 'not-found' });
  });
});
