import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTicketNumber } from '../../../common/domain/queue.js';
import { touchedBy, type HallEvent } from '../../../server/core/events.js';
import { evolve } from '../../../server/core/evolve.js';
import type { HallState } from '../../../server/core/hall-state.js';
import { Hall } from '../../helpers/core-fixtures.js';
import { configArb, dayArb, runStep, stateSnapshot } from './random-hall.js';

const RUNS = { numRuns: 200 };
const day = dayArb(60);

/** Checks that hold after every command, whatever happened before. */
function checkCounters(state: HallState): void {
  const holders = new Map<string, string>();
  for (const c of state.counters.values()) {
    if (c.currentTicketId === null) continue;
    expect(holders.has(c.currentTicketId), `ticket ${c.currentTicketId} current at two counters`).toBe(false);
    holders.set(c.currentTicketId, c.id);
    expect(c.status, `closed counter ${c.id} holds a ticket`).not.toBe('closed');
    const t = state.tickets.get(c.currentTicketId);
    expect(t?.state === 'called' || t?.state === 'serving', `counter ${c.id} holds a ${t?.state ?? 'missing'} ticket`).toBe(true);
    expect(t?.counterId).toBe(c.id);
  }
  for (const t of state.tickets.values()) {
    if (t.state === 'called' || t.state === 'serving')
      expect(holders.get(t.id), `${t.state} ticket ${t.id} has no counter`).toBe(t.counterId);
  }
  const officers = [...state.counters.values()].filter((c) => c.status !== 'closed').map((c) => c.officerId);
  expect(new Set(officers).size, 'an officer holds two counters').toBe(officers.length);
}

function changedKeys<V>(before: ReadonlyMap<string, V>, after: ReadonlyMap<string, V>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)));
}

describe('the hall under random commands', () => {
  it('never serves a ticket twice, never holds one ticket at two counters, and keeps counters and tickets in step', () => {
    fc.assert(
      fc.property(configArb, day, (config, steps) => {
        const hall = new Hall(config);
        const finished = new Set<string>();
        for (const step of steps) {
          const d = runStep(hall, step);
          if (!d.ok) continue;
          for (const e of d.events) {
            if (e.type !== 'ticket:finished') continue;
            expect(finished.has(e.ticketId), `ticket ${e.ticketId} finished twice`).toBe(false);
            finished.add(e.ticketId);
          }
          checkCounters(hall.state);
        }
      }),
      RUNS,
    );
  });

  it('never repeats a ticket number within a day, and numbers follow the series', () => {
    fc.assert(
      fc.property(configArb, day, (config, steps) => {
        const hall = new Hall(config);
        let numbers = new Set<string>();
        for (const step of steps) {
          const d = runStep(hall, step);
          if (!d.ok) continue;
          for (const e of d.events) {
            if (e.type === 'day:rolled') numbers = new Set();
            if (e.type !== 'ticket:issued') continue;
            const t = e.ticket;
            expect(numbers.has(t.number), `${t.number} given twice on ${t.day}`).toBe(false);
            numbers.add(t.number);
            const series = config.queues.find((q) => q.id === t.issuedQueueId)?.series;
            expect(series && t.seqNo >= series.start && t.number === formatTicketNumber(series, t.seqNo)).toBe(true);
            expect(t.number.length).toBe((series?.prefix.length ?? 0) + (series?.width ?? 0));
          }
        }
      }),
      RUNS,
    );
  });

  it('decides without touching the state it is given, and a refusal leaves it as it was', () => {
    fc.assert(
      fc.property(configArb, day, (config, steps) => {
        const hall = new Hall(config);
        for (const step of steps) {
          const before = hall.state;
          const snapshot = stateSnapshot(before);
          const d = runStep(hall, step);
          expect(stateSnapshot(before)).toBe(snapshot);
          if (!d.ok) {
            expect(hall.state).toBe(before);
            expect(Object.keys(d).sort()).toEqual(['code', 'ok']);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('names in touchedBy every row an event changes, so storage rewrites no less than it must', () => {
    fc.assert(
      fc.property(configArb, day, (config, steps) => {
        const hall = new Hall(config);
        for (const step of steps) {
          const before = hall.state;
          const d = runStep(hall, step);
          if (!d.ok) continue;
          let s = before;
          for (const e of d.events as readonly HallEvent[]) {
            const next = evolve(s, e);
            const touched = touchedBy(e);
            if (e.type === 'day:rolled') {
              // The working set empties; only the expired tickets' rows change.
              for (const id of e.expiredTicketIds) expect(s.tickets.has(id)).toBe(true);
            } else {
              for (const id of changedKeys(s.tickets, next.tickets)) expect(touched.tickets).toContain(id);
            }
            // A cancel frees the counter holding the ticket; storage finds that one itself (events.ts).
            if (e.type !== 'ticket:cancelled') {
              for (const id of changedKeys(s.counters, next.counters))
                expect(touched.counters, `${e.type} changed counter ${id}`).toContain(id);
            }
            s = next;
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
