import { pickNext } from '../call-order.js';
import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallEvent } from '../events.js';
import type { HallState, Ticket } from '../hall-state.js';
import { actingCounter, finishCurrentEvents } from './counter-guard.js';

export interface CounterInput {
  readonly counterId: string;
}

export interface CallResult {
  /** The ticket now called, or null when "Next" only finished the current one and nobody waits. */
  readonly ticket: Ticket | null;
  readonly finishedTicketId: string | null;
}

/**
 * "Next": finishes the counter's current ticket (the officer has served it) and calls the next one
 * by the call order. With nobody waiting and nothing to finish, it is refused and nothing changes.
 */
export function callNext(state: HallState, input: CounterInput, ctx: DecideContext): Decision<CallResult> {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open');
  if (!guard.ok) return guard;
  const finishing = finishCurrentEvents(state, guard.runtime, ctx.now);
  const next = pickNext(state, input.counterId, ctx.now);
  if (!next && finishing.length === 0) return refuse('NO_WAITING_TICKET');
  const events: HallEvent[] = [...finishing];
  if (next) {
    events.push({
      type: 'ticket:called',
      at: ctx.now,
      ticketId: next.id,
      counterId: input.counterId,
      officerId: guard.runtime.officerId,
      specific: false,
    });
  }
  return accept(events, { ticket: next, finishedTicketId: guard.runtime.currentTicketId });
}
