import type { CommandInput } from '../../../common/contract/commands.js';
import { answersProblem } from '../../../common/domain/survey-scale.js';
import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallState, SurveyChance } from '../hall-state.js';

export interface RateResult {
  readonly chance: SurveyChance;
  readonly answers: Readonly<Record<string, string>>;
  readonly reasonId: string | null;
  readonly at: number;
}

/**
 * A citizen's rating of a service just given. Only while its chance is open (one rating per served
 * ticket: the chance closes with the first), only from the survey device of the counter that served
 * it, only with answers on the ticket's scale, and the reason only from the site's list and only
 * after an answer that asks for one. A refused rating changes nothing.
 */
export function rateService(
  state: HallState,
  input: Omit<CommandInput<'survey:rate'>, 'commandId'>,
  ctx: DecideContext,
): Decision<RateResult> {
  const chance = state.surveys.get(input.ticketId);
  if (!chance) {
    const t = state.tickets.get(input.ticketId);
    if (state.rated.has(input.ticketId)) return refuse('ALREADY_RATED');
    return refuse(t ? 'SURVEY_CLOSED' : 'TICKET_NOT_FOUND');
  }
  if (ctx.actor.counterId !== chance.counterId) return refuse('SURVEY_WRONG_COUNTER');
  if (ctx.now > chance.expiresAt) return refuse('SURVEY_CLOSED');
  const scale = state.config.survey.scales.find((s) => s.id === chance.scaleId);
  if (!scale || answersProblem(scale, input.answers) !== null) return refuse('SURVEY_ANSWER_INVALID');
  const reasonId = input.reasonId ?? null;
  if (reasonId !== null) {
    const asks = Object.values(input.answers).some((id) => scale.levels.find((l) => l.id === id)?.askReason);
    if (!asks || !state.config.survey.reasonIds.includes(reasonId)) return refuse('SURVEY_ANSWER_INVALID');
  }
  const answers = { ...input.answers };
  return accept(
    [
      {
        type: 'survey:rated',
        at: ctx.now,
        ticketId: chance.ticketId,
        counterId: chance.counterId,
        officerId: chance.officerId,
        queueId: chance.queueId,
        scaleId: chance.scaleId,
        answers,
        reasonId,
        deviceId: ctx.actor.deviceId ?? null,
      },
    ],
    { chance, answers, reasonId, at: ctx.now },
  );
}
