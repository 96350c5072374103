import { accept, mayOverrideCounter, refuse, type DecideContext, type Decision } from '../decision.js';
import type { CounterRuntime, HallState } from '../hall-state.js';
import type { CounterInput } from './call-next.js';
import { actingCounter } from './counter-guard.js';

type CounterDecision = Decision<{ counter: CounterRuntime }>;

/**
 * An officer opens a counter to serve at it. Opening one's own open counter again is a no-op (a
 * console reloading after a blip); a counter another officer holds must be closed by them or a
 * supervisor first, and an officer holds one counter at a time.
 */
export function openCounter(state: HallState, input: CounterInput, ctx: DecideContext): CounterDecision {
  const runtime = state.counters.get(input.counterId);
  if (!runtime) return refuse('COUNTER_NOT_FOUND');
  const officerId = ctx.actor.officerId;
  if (officerId === null) return refuse('FORBIDDEN');
  if (runtime.status !== 'closed') {
    return runtime.officerId === officerId ? accept([], { counter: runtime }) : refuse('COUNTER_TAKEN');
  }
  const elsewhere = [...state.counters.values()].find((c) => c.officerId === officerId && c.status !== 'closed');
  if (elsewhere) return refuse('OFFICER_AT_OTHER_COUNTER');
  return accept([{ type: 'counter:opened', at: ctx.now, counterId: runtime.id, officerId }], { counter: runtime });
}

export interface PauseInput extends CounterInput {
  readonly reason: string;
}

export function pauseCounter(state: HallState, input: PauseInput, ctx: DecideContext): CounterDecision {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open-or-paused');
  if (!guard.ok) return guard;
  if (guard.runtime.status === 'paused') return refuse('COUNTER_PAUSED');
  return accept([{ type: 'counter:paused', at: ctx.now, counterId: input.counterId, reason: input.reason }], {
    counter: guard.runtime,
  });
}

export function resumeCounter(state: HallState, input: CounterInput, ctx: DecideContext): CounterDecision {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open-or-paused');
  if (!guard.ok) return guard;
  if (guard.runtime.status !== 'paused') return refuse('COUNTER_NOT_PAUSED');
  return accept([{ type: 'counter:resumed', at: ctx.now, counterId: input.counterId }], { counter: guard.runtime });
}

/** Closing needs the current ticket finished, skipped or transferred first, so no citizen is left half-served. */
export function closeCounter(state: HallState, input: CounterInput, ctx: DecideContext): CounterDecision {
  const runtime = state.counters.get(input.counterId);
  if (!runtime) return refuse('COUNTER_NOT_FOUND');
  if (runtime.status === 'closed') return accept([], { counter: runtime });
  if (runtime.officerId !== ctx.actor.officerId && !mayOverrideCounter(ctx.actor)) return refuse('NOT_YOUR_COUNTER');
  if (runtime.currentTicketId !== null) return refuse('COUNTER_BUSY');
  return accept([{ type: 'counter:closed', at: ctx.now, counterId: input.counterId }], { counter: runtime });
}
