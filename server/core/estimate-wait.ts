import type { HallState } from './hall-state.js';

export interface WaitEstimate {
  readonly peopleAhead: number;
  readonly predictedSec: number;
  /** The range shown to the citizen; a point figure would promise more than we know. */
  readonly minSec: number;
  readonly maxSec: number;
}

/** Finished services needed before the queue's own average replaces its configured default. */
const MIN_SAMPLES = 3;

/**
 * People ahead (priority citizens included; a priority ticket counts only other priority tickets)
 * and the desks: the citizen is called after `ahead + 1` services end, less one for each desk free
 * right now (it calls at once), each service taking the queue's recent average spread over the open
 * counters serving the queue. A counter for which the queue is secondary counts as half a desk: it
 * calls this queue only when its primary queues are empty.
 *
 * Counting only `ahead` (as this did until the wait-time simulation measured it) leaves out the
 * citizens at the desks now, whose services must end first: citizens were told about 5 minutes
 * too little on a busy day (bench/sim, BENCHMARKS.md).
 */
export function estimateWait(state: HallState, queueId: string, priorityClass: string | null): WaitEstimate {
  let ahead = 0;
  for (const t of state.tickets.values()) {
    if (t.state !== 'waiting' || t.queueId !== queueId || t.targetCounterId !== null) continue;
    if (priorityClass !== null && t.priorityClass === null) continue;
    ahead++;
  }
  const serviceSec = recentServiceSec(state, queueId);
  let servers = 0;
  let free = 0;
  for (const def of state.config.counters) {
    const role = def.queues.find((q) => q.queueId === queueId)?.role;
    const counter = state.counters.get(def.id);
    if (!role || counter?.status !== 'open') continue;
    const weight = role === 'primary' ? 1 : 0.5;
    servers += weight;
    if (counter.currentTicketId === null) free += weight;
  }
  // With no counter open, assume one will open, free: a lone secondary counter is still half a desk.
  const turns = servers > 0 ? Math.max(0, ahead + 1 - free) : ahead;
  const predictedSec = Math.round((turns * serviceSec) / (servers > 0 ? servers : 1));
  return {
    peopleAhead: ahead,
    predictedSec,
    minSec: Math.round(predictedSec * 0.7),
    maxSec: Math.round(predictedSec * 1.3 + (predictedSec > 0 ? 60 : 0)),
  };
}

export function recentServiceSec(state: HallState, queueId: string): number {
  const samples = state.recentServiceSec[queueId] ?? [];
  if (samples.length >= MIN_SAMPLES) return samples.reduce((a, b) => a + b, 0) / samples.length;
  const queue = state.config.queues.find((q) => q.id === queueId);
  return (queue?.defaultServiceMinutes ?? 10) * 60;
}
