import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallState, Ticket } from '../hall-state.js';
import { actingCounter, currentTicket } from './counter-guard.js';

export interface TransferInput {
  readonly counterId: string;
  readonly toQueueId?: string | null | undefined;
  readonly toCounterId?: string | null | undefined;
  readonly note?: string | null | undefined;
}

/**
 * Sends the current ticket to another queue (it waits there with its original issue time, so it
 * keeps its place) or to one counter (which calls it before anything else). With a counter and no
 * queue, the ticket stays in its queue but only that counter may call it.
 */
export function transfer(state: HallState, input: TransferInput, ctx: DecideContext): Decision<{ ticket: Ticket }> {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open-or-paused');
  if (!guard.ok) return guard;
  const current = currentTicket(state, guard.runtime, ['called', 'serving']);
  if (!current.ok) return current;
  const t = current.ticket;

  const toQueueId = input.toQueueId ?? null;
  const toCounterId = input.toCounterId ?? null;
  if (toQueueId === null && toCounterId === null) return refuse('TRANSFER_TARGET_INVALID');
  if (toQueueId !== null && !state.config.queues.some((q) => q.id === toQueueId)) return refuse('QUEUE_NOT_FOUND');
  if (toCounterId !== null) {
    if (!state.config.counters.some((c) => c.id === toCounterId)) return refuse('COUNTER_NOT_FOUND');
    if (toCounterId === input.counterId) return refuse('TRANSFER_TARGET_INVALID');
    // Nobody would call it there: the officer should pick an open counter or send it to a queue.
    if (state.counters.get(toCounterId)?.status === 'closed') return refuse('COUNTER_CLOSED');
  } else if (toQueueId === t.queueId) {
    return refuse('TRANSFER_TARGET_INVALID');
  }
  return accept(
    [
      {
        type: 'ticket:transferred',
        at: ctx.now,
        ticketId: t.id,
        fromCounterId: input.counterId,
        toQueueId: toQueueId ?? t.queueId,
        toCounterId,
        note: input.note ?? null,
      },
    ],
    { ticket: t },
  );
}
