import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callNext } from '../../../server/core/commands/call-next.js';
import { issueTicket } from '../../../server/core/commands/issue-ticket.js';
import { supervisor, Hall, KIOSK, MINUTE } from '../../helpers/core-fixtures.js';
import { COUNTER_IDS, configArb, dayArb, openEveryCounter, runStep } from './random-hall.js';

/**
 * Why the bound holds. Once every counter is open and the officers press Next each round, take a
 * waiting ticket T. After ceil(cap / dtMin) rounds T is past the age cap. From then on, a counter C
 * that may call T picks, before T, only tickets sent to C (no new transfers happen here, so at most
 * those waiting when the phase began) or overdue tickets older than T (issued no later than T, a set
 * that new arrivals cannot grow, counted among the tickets waiting in this phase). Each such pick shrinks one of those sets, so T is called within
 * ceil(cap / dtMin) + older(T) + targeted + 1 rounds of its issue (or of the phase's start).
 */
describe('liveness', () => {
  it('calls every waiting ticket within the derived bound while officers keep pressing Next', () => {
    fc.assert(
      fc.property(
        configArb,
        dayArb(40, { rollDay: false }),
        fc.integer({ min: 1, max: 5 }),
        // Rounds of arrivals, sometimes faster than the counters can serve, with many priority citizens.
        fc.array(
          fc.record({
            tickets: fc.array(fc.record({ queue: fc.nat({ max: 2 }), priority: fc.constantFrom(true, true, false) }), {
              maxLength: 8,
              size: 'max',
            }),
            dt: fc.integer({ min: 0, max: 4 }),
          }),
          { maxLength: 25, size: 'max' },
        ),
        (config, prefix, dtMin, arrivals) => {
          const hall = new Hall(config);
          prefix.forEach((s) => runStep(hall, s));
          openEveryCounter(hall);

          const queueIds = config.queues.map((q) => q.id);
          const targetedAtStart = [...hall.state.tickets.values()].filter(
            (t) => t.state === 'waiting' && t.targetCounterId !== null,
          ).length;
          const issuedAt = new Map<string, number>();
          const issueRound = new Map<string, number>();
          for (const t of hall.state.tickets.values()) {
            issuedAt.set(t.id, t.issuedAt);
            if (t.state === 'waiting') issueRound.set(t.id, 0);
          }
          const calledRound = new Map<string, number>();
          const capRounds = Math.ceil((config.priority.ageCapMinutes * MINUTE) / (dtMin * MINUTE));
          const arriving = arrivals.reduce((n, r) => n + r.tickets.length, 0);
          const maxRounds = capRounds + issuedAt.size + arriving + arrivals.length + targetedAtStart + 2;

          for (let round = 0; round < maxRounds; round++) {
            const arrival = arrivals[round];
            for (const { queue, priority } of arrival?.tickets ?? []) {
              const d = hall.try(
                issueTicket,
                { queueId: queueIds[queue] ?? '', priorityClass: priority ? 'elderly' : null },
                KIOSK,
              );
              if (d.ok) {
                issuedAt.set(d.result.ticket.id, d.result.ticket.issuedAt);
                issueRound.set(d.result.ticket.id, round);
              }
            }
            hall.now += (dtMin + (arrival?.dt ?? 0)) * MINUTE;
            for (const counterId of COUNTER_IDS) {
              const d = hall.try(callNext, { counterId }, supervisor());
              if (d.ok && d.result.ticket && !calledRound.has(d.result.ticket.id)) calledRound.set(d.result.ticket.id, round);
            }
          }

          for (const [id, from] of issueRound) {
            // Only tickets waiting in this phase can be called before T; none returns or is transferred here.
            const older = [...issueRound.keys()].filter(
              (other) => other !== id && (issuedAt.get(other) ?? 0) <= (issuedAt.get(id) ?? 0),
            ).length;
            const bound = from + capRounds + older + targetedAtStart;
            const at = calledRound.get(id);
            expect(at, `ticket ${id} (from round ${from}) never called`).toBeDefined();
            expect(at ?? Infinity, `ticket ${id} called at round ${at}, bound ${bound}`).toBeLessThanOrEqual(bound);
          }
          expect([...hall.state.tickets.values()].filter((t) => t.state === 'waiting')).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
