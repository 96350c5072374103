import { describe, expect, it } from 'vitest';
import { candidatesFor, counterMayServe, pickNext } from '../../../server/core/call-order.js';
import { callNext } from '../../../server/core/commands/call-next.js';
import { callSpecific } from '../../../server/core/commands/call-specific.js';
import { transfer } from '../../../server/core/commands/transfer.js';
import type { PriorityMode } from '../../../common/domain/priority.js';
import { COUNTERS, Hall, MINUTE, counterDef, hallConfig, priorityPolicy, primary } from '../../helpers/core-fixtures.js';

function hallWith(mode: PriorityMode, ageCapMinutes = 45): Hall {
  return new Hall(hallConfig({ priority: priorityPolicy({ mode, ageCapMinutes }) }));
}

/** Presses Next at a counter `n` times, finishing each call, and returns what was called. */
function pressNext(hall: Hall, counterId: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const ticket = hall.do(callNext, { counterId }, hall.officerAt(counterId)).result.ticket;
    out.push(ticket ? `${ticket.priorityClass === null ? 'N' : 'P'}:${ticket.number}` : '-');
  }
  return out;
}

describe('pickNext', () => {
  it('returns null for an unknown counter or when nobody waits for it', () => {
    const hall = new Hall();
    hall.open('c1');
    expect(pickNext(hall.state, 'zz', hall.now)).toBeNull();
    expect(pickNext(hall.state, 'c1', hall.now)).toBeNull();
    hall.issue('ket-qua');
    expect(pickNext(hall.state, 'c1', hall.now)).toBeNull();
  });

  it('calls the oldest ticket first', () => {
    const hall = new Hall();
    hall.open('c1');
    const first = hall.issue('ho-tich');
    hall.advance(1);
    hall.issue('ho-tich');
    expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(first.id);
  });

  it('breaks ties of issue time by number', () => {
    const hall = new Hall();
    hall.open('c1');
    const numbers = [hall.issue('ho-tich'), hall.issue('ho-tich'), hall.issue('ho-tich')].map((t) => t.number);
    expect(pressNext(hall, 'c1', 3)).toEqual(numbers.map((n) => `N:${n}`));
  });

  it("calls the counter's primary queue before its secondary one, even when the secondary ticket is older", () => {
    const hall = new Hall();
    hall.open('c1');
    hall.issue('dat-dai');
    hall.advance(10);
    const hoTich = hall.issue('ho-tich');
    expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(hoTich.id);
    expect(pickNext(hall.state, 'c2', hall.now)?.queueId).toBe('dat-dai');
  });

  it('helps with the secondary queue when its primary queue is empty', () => {
    const hall = new Hall();
    hall.open('c1');
    const datDai = hall.issue('dat-dai');
    expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(datDai.id);
  });

  describe('strict priority', () => {
    it('calls a waiting priority ticket before older normal ones', () => {
      const hall = hallWith({ kind: 'strict' });
      hall.open('c1');
      hall.issue('ho-tich');
      hall.issue('ho-tich');
      hall.advance(5);
      const p = hall.issue('ho-tich', 'pregnant');
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(p.id);
    });

    it('calls every priority ticket before any normal one, oldest priority first', () => {
      const hall = hallWith({ kind: 'strict' });
      hall.open('c1');
      hall.issue('ho-tich');
      hall.issue('ho-tich', 'elderly');
      hall.issue('ho-tich');
      hall.issue('ho-tich', 'disabled');
      expect(pressNext(hall, 'c1', 4)).toEqual(['P:A002', 'P:A004', 'N:A001', 'N:A003']);
    });

    it('puts priority above the queue role: a priority citizen of the secondary queue goes before normal primary ones', () => {
      const hall = hallWith({ kind: 'strict' });
      hall.open('c1');
      hall.issue('ho-tich');
      const p = hall.issue('dat-dai', 'elderly');
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(p.id);
    });

    it('ranks priority tickets among themselves by role, then age', () => {
      const hall = hallWith({ kind: 'strict' });
      hall.open('c1');
      hall.issue('dat-dai', 'elderly');
      hall.advance(1);
      const primaryP = hall.issue('ho-tich', 'elderly');
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(primaryP.id);
    });
  });

  describe('interleave', () => {
    it('calls one priority ticket after every N normal calls at the counter', () => {
      const hall = hallWith({ kind: 'interleave', every: 2 });
      hall.open('c1');
      for (let i = 0; i < 6; i++) hall.issue('ho-tich');
      for (let i = 0; i < 3; i++) hall.issue('ho-tich', 'elderly');
      expect(pressNext(hall, 'c1', 9).map((s) => s[0])).toEqual(['N', 'N', 'P', 'N', 'N', 'P', 'N', 'N', 'P']);
    });

    it('counts per counter: one counter’s normal calls do not make another call priority', () => {
      const both = [primary('ho-tich')];
      const hall = new Hall(
        hallConfig({
          counters: [counterDef('a', 1, both), counterDef('b', 2, both)],
          priority: priorityPolicy({ mode: { kind: 'interleave', every: 1 } }),
        }),
      );
      hall.open('a');
      hall.open('b');
      for (let i = 0; i < 4; i++) hall.issue('ho-tich');
      hall.issue('ho-tich', 'elderly');
      expect(pressNext(hall, 'a', 1)).toEqual(['N:A001']);
      expect(pressNext(hall, 'b', 1)).toEqual(['N:A002']);
      expect(pressNext(hall, 'a', 1)).toEqual(['P:A005']);
    });

    it('calls normal tickets while no priority waits, then the priority one that comes in', () => {
      const hall = hallWith({ kind: 'interleave', every: 3 });
      hall.open('c1');
      for (let i = 0; i < 5; i++) hall.issue('ho-tich');
      expect(pressNext(hall, 'c1', 4).every((s) => s.startsWith('N'))).toBe(true);
      const p = hall.issue('ho-tich', 'elderly');
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(p.id);
    });

    it('calls priority tickets when no normal one waits, whatever the count', () => {
      const hall = hallWith({ kind: 'interleave', every: 5 });
      hall.open('c1');
      const p = hall.issue('ho-tich', 'elderly');
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(p.id);
    });
  });

  describe('dedicated priority counter', () => {
    it('calls priority tickets first even in interleave mode with no normal calls yet', () => {
      const hall = hallWith({ kind: 'interleave', every: 3 });
      hall.open('cp');
      hall.open('c1');
      hall.issue('ho-tich');
      const p = hall.issue('dat-dai', 'disabled');
      expect(pickNext(hall.state, 'cp', hall.now)?.id).toBe(p.id);
      expect(pickNext(hall.state, 'c1', hall.now)?.priorityClass).toBeNull();
    });

    it('serves normal citizens when no priority one waits', () => {
      const hall = new Hall();
      hall.open('cp');
      const n = hall.issue('dat-dai');
      expect(pickNext(hall.state, 'cp', hall.now)?.id).toBe(n.id);
    });
  });

  describe('age cap', () => {
    it('lets a normal ticket that waited the cap go before a priority one, and not a moment sooner', () => {
      const hall = hallWith({ kind: 'strict' }, 30);
      hall.open('c1');
      const old = hall.issue('ho-tich');
      hall.advance(1);
      const p = hall.issue('ho-tich', 'elderly');
      expect(pickNext(hall.state, 'c1', old.issuedAt + 30 * MINUTE - 1)?.id).toBe(p.id);
      expect(pickNext(hall.state, 'c1', old.issuedAt + 30 * MINUTE)?.id).toBe(old.id);
    });

    it("lets an old ticket of the secondary queue go before the counter's primary queue", () => {
      const hall = hallWith({ kind: 'strict' }, 30);
      hall.open('c1');
      const old = hall.issue('dat-dai');
      hall.advance(29);
      const fresh = hall.issue('ho-tich');
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(fresh.id);
      expect(pickNext(hall.state, 'c1', hall.now + MINUTE)?.id).toBe(old.id);
    });

    it('among overdue tickets, counts a priority one as having waited one cap longer', () => {
      const hall = hallWith({ kind: 'strict' }, 10);
      hall.open('c1');
      const n = hall.issue('ho-tich');
      hall.advance(1);
      const p = hall.issue('ho-tich', 'elderly');
      hall.advance(20);
      // Both are overdue; the priority citizen came less than a cap after the normal one.
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(p.id);
      hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(n.id);
    });

    it('keeps an overdue normal ticket ahead of a priority one that came a cap or more after it', () => {
      const hall = hallWith({ kind: 'strict' }, 10);
      hall.open('c1');
      const n = hall.issue('ho-tich');
      hall.advance(10);
      hall.issue('ho-tich', 'elderly');
      hall.advance(11);
      expect(pickNext(hall.state, 'c1', hall.now)?.id).toBe(n.id);
    });

    it('also holds at a dedicated priority counter', () => {
      const hall = hallWith({ kind: 'strict' }, 15);
      hall.open('cp');
      const n = hall.issue('ho-tich');
      hall.advance(15);
      hall.issue('ho-tich', 'elderly');
      expect(pickNext(hall.state, 'cp', hall.now)?.id).toBe(n.id);
    });

    it('makes starving a normal ticket behind a stream of priority ones impossible past the cap', () => {
      const cap = 30;
      const hall = hallWith({ kind: 'strict' }, cap);
      hall.open('c1');
      hall.issue('ho-tich', 'elderly');
      hall.advance(0.5);
      const normal = hall.issue('ho-tich');
      let calledAt: number | null = null;
      // One priority citizen comes every minute; the counter serves one every two: priority never runs out.
      for (let minute = 1; minute <= 3 * cap && calledAt === null; minute++) {
        hall.advance(0.5);
        hall.issue('ho-tich', 'elderly');
        hall.advance(0.5);
        if (minute % 2 === 0 && hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1')).result.ticket?.id === normal.id) {
          calledAt = hall.now;
        }
      }
      expect(calledAt).not.toBeNull();
      // It waited behind exactly the priority citizens who came less than a cap after it, no others.
      const ahead = [...hall.state.tickets.values()].filter(
        (t) => t.priorityClass !== null && t.firstCalledAt !== null && t.firstCalledAt <= (calledAt ?? 0),
      );
      expect(ahead.length).toBeGreaterThan(0);
      expect(ahead.every((t) => t.issuedAt < normal.issuedAt + cap * MINUTE)).toBe(true);
      // Once overdue it goes at the first Next that finds no overdue priority citizen of earlier rank.
      expect(calledAt).toBeGreaterThanOrEqual(normal.issuedAt + cap * MINUTE);
      expect(calledAt).toBeLessThanOrEqual(normal.issuedAt + (cap + 4) * MINUTE);
    });
  });

  describe('transfers', () => {
    it('calls tickets sent to this counter before anything else, even overdue priority ones', () => {
      const hall = hallWith({ kind: 'strict' }, 10);
      hall.open('c1');
      hall.open('c2');
      hall.issue('dat-dai', 'elderly');
      hall.advance(30);
      const sent = hall.issue('ho-tich');
      hall.do(callSpecific, { counterId: 'c1', ticketId: sent.id }, hall.officerAt('c1'));
      hall.do(transfer, { counterId: 'c1', toCounterId: 'c2' }, hall.officerAt('c1'));
      expect(pickNext(hall.state, 'c2', hall.now)?.id).toBe(sent.id);
    });

    it('keeps the place of a ticket sent to another queue: it goes before those issued after it', () => {
      const hall = new Hall();
      hall.open('c1');
      hall.open('c3');
      hall.issue('ket-qua');
      const moved = hall.issue('ho-tich');
      hall.advance(5);
      const later = hall.issue('ket-qua');
      hall.do(callNext, { counterId: 'c1' }, hall.officerAt('c1'));
      hall.advance(5);
      hall.do(transfer, { counterId: 'c1', toQueueId: 'ket-qua' }, hall.officerAt('c1'));
      expect(pressNext(hall, 'c3', 3)).toEqual(['N:C01', `N:${moved.number}`, `N:${later.number}`]);
    });
  });
});

describe('candidatesFor and counterMayServe', () => {
  it('agree: a counter may serve exactly the waiting tickets it may call', () => {
    const hall = new Hall();
    for (const c of ['c1', 'c2', 'c3']) hall.open(c);
    hall.issue('ho-tich');
    hall.issue('dat-dai');
    hall.issue('ket-qua');
    const sent = hall.issue('ho-tich');
    hall.do(callSpecific, { counterId: 'c1', ticketId: sent.id }, hall.officerAt('c1'));
    hall.do(transfer, { counterId: 'c1', toCounterId: 'c3' }, hall.officerAt('c1'));
    for (const def of Object.values(COUNTERS)) {
      const ids = candidatesFor(hall.state, def)
        .map((t) => t.id)
        .sort();
      const mayServe = [...hall.state.tickets.values()]
        .filter((t) => t.state === 'waiting' && counterMayServe(hall.state, def, t))
        .map((t) => t.id)
        .sort();
      expect(ids).toEqual(mayServe);
    }
    expect(
      candidatesFor(hall.state, COUNTERS.c3)
        .map((t) => t.queueId)
        .sort(),
    ).toEqual(['ho-tich', 'ket-qua']);
    expect(candidatesFor(hall.state, COUNTERS.c1).map((t) => t.id)).not.toContain(sent.id);
  });
});
