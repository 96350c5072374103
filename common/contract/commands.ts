import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { DossierReceivedSchema } from './dossier-received-view.js';
import { RateResultSchema } from './survey-schemas.js';
import { CallResultSchema, CounterResultSchema, IssueResultSchema, TicketResultSchema } from './view-schemas.js';

/**
 * Every command a client can send, once: its socket event name, its input schema (which the hub
 * checks on both the socket and the REST route; unknown properties are refused, not stripped) and
 * its REST route. Every command carries a client-made `commandId`, so a retry (double tap,
 * reconnect) returns the first result instead of doing the thing twice.
 */
export const CommandId = Type.String({
  minLength: 8,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'Made by the client, unique per intent (e.g. a UUID); a retry sends the same one',
});
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
const ShortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const OptionalNullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

const obj = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object({ commandId: CommandId, ...props }, { additionalProperties: false });

const counterOnly = () => obj({ counterId: Id });

export const COMMANDS = {
  'ticket:issue': {
    result: IssueResultSchema,
    summary: 'Issue a queue ticket (kiosk, or an officer for a citizen at the desk)',
    input: obj({
      queueId: Id,
      priorityClass: OptionalNullable(Id),
      procedureCode: OptionalNullable(
        Type.String({ pattern: '^\\d\\.\\d{6}$', description: 'National procedure code, e.g. 1.001193' }),
      ),
      phone: OptionalNullable(Type.String({ pattern: '^0\\d{9}$', description: 'Vietnamese mobile number for a reminder' })),
    }),
    rest: { url: '/api/tickets', params: [] },
  },
  'ticket:call-next': {
    result: CallResultSchema,
    summary: 'Finish the current ticket and call the next',
    input: counterOnly(),
    rest: { url: '/api/counters/:counterId/call-next', params: ['counterId'] },
  },
  'ticket:call-specific': {
    result: CallResultSchema,
    summary: 'Call one ticket by number, out of order',
    input: obj({ counterId: Id, ticketId: Id }),
    rest: { url: '/api/counters/:counterId/call-specific', params: ['counterId'] },
  },
  'ticket:recall': {
    result: TicketResultSchema,
    summary: 'Call the current ticket again',
    input: counterOnly(),
    rest: { url: '/api/counters/:counterId/recall', params: ['counterId'] },
  },
  'ticket:start': {
    result: TicketResultSchema,
    summary: 'The citizen has arrived at the counter',
    input: counterOnly(),
    rest: { url: '/api/counters/:counterId/start', params: ['counterId'] },
  },
  'ticket:finish': {
    result: TicketResultSchema,
    summary: 'Finish serving the current ticket',
    input: counterOnly(),
    rest: { url: '/api/counters/:counterId/finish', params: ['counterId'] },
  },
  'ticket:skip': {
    result: TicketResultSchema,
    summary: 'Mark the current ticket as a no-show',
    input: counterOnly(),
    rest: { url: '/api/counters/:counterId/skip', params: ['counterId'] },
  },
  'ticket:transfer': {
    result: TicketResultSchema,
    summary: 'Send the current ticket to another queue or counter',
    input: obj({
      counterId: Id,
      toQueueId: OptionalNullable(Id),
      toCounterId: OptionalNullable(Id),
      note: OptionalNullable(ShortText(200)),
    }),
    rest: { url: '/api/counters/:counterId/transfer', params: ['counterId'] },
  },
  'ticket:return': {
    result: TicketResultSchema,
    summary: 'A no-show citizen came back: wait again',
    input: obj({ ticketId: Id }),
    rest: { url: '/api/tickets/:ticketId/return', params: ['ticketId'] },
  },
  'ticket:cancel': {
    result: TicketResultSchema,
    summary: 'Withdraw a ticket',
    input: obj({ ticketId: Id, reason: OptionalNullable(ShortText(200)) }),
    rest: { url: '/api/tickets/:ticketId/cancel', params: ['ticketId'] },
  },
  'counter:open': {
    result: CounterResultSchema,
    summary: 'Open a counter and serve at it',
    input: counterOnly(),
    rest: { url: '/api/counters/:counterId/open', params: ['counterId'] },
  },
  'counter:pause': {
    result: CounterResultSchema,
    summary: 'Pause a counter, with a reason',
    input: obj({ counterId: Id, reason: ShortText(100) }),
    rest: { url: '/api/counters/:counterId/pause', params: ['counterId'] },
  },
  'counter:resume': {
    result: CounterResultSchema,
    summary: 'Resume a paused counter',
    input: counterOnly(),
    rest: { url: '/api/counters/:counterId/resume', params: ['counterId'] },
  },
  'counter:close': {
    result: CounterResultSchema,
    summary: 'Close a counter',
    input: counterOnly(),
    rest: { url: '/api/counters/:counterId/close', params: ['counterId'] },
  },
  'survey:rate': {
    result: RateResultSchema,
    summary: "Rate the service just given at the survey device's counter (once per ticket, within the window)",
    input: obj({
      ticketId: Id,
      answers: Type.Record(Id, Id, {
        minProperties: 1,
        maxProperties: 10,
        additionalProperties: false,
        description: "Criterion id -> level id of the ticket's scale; the first criterion must be answered",
      }),
      reasonId: OptionalNullable(Id),
    }),
    rest: { url: '/api/tickets/:ticketId/rating', params: ['ticketId'] },
  },
  'dossier:receive': {
    result: DossierReceivedSchema,
    summary: 'Receive a dossier at a counter (for the ticket being served): assigns its code and appointment',
    input: obj({
      counterId: Id,
      ticketId: OptionalNullable(Id),
      procedureCode: Type.String({ pattern: '^\\d\\.\\d{6}$', description: 'National procedure code, e.g. 1.001193' }),
      applicant: Type.Object(
        {
          name: Type.String({ minLength: 2, maxLength: 100, pattern: '\\S' }),
          idNumber: Type.String({
            minLength: 9,
            maxLength: 20,
            description: '12-digit personal identification number or 9-digit CMND',
          }),
          address: OptionalNullable(ShortText(300)),
          phone: OptionalNullable(Type.String({ pattern: '^0\\d{9,10}$' })),
          email: OptionalNullable(Type.String({ maxLength: 120, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' })),
        },
        { additionalProperties: false },
      ),
      documents: Type.Array(
        Type.Object(
          {
            name: ShortText(500),
            originals: Type.Integer({ minimum: 0, maximum: 20 }),
            copies: Type.Integer({ minimum: 0, maximum: 20 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 40 },
      ),
      dossierSets: Type.Integer({ minimum: 1, maximum: 20, description: 'Số lượng hồ sơ (bộ)' }),
      channel: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], {
        description: 'KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích',
      }),
      resultDelivery: Type.Union([Type.Literal('tai-bo-phan'), Type.Literal('buu-chinh')]),
      workingDays: Type.Optional(
        Type.Union([Type.Number({ minimum: 0, maximum: 365 }), Type.Null()], {
          description: "The time allowed in working days, when the catalogue does not give it (or the officer's correction)",
        }),
      ),
    }),
    rest: { url: '/api/counters/:counterId/dossiers', params: ['counterId'] },
  },
  'dossier:update-status': {
    result: Type.Object({ code: Type.String(), status: Type.Integer() }, { additionalProperties: false }),
    summary: 'Record a step on a dossier at the counter: more papers asked (5), refused (3), result handed over (10)',
    input: obj({
      counterId: Id,
      code: Type.String({ minLength: 25, maxLength: 64, pattern: '^[0-9A-Z.]+-\\d{6}-\\d{4}$' }),
      status: Type.Union([Type.Literal(3), Type.Literal(5), Type.Literal(10)]),
      note: OptionalNullable(ShortText(500)),
    }),
    rest: { url: '/api/counters/:counterId/dossier-status', params: ['counterId'] },
  },
} as const satisfies Record<
  string,
  { summary: string; input: TObject; result: TSchema; rest: { url: string; params: readonly string[] } }
>;

export type CommandName = keyof typeof COMMANDS;
export type CommandInput<K extends CommandName> = Static<(typeof COMMANDS)[K]['input']>;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Ask for a fresh snapshot (on connect it comes by itself; ask again after a gap in seq). */
export const SNAPSHOT_REQUEST = 'hall:snapshot';
