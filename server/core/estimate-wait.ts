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
 * times the queue's recent service time, divided by the open counters serving the queue. A counter
 * for which the queue is secondary counts as half a server: it calls this queue only when its
 * primary queues are empty.
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
  for (const def of state.config.counters) {
    const role = def.queues.find((q) => q.queueId === queueId)?.role;
    if (!role || state.counters.get(def.id)?.status !== 'open') continue;
    servers += role === 'primary' ? 1 : 0.5;
  }
  // With no counter open, assume one will open; a lone secondary counter is still half a server.
  const predictedSec = Math.round((ahead * serviceSec) / (servers > 0 ? servers : 1));
  return {
    peopleAhead: ahead,
    predictedSec,
    minSec: Math.round(predictedSec * 0.7),
    maxSec: Math.round(predictedSec * 1.3 + (ahead > 0 ? 60 : 0)),
  };
}

export function recentServiceSec(state: HallState, queueId: string): number {
  const samples = state.recentServiceSec[queueId] ?? [];
  if (samples.length >= MIN_SAMPLES) return samples.reduce((a, b) => a + b, 0) / samples.length;
  const queue = state.config.queues.find((q) => q.id === queueId);
  return (queue?.defaultServiceMinutes ?? 10) * 60;
}
