import type { HallView } from '../../../common/contract/hall-view.js';

/** A call the TV should speak: a first call or a recall, once each. */
export interface CallToAnnounce {
  readonly key: string;
  readonly ticketId: string;
  readonly number: string;
  readonly counterId: string;
  readonly counterNumber: number;
  readonly calls: number;
  readonly at: number;
}

/**
 * Which of the hall's recent calls are new to this TV. Each call is keyed by ticket and call count,
 * so a recall (count grew) is new again while the same call seen twice (a fact, then a resync
 * snapshot after a blip) is not. Works from the recent calls in the view rather than from facts, so
 * calls made while the TV was reconnecting are still found in the snapshot it gets back. On the first
 * view the TV ever gets, nothing is announced: it would read out the whole morning after a restart.
 */
export function callsToAnnounce(
  view: HallView,
  seen: ReadonlySet<string> | null,
  counterIds: readonly string[] | null,
): { calls: CallToAnnounce[]; seen: Set<string> } {
  const keys = new Set<string>();
  const calls: CallToAnnounce[] = [];
  // Oldest first, so calls are spoken in the order they were made.
  for (const call of [...view.recentCalls].reverse()) {
    const key = `${call.ticketId}#${call.calls}`;
    keys.add(key);
    if (seen === null || seen.has(key)) continue;
    if (counterIds && !counterIds.includes(call.counterId)) continue;
    const counter = view.counters.find((c) => c.id === call.counterId);
    if (!counter) continue;
    calls.push({
      key,
      ticketId: call.ticketId,
      number: call.number,
      counterId: call.counterId,
      counterNumber: counter.number,
      calls: call.calls,
      at: call.at,
    });
  }
  // Keep what was seen before too: a call that drops out of the recent list and comes back in a
  // later snapshot is still not new. Bounded, since the list itself is.
  const next = new Set(seen ?? []);
  for (const k of keys) next.add(k);
  if (next.size > 500) return { calls, seen: keys };
  return { calls, seen: next };
}
