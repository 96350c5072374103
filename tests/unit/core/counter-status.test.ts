import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from '../../../server/core/commands/counter-status.js';
import { finish } from '../../../server/core/commands/finish.js';
import { recall } from '../../../server/core/commands/recall.js';
import { SYSTEM_ACTOR } from '../../../server/core/decision.js';
import { Hall, KIOSK, officer, supervisor } from '../../helpers/core-fixtures.js';

describe('openCounter', () => {
  it('opens a closed counter for the officer who asks', () => {
    const hall = new Hall();
    hall.advance(3);
    const { events } = hall.do(openCounter, { counterId: 'c1' }, officer('lan'));
    expect(events).toEqual([{ type: 'counter:opened', at: hall.now, counterId: 'c1', officerId: 'lan' }]);
    expect(hall.counter('c1')).toMatchObject({ status: 'open', officerId: 'lan', since: hall.now, pauseReason: null });
  });

  it('is a no-op for the officer who already holds it (a console reloading)', () => {
    const hall = new Hall();
    hall.open('c1', 'lan');
    const { events } = hall.do(openCounter, { counterId: 'c1' }, officer('lan'));
    expect(events).toEqual([]);
  });

  it('refuses COUNTER_TAKEN when another officer holds it, open or paused', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(openCounter, { counterId: 'c1' }, officer('minh'))).toBe('COUNTER_TAKEN');
    hall.do(pauseCounter, { counterId: 'c1', reason: 'họp' }, lan);
    expect(hall.refusal(openCounter, { counterId: 'c1' }, officer('minh'))).toBe('COUNTER_TAKEN');
    expect(hall.refusal(openCounter, { counterId: 'c1' }, supervisor())).toBe('COUNTER_TAKEN');
  });

  it('refuses OFFICER_AT_OTHER_COUNTER: an officer holds one counter at a time', () => {
    const hall = new Hall();
    hall.open('c1', 'lan');
    expect(hall.refusal(openCounter, { counterId: 'c2' }, officer('lan'))).toBe('OFFICER_AT_OTHER_COUNTER');
    hall.do(closeCounter, { counterId: 'c1' }, officer('lan'));
    hall.do(openCounter, { counterId: 'c2' }, officer('lan'));
    expect(hall.counter('c2').officerId).toBe('lan');
  });

  it('refuses FORBIDDEN for an actor that is no person (a kiosk, the system)', () => {
    const hall = new Hall();
    expect(hall.refusal(openCounter, { counterId: 'c1' }, KIOSK)).toBe('FORBIDDEN');
    expect(hall.refusal(openCounter, { counterId: 'c1' }, SYSTEM_ACTOR)).toBe('FORBIDDEN');
  });

  it('refuses COUNTER_NOT_FOUND for an unknown counter', () => {
    expect(new Hall().refusal(openCounter, { counterId: 'c99' }, officer('lan'))).toBe('COUNTER_NOT_FOUND');
  });

  it('restarts the interleave count, so a new shift does not inherit the last one', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(finish, { counterId: 'c1' }, lan);
    expect(hall.counter('c1').normalsSincePriority).toBe(1);
    hall.do(closeCounter, { counterId: 'c1' }, lan);
    hall.open('c1', 'minh');
    expect(hall.counter('c1').normalsSincePriority).toBe(0);
  });
});

describe('pauseCounter and resumeCounter', () => {
  it('pauses with a reason and keeps the current ticket', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(1);
    const { events } = hall.do(pauseCounter, { counterId: 'c1', reason: 'Nghỉ trưa' }, lan);
    expect(events).toEqual([{ type: 'counter:paused', at: hall.now, counterId: 'c1', reason: 'Nghỉ trưa' }]);
    expect(hall.counter('c1')).toMatchObject({
      status: 'paused',
      pauseReason: 'Nghỉ trưa',
      currentTicketId: t.id,
      officerId: 'lan',
    });
    expect(hall.ticket(t.id).state).toBe('called');
  });

  it('lets the officer finish while paused, but not call anyone new nor recall into the hall', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const t = hall.issue('ho-tich');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, lan);
    expect(hall.refusal(callNext, { counterId: 'c1' }, lan)).toBe('COUNTER_PAUSED');
    expect(hall.refusal(recall, { counterId: 'c1' }, lan)).toBe('COUNTER_PAUSED');
    hall.do(finish, { counterId: 'c1' }, lan);
    expect(hall.ticket(t.id).state).toBe('done');
    expect(hall.counter('c1').currentTicketId).toBeNull();
  });

  it('refuses COUNTER_PAUSED when pausing twice and COUNTER_NOT_PAUSED when resuming an open counter', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(resumeCounter, { counterId: 'c1' }, lan)).toBe('COUNTER_NOT_PAUSED');
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, lan);
    expect(hall.refusal(pauseCounter, { counterId: 'c1', reason: 'y' }, lan)).toBe('COUNTER_PAUSED');
    hall.advance(15);
    const { events } = hall.do(resumeCounter, { counterId: 'c1' }, lan);
    expect(events).toEqual([{ type: 'counter:resumed', at: hall.now, counterId: 'c1' }]);
    expect(hall.counter('c1')).toMatchObject({ status: 'open', pauseReason: null, since: hall.now });
  });

  it('refuses COUNTER_CLOSED on a closed counter and COUNTER_NOT_FOUND on an unknown one', () => {
    const hall = new Hall();
    expect(hall.refusal(pauseCounter, { counterId: 'c1', reason: 'x' }, officer('lan'))).toBe('COUNTER_CLOSED');
    expect(hall.refusal(resumeCounter, { counterId: 'c1' }, officer('lan'))).toBe('COUNTER_CLOSED');
    expect(hall.refusal(pauseCounter, { counterId: 'zz', reason: 'x' }, officer('lan'))).toBe('COUNTER_NOT_FOUND');
    expect(hall.refusal(resumeCounter, { counterId: 'zz' }, officer('lan'))).toBe('COUNTER_NOT_FOUND');
  });

  it('refuses NOT_YOUR_COUNTER to another officer, not to a supervisor', () => {
    const hall = new Hall();
    hall.open('c1', 'lan');
    expect(hall.refusal(pauseCounter, { counterId: 'c1', reason: 'x' }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, supervisor());
    expect(hall.refusal(resumeCounter, { counterId: 'c1' }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
    hall.do(resumeCounter, { counterId: 'c1' }, supervisor());
    expect(hall.counter('c1')).toMatchObject({ status: 'open', officerId: 'lan' });
  });
});

describe('closeCounter', () => {
  it('closes an idle counter and lets its officer go', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const { events } = hall.do(closeCounter, { counterId: 'c1' }, lan);
    expect(events).toEqual([{ type: 'counter:closed', at: hall.now, counterId: 'c1' }]);
    expect(hall.counter('c1')).toMatchObject({ status: 'closed', officerId: null, currentTicketId: null });
  });

  it('closes a paused counter too', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.do(pauseCounter, { counterId: 'c1', reason: 'x' }, lan);
    hall.do(closeCounter, { counterId: 'c1' }, lan);
    expect(hall.counter('c1')).toMatchObject({ status: 'closed', pauseReason: null });
  });

  it('refuses COUNTER_BUSY while a ticket is current, even to a supervisor', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, lan);
    expect(hall.refusal(closeCounter, { counterId: 'c1' }, lan)).toBe('COUNTER_BUSY');
    expect(hall.refusal(closeCounter, { counterId: 'c1' }, supervisor())).toBe('COUNTER_BUSY');
    hall.do(finish, { counterId: 'c1' }, lan);
    hall.do(closeCounter, { counterId: 'c1' }, lan);
    expect(hall.counter('c1').status).toBe('closed');
  });

  it('refuses NOT_YOUR_COUNTER to another officer; a supervisor may close it', () => {
    const hall = new Hall();
    hall.open('c1', 'lan');
    expect(hall.refusal(closeCounter, { counterId: 'c1' }, officer('minh'))).toBe('NOT_YOUR_COUNTER');
    hall.do(closeCounter, { counterId: 'c1' }, supervisor());
    expect(hall.counter('c1').status).toBe('closed');
  });

  it('is a no-op on a closed counter and refuses COUNTER_NOT_FOUND on an unknown one', () => {
    const hall = new Hall();
    expect(hall.do(closeCounter, { counterId: 'c1' }, officer('lan')).events).toEqual([]);
    expect(hall.refusal(closeCounter, { counterId: 'nope' }, officer('lan'))).toBe('COUNTER_NOT_FOUND');
  });
});
