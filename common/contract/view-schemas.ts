import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './nullable.js';
import { SurveyChanceViewSchema } from './survey-schemas.js';

/**
 * The shapes screens receive, as schemas: REST responses are serialized through them (so a field not
 * listed here, such as a phone number, can never leak into a response), OpenAPI documents them, and
 * the TypeScript types below are derived from them.
 */

export const TicketStateSchema = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('called'),
  Type.Literal('serving'),
  Type.Literal('done'),
  Type.Literal('no_show'),
  Type.Literal('cancelled'),
  Type.Literal('expired'),
]);

export const TicketViewSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String({ description: 'As printed and announced, e.g. A001 or 1025' }),
    queueId: Type.String(),
    priorityClass: Nullable(Type.String()),
    state: TicketStateSchema,
    issuedAt: Type.Integer({ description: 'Epoch milliseconds' }),
    counterId: Nullable(Type.String()),
    calledAt: Nullable(Type.Integer()),
    calls: Type.Integer(),
    targetCounterId: Nullable(Type.String()),
    transfers: Type.Integer(),
    procedureCode: Nullable(Type.String()),
  },
  { $id: 'TicketView', additionalProperties: false },
);

export const QueueViewSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    prefix: Type.String(),
    issued: Type.Integer(),
    served: Type.Integer(),
    issuingHours: Type.Union([
      Type.Object({ from: Type.String(), to: Type.String(), days: Type.Array(Type.Integer()) }, { additionalProperties: false }),
      Type.Null(),
    ]),
  },
  { $id: 'QueueView', additionalProperties: false },
);

export const CounterViewSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer(),
    name: Type.String(),
    queueIds: Type.Array(Type.String()),
    status: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('paused')]),
    pauseReason: Nullable(Type.String()),
    officerId: Nullable(Type.String()),
    currentTicketId: Nullable(Type.String()),
    served: Type.Integer({ description: 'Tickets finished at this counter today' }),
  },
  { $id: 'CounterView', additionalProperties: false },
);

export const CallViewSchema = Type.Object(
  {
    ticketId: Type.String(),
    number: Type.String(),
    counterId: Type.String(),
    at: Type.Integer(),
    calls: Type.Integer(),
  },
  { $id: 'CallView', additionalProperties: false },
);

export const HallViewSchema = Type.Object(
  {
    seq: Type.Integer(),
    day: Type.String(),
    queues: Type.Array(QueueViewSchema),
    counters: Type.Array(CounterViewSchema),
    tickets: Type.Array(TicketViewSchema),
    recentCalls: Type.Array(CallViewSchema),
    officerNames: Type.Record(Type.String(), Type.String()),
    /** Open chances to rate a service just finished, oldest first. */
    surveys: Type.Array(SurveyChanceViewSchema),
  },
  { $id: 'HallView', additionalProperties: false },
);

export const WaitEstimateSchema = Type.Object(
  {
    peopleAhead: Type.Integer(),
    predictedSec: Type.Integer(),
    minSec: Type.Integer(),
    maxSec: Type.Integer(),
  },
  { additionalProperties: false },
);

export type TicketView = Static<typeof TicketViewSchema>;
export type QueueView = Static<typeof QueueViewSchema>;
export type CounterView = Static<typeof CounterViewSchema>;
export type CallView = Static<typeof CallViewSchema>;
export type WaitEstimateView = Static<typeof WaitEstimateSchema>;

/** What commands answer with (inside the `{ok: true, data}` envelope). */
export const IssueResultSchema = Type.Object(
  { ticket: TicketViewSchema, estimate: WaitEstimateSchema },
  { additionalProperties: false },
);
export const CallResultSchema = Type.Object(
  {
    ticket: Type.Union([TicketViewSchema, Type.Null()], {
      description: 'Null when Next only finished the current ticket and nobody waits',
    }),
    finishedTicketId: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export const TicketResultSchema = Type.Object({ ticket: TicketViewSchema }, { additionalProperties: false });
export const CounterResultSchema = Type.Object({ counter: CounterViewSchema }, { additionalProperties: false });

export type IssueResult = Static<typeof IssueResultSchema>;
export type CallResultView = Static<typeof CallResultSchema>;
export type TicketResult = Static<typeof TicketResultSchema>;
export type CounterResult = Static<typeof CounterResultSchema>;
