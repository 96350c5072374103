import type { Socket } from 'socket.io-client';
import { connectHubSocket } from './hub-sockets.js';

/**
 * One hall display as seen by the benchmark: it records when each `ticket:called` fact arrives
 * (keyed by ticket id, joined with the call-next send times after the run), and checks that the
 * facts' seq numbers follow on without gaps, which would mean a fact was lost on the way.
 */
export interface DisplayWatcher {
  readonly socket: Socket;
  /** ticketId -> performance.now() when this display received its `ticket:called`. */
  readonly calledAt: Map<string, number>;
  readonly stats: { seqGaps: number; disconnects: number; facts: number };
}

export async function watchDisplay(url: string, deviceKey: string): Promise<DisplayWatcher> {
  const calledAt = new Map<string, number>();
  const stats = { seqGaps: 0, disconnects: 0, facts: 0 };
  let lastSeq: number | null = null;
  const socket = await connectHubSocket(url, { deviceKey }, (s) => {
    s.onAny((event: string, payload: unknown) => {
      // Timestamp first, before any other work, so the bookkeeping does not count as latency.
      const now = performance.now();
      const fact = payload as { seq?: number; ticketId?: string };
      if (event === 'hall:snapshot') {
        // Facts follow on from the snapshot's seq; a later snapshot would reset the base.
        lastSeq = typeof fact.seq === 'number' ? fact.seq : lastSeq;
        return;
      }
      stats.facts++;
      if (typeof fact.seq === 'number') {
        if (lastSeq !== null && fact.seq !== lastSeq + 1) stats.seqGaps++;
        lastSeq = fact.seq;
      }
      if (event === 'ticket:called' && typeof fact.ticketId === 'string' && !calledAt.has(fact.ticketId)) {
        calledAt.set(fact.ticketId, now);
      }
    });
    s.on('disconnect', () => stats.disconnects++);
  });
  return { socket, calledAt, stats };
}
