import type { CommandInput, CommandName } from '../../common/contract/commands.js';
import { callNext, type CallResult } from '../core/commands/call-next.js';
import { callSpecific } from '../core/commands/call-specific.js';
import { cancel } from '../core/commands/cancel.js';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from '../core/commands/counter-status.js';
import { finish } from '../core/commands/finish.js';
import { issueTicket, type IssuedTicket } from '../core/commands/issue-ticket.js';
import { recall } from '../core/commands/recall.js';
import { returnTicket } from '../core/commands/return-ticket.js';
import { skip } from '../core/commands/skip.js';
import { startService } from '../core/commands/start-service.js';
import { transfer } from '../core/commands/transfer.js';
import { rateService, type RateResult } from '../core/commands/rate-service.js';
import { receiveDossier } from '../core/commands/receive-dossier.js';
import { updateDossierStatus } from '../core/commands/update-dossier-status.js';
import type { DossierRecord } from '../../common/dossier/dossier-record.js';
import type { DossierReceivedView } from '../../common/contract/dossier-received-view.js';
import type { DecideContext, Decision } from '../core/decision.js';
import type { CounterRuntime, HallState, Ticket } from '../core/hall-state.js';
import { counterView, servedAt, ticketView } from '../core/hall-view.js';
import type { CallResultView, CounterResult, IssueResult, TicketResult } from './command-results.js';
import type { RatingView } from '../../common/contract/survey-schemas.js';

/**
 * Binds each wire command to the core function that decides it and to how its answer is shown.
 * Answers are taken from the state after the command, so a client sees the ticket as it now is.
 * `bind` checks at compile time that the core function takes the command's wire input.
 */
export interface CommandBinding {
  decide(state: HallState, input: unknown, ctx: DecideContext): Decision<unknown>;
  present(result: unknown, after: HallState): unknown;
}

function bind<K extends CommandName, R>(
  _name: K,
  decide: (state: HallState, input: CommandInput<K>, ctx: DecideContext) => Decision<R>,
  present: (result: R, after: HallState) => unknown,
): CommandBinding {
  return { decide: decide as CommandBinding['decide'], present: present as CommandBinding['present'] };
}

const ticketAfter = (t: Ticket, after: HallState) => ticketView(after.tickets.get(t.id) ?? t);
const presentTicket = (r: { ticket: Ticket }, after: HallState): TicketResult => ({ ticket: ticketAfter(r.ticket, after) });
const presentCall = (r: CallResult, after: HallState): CallResultView => ({
  ticket: r.ticket ? ticketAfter(r.ticket, after) : null,
  finishedTicketId: r.finishedTicketId,
});
const presentCounter = (r: { counter: CounterRuntime }, after: HallState): CounterResult => {
  const def = after.config.counters.find((c) => c.id === r.counter.id);
  if (!def) throw new Error(`counter ${r.counter.id} vanished`);
  return { counter: counterView(def, after.counters.get(def.id), servedAt(after, def.id)) };
};
const presentRating = (r: RateResult): { rating: RatingView } => ({
  rating: {
    ticketId: r.chance.ticketId,
    counterId: r.chance.counterId,
    officerId: r.chance.officerId,
    scaleId: r.chance.scaleId,
    answers: r.answers,
    reasonId: r.reasonId,
    at: r.at,
  },
});
const presentDossier = (r: { record: DossierRecord }): DossierReceivedView => ({
  dossier: {
    code: r.record.code,
    receivedAt: r.record.receivedAt,
    appointmentAt: r.record.appointmentAt,
    workingDays: r.record.workingDays,
    secret: r.record.secret,
  },
});
const presentIssued = (r: IssuedTicket, after: HallState): IssueResult => ({
  ticket: ticketAfter(r.ticket, after),
  estimate: r.estimate,
});

export const HALL_COMMANDS: { readonly [K in CommandName]: CommandBinding } = {
  'ticket:issue': bind('ticket:issue', issueTicket, presentIssued),
  'ticket:call-next': bind('ticket:call-next', callNext, presentCall),
  'ticket:call-specific': bind('ticket:call-specific', callSpecific, presentCall),
  'ticket:recall': bind('ticket:recall', recall, presentTicket),
  'ticket:start': bind('ticket:start', startService, presentTicket),
  'ticket:finish': bind('ticket:finish', finish, presentTicket),
  'ticket:skip': bind('ticket:skip', skip, presentTicket),
  'ticket:transfer': bind('ticket:transfer', transfer, presentTicket),
  'ticket:return': bind('ticket:return', returnTicket, presentTicket),
  'ticket:cancel': bind('ticket:cancel', cancel, presentTicket),
  'counter:open': bind('counter:open', openCounter, presentCounter),
  'counter:pause': bind('counter:pause', pauseCounter, presentCounter),
  'counter:resume': bind('counter:resume', resumeCounter, presentCounter),
  'counter:close': bind('counter:close', closeCounter, presentCounter),
  'survey:rate': bind('survey:rate', rateService, presentRating),
  'dossier:receive': bind('dossier:receive', receiveDossier, presentDossier),
  'dossier:update-status': bind('dossier:update-status', updateDossierStatus, (r: { code: string; status: number }) => r),
};
