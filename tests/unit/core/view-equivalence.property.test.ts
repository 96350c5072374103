import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyHallFact, type HallFact, type HallView } from '../../../common/contract/hall-view.js';
import type { HallEvent } from '../../../server/core/events.js';
import { hallView, publicEvent } from '../../../server/core/hall-view.js';
import { Hall } from '../../helpers/core-fixtures.js';
import { configArb, dayArb, runStep } from './random-hall.js';

/** The order of the tickets array is not part of the contract; everything else is. */
function comparable(view: HallView): HallView {
  return { ...view, tickets: [...view.tickets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

function facts(events: readonly HallEvent[], firstSeq: number): HallFact[] {
  return events.map((e, i) => ({ ...publicEvent(e), seq: firstSeq + i }));
}

describe('a screen that applies the broadcast facts', () => {
  it('shows what the hub would send as a fresh snapshot, after every command', () => {
    fc.assert(
      fc.property(configArb, dayArb(60), (config, steps) => {
        const hall = new Hall(config);
        let screen = hallView(hall.state, 0, {});
        let seq = 0;
        for (const step of steps) {
          const d = runStep(hall, step);
          if (!d.ok) continue;
          for (const fact of facts(d.events, seq + 1)) screen = applyHallFact(screen, fact);
          seq += d.events.length;
          expect(comparable(screen)).toEqual(comparable(hallView(hall.state, seq, {})));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('catches up from a snapshot taken at any point of the day', () => {
    fc.assert(
      fc.property(configArb, dayArb(60), fc.nat(), (config, steps, cut) => {
        const hall = new Hall(config);
        const cutAt = cut % (steps.length + 1);
        steps.slice(0, cutAt).forEach((s) => runStep(hall, s));
        const joinedAt = hall.log.length;
        let screen = hallView(hall.state, joinedAt, {});
        steps.slice(cutAt).forEach((s) => runStep(hall, s));
        for (const fact of facts(hall.log.slice(joinedAt), joinedAt + 1)) screen = applyHallFact(screen, fact);
        expect(screen.seq).toBe(hall.log.length);
        expect(comparable(screen)).toEqual(comparable(hallView(hall.state, hall.log.length, {})));
      }),
      { numRuns: 150 },
    );
  });

  it('never carries the phone number in a public fact, though the hub keeps it', () => {
    fc.assert(
      fc.property(configArb, dayArb(30), (config, steps) => {
        const hall = new Hall(config);
        steps.forEach((s) => runStep(hall, s));
        for (const fact of facts(hall.log, 1)) expect(JSON.stringify(fact)).not.toContain('0912345678');
        const issued = hall.log.filter((e) => e.type === 'ticket:issued');
        expect(issued.some((e) => e.ticket.phone !== null)).toBe(
          issued.some((e) => e.ticket.queueId === 'ho-tich' || e.ticket.queueId === 'ket-qua'),
        );
      }),
      { numRuns: 50 },
    );
  });
});
