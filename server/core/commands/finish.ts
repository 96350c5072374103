import { accept, type DecideContext, type Decision } from '../decision.js';
import type { HallState, Ticket } from '../hall-state.js';
import type { CounterInput } from './call-next.js';
import { actingCounter, currentTicket, serviceSeconds } from './counter-guard.js';
import { surveyChanceFor } from '../survey-chance.js';

export function finish(state: HallState, input: CounterInput, ctx: DecideContext): Decision<{ ticket: Ticket }> {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open-or-paused');
  if (!guard.ok) return guard;
  const current = currentTicket(state, guard.runtime, ['called', 'serving']);
  if (!current.ok) return current;
  const t = current.ticket;
  return accept(
    [
      {
        type: 'ticket:finished',
        at: ctx.now,
        ticketId: t.id,
        counterId: input.counterId,
        serviceSec: serviceSeconds(t, ctx.now),
        survey: surveyChanceFor(state, t, input.counterId, ctx.now),
      },
    ],
    { ticket: t },
  );
}
