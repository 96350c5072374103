import type { HallState } from './hall-state.js';

export interface InUseProblem {
  readonly path: string;
  readonly message: string;
}

/** What the new settings keep, by id; paths point at the list a removal happened in. */
export interface NextSetup {
  readonly queueIds: readonly string[];
  readonly counterIds: readonly string[];
  /** Officers that can still sign in (present and not disabled). */
  readonly activeOfficerIds: readonly string[];
}

/**
 * Settings that would strand someone in the hall right now are refused, whatever the schema allows:
 * removing a counter that is open (its officer would lose the desk mid-service), a queue with citizens
 * still waiting today (their numbers could never be called), or disabling an officer who holds a
 * counter. The admin closes the counter or lets the queue empty first; nothing is ever stranded.
 */
export function configInUse(state: HallState, next: NextSetup): InUseProblem[] {
  const problems: InUseProblem[] = [];
  const queues = new Set(next.queueIds);
  const counters = new Set(next.counterIds);
  const officers = new Set(next.activeOfficerIds);
  for (const q of state.config.queues) {
    if (queues.has(q.id)) continue;
    const waiting = [...state.tickets.values()].filter(
      (t) =>
        t.queueId === q.id && (t.state === 'waiting' || t.state === 'called' || t.state === 'serving' || t.state === 'no_show'),
    ).length;
    if (waiting > 0) {
      problems.push({
        path: '/queues',
        message: `Queue "${q.id}" still has ${waiting} ticket(s) today that are not finished; it can be removed once they are served or the day ends`,
      });
    }
  }
  for (const [id, runtime] of state.counters) {
    if (runtime.status === 'closed') continue;
    if (!counters.has(id)) {
      problems.push({ path: '/counters', message: `Counter "${id}" is open; close it before removing it` });
    }
    if (runtime.officerId && !officers.has(runtime.officerId)) {
      problems.push({
        path: '/officers',
        message: `Officer "${runtime.officerId}" has counter "${id}" open; close it before removing or disabling the officer`,
      });
    }
  }
  return problems;
}
