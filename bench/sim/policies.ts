import { candidatesFor } from '../../server/core/call-order.js';
import { callNext } from '../../server/core/commands/call-next.js';
import { callSpecific } from '../../server/core/commands/call-specific.js';
import { finish } from '../../server/core/commands/finish.js';
import type { IssuedTicket } from '../../server/core/commands/issue-ticket.js';
import type { Actor } from '../../server/core/decision.js';
import { estimateWait } from '../../server/core/estimate-wait.js';
import type { HallState, Ticket } from '../../server/core/hall-state.js';
import type { CoreHall } from './core-hall.js';

/** Who a counter calls when its officer presses Next, and what wait the kiosk announces. */
export interface CallPolicy {
  readonly name: 'ours' | 'fcfs';
  /** Finishes the counter's current ticket (if any) and calls the next one; null when nobody waits. */
  next(hall: CoreHall, counterId: string, actor: Actor): Ticket | null;
  /** The wait announced to a citizen, from the state just before the ticket was issued. */
  predictSec(before: HallState, issued: IssuedTicket): number;
}

/** Our call order: the core's own "Next" (transfers, age cap, priority by mode, primary, oldest). */
export const OURS: CallPolicy = {
  name: 'ours',
  next(hall, counterId, actor) {
    const decision = hall.decide(callNext, { counterId }, actor);
    if (decision.ok) return decision.result.ticket;
    if (decision.code === 'NO_WAITING_TICKET') return null;
    throw new Error(`callNext at ${counterId} refused with ${decision.code}`);
  },
  predictSec: (_before, issued) => issued.estimate.predictedSec,
};

/**
 * Plain first come, first served per queue: the oldest waiting ticket of the counter's primary
 * queues, else the oldest of its secondary ones; no priority and no age cap. The call goes through
 * the core's "call specific", so both policies share the same state machine and bookkeeping.
 */
export const FCFS: CallPolicy = {
  name: 'fcfs',
  next(hall, counterId, actor) {
    const pick = fcfsPick(hall.state, counterId);
    if (pick) return hall.must(callSpecific, { counterId, ticketId: pick.id }, actor).ticket;
    if (hall.state.counters.get(counterId)?.currentTicketId) hall.must(finish, { counterId }, actor);
    return null;
  },
  // The same estimator, as FCFS would use it: everyone waiting in the queue is ahead, priority or not.
  predictSec: (before, issued) => estimateWait(before, issued.ticket.queueId, null).predictedSec,
};

export function fcfsPick(state: HallState, counterId: string): Ticket | null {
  const def = state.config.counters.find((c) => c.id === counterId);
  if (!def) return null;
  const primary = new Set(def.queues.filter((q) => q.role === 'primary').map((q) => q.queueId));
  let best: Ticket | null = null;
  let bestRank = 2;
  for (const t of candidatesFor(state, def)) {
    const rank = primary.has(t.queueId) ? 0 : 1;
    if (best === null || rank < bestRank || (rank === bestRank && older(t, best))) {
      best = t;
      bestRank = rank;
    }
  }
  return best;
}

/** Issue time, then number: a transferred ticket keeps its issue time, as it does in the core. */
function older(a: Ticket, b: Ticket): boolean {
  return a.issuedAt < b.issuedAt || (a.issuedAt === b.issuedAt && a.seqNo < b.seqNo);
}
