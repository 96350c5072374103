import { formatTicketNumber, isIssuingAt, seriesCapacityEnd } from '../../../common/domain/queue.js';
import { vnParts } from '../../../common/time/vn-time.js';
import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import { estimateWait, type WaitEstimate } from '../estimate-wait.js';
import type { HallState, Ticket } from '../hall-state.js';

export interface IssueTicketInput {
  readonly queueId: string;
  readonly priorityClass?: string | null | undefined;
  readonly procedureCode?: string | null | undefined;
  readonly phone?: string | null | undefined;
}

export interface IssuedTicket {
  readonly ticket: Ticket;
  readonly estimate: WaitEstimate;
}

export function issueTicket(state: HallState, input: IssueTicketInput, ctx: DecideContext): Decision<IssuedTicket> {
  const queue = state.config.queues.find((q) => q.id === input.queueId);
  if (!queue) return refuse('QUEUE_NOT_FOUND');
  if (!isIssuingAt(queue.issuingHours, vnParts(ctx.now))) return refuse('QUEUE_CLOSED');
  const priorityClass = input.priorityClass ?? null;
  if (priorityClass !== null && !state.config.priority.classes.some((c) => c.id === priorityClass)) {
    return refuse('PRIORITY_CLASS_NOT_FOUND');
  }
  const seqNo = Math.max(queue.series.start, (state.lastSeqNo[queue.id] ?? queue.series.start - 1) + 1);
  if (seqNo > seriesCapacityEnd(queue.series)) return refuse('SERIES_EXHAUSTED');

  const estimate = estimateWait(state, queue.id, priorityClass);
  const ticket: Ticket = {
    id: ctx.newId(),
    day: state.day,
    issuedQueueId: queue.id,
    queueId: queue.id,
    seqNo,
    number: formatTicketNumber(queue.series, seqNo),
    priorityClass,
    state: 'waiting',
    issuedAt: ctx.now,
    counterId: null,
    officerId: null,
    targetCounterId: null,
    targetedAt: null,
    firstCalledAt: null,
    calledAt: null,
    calls: 0,
    startedAt: null,
    finishedAt: null,
    transfers: 0,
    procedureCode: input.procedureCode ?? null,
    phone: input.phone ?? null,
    predictedWaitSec: estimate.predictedSec,
    peopleAhead: estimate.peopleAhead,
    note: null,
  };
  return accept([{ type: 'ticket:issued', at: ctx.now, ticket }], { ticket, estimate });
}
