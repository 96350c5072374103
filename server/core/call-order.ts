import type { CounterDef } from '../../common/domain/counter.js';
import type { HallState, Ticket } from './hall-state.js';

/**
 * The ticket a counter's "Next" calls, as a pure function of the state (DESIGN.md section 4):
 *  1. tickets transferred to this very counter, in the order they were transferred;
 *  2. any ticket that has waited past the age cap, whatever its queue role, so neither priority
 *     citizens nor a primary queue can hold anyone back without bound. Among these a priority ticket
 *     counts as having waited one cap longer: in an overloaded hall, where everyone is past the cap,
 *     a priority citizen still goes ahead of those who came less than a cap before them, and a
 *     normal citizen still waits behind only the finitely many priority citizens who came less
 *     than a cap after them;
 *  3. priority tickets, always first in strict mode (and at a dedicated priority counter), or after
 *     every N normal calls at this counter in interleave mode;
 *  4. tickets of the counter's primary queues before its secondary ones;
 *  5. the oldest issue time. A transfer keeps the ticket's original issue time, so a citizen sent to
 *     another queue does not go to the back of it.
 */
export function pickNext(state: HallState, counterId: string, now: number): Ticket | null {
  const def = state.config.counters.find((c) => c.id === counterId);
  if (!def) return null;
  const runtime = state.counters.get(counterId);
  const candidates = candidatesFor(state, def);
  if (candidates.length === 0) return null;

  const targeted = candidates.filter((t) => t.targetCounterId === counterId);
  if (targeted.length > 0) return minBy(targeted, (a, b) => (a.targetedAt ?? 0) - (b.targetedAt ?? 0) || byIssue(a, b));

  const pool = candidates;
  const capMs = state.config.priority.ageCapMinutes * 60_000;
  const overdue = pool.filter((t) => now - t.issuedAt >= capMs);
  if (overdue.length > 0) {
    const key = (t: Ticket) => t.issuedAt - (t.priorityClass !== null ? capMs : 0);
    return minBy(overdue, (a, b) => key(a) - key(b) || byIssue(a, b));
  }

  const roleRank = roleRanker(def);
  const byRoleThenAge = (a: Ticket, b: Ticket): number => roleRank(a) - roleRank(b) || byIssue(a, b);
  const priority = pool.filter((t) => t.priorityClass !== null);
  const normal = pool.filter((t) => t.priorityClass === null);
  if (priority.length === 0) return minBy(normal, byRoleThenAge);
  if (normal.length === 0) return minBy(priority, byRoleThenAge);

  const mode = state.config.priority.mode;
  const priorityTurn = def.priorityCounter || mode.kind === 'strict' || (runtime?.normalsSincePriority ?? 0) >= mode.every;
  return minBy(priorityTurn ? priority : normal, byRoleThenAge);
}

/**
 * Waiting tickets this counter may call: its queues' tickets not sent to another counter, and those
 * sent to it. A ticket sent to a counter that has since closed is its queue's again, so closing a
 * counter never strands a citizen until the end of the day.
 */
export function candidatesFor(state: HallState, def: CounterDef): Ticket[] {
  const out: Ticket[] = [];
  for (const t of state.tickets.values()) if (t.state === 'waiting' && counterMayServe(state, def, t)) out.push(t);
  return out;
}

/** Whether a counter may call `ticket` (by the call order or by number). */
export function counterMayServe(state: HallState, def: CounterDef, ticket: Ticket): boolean {
  const target = ticket.targetCounterId;
  if (target === def.id) return true;
  if (target !== null && state.counters.get(target)?.status !== 'closed') return false;
  return def.queues.some((q) => q.queueId === ticket.queueId);
}

function roleRanker(def: CounterDef): (t: Ticket) => number {
  const primary = new Set(def.queues.filter((q) => q.role === 'primary').map((q) => q.queueId));
  return (t) => (primary.has(t.queueId) ? 0 : 1);
}

function byIssue(a: Ticket, b: Ticket): number {
  return a.issuedAt - b.issuedAt || a.seqNo - b.seqNo || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function minBy<T>(items: readonly T[], compare: (a: T, b: T) => number): T | null {
  let best: T | null = null;
  for (const item of items) if (best === null || compare(item, best) < 0) best = item;
  return best;
}
