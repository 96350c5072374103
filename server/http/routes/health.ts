import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { HallService } from '../../services/hall-service.js';
import type { PrinterStatus } from '../../devices/drivers/printer.js';
import type { KeypadStatus } from '../../devices/drivers/hid-keypad.js';
import type { SurveyPadHealth } from '../../services/survey-pad-service.js';
import type { LedBoardHealth } from '../../devices/site-led-boards.js';
import { okEnvelope } from '../envelope-schemas.js';

export interface HealthPrinter {
  readonly deviceId: string;
  readonly kioskId: string;
  readonly url: string;
  readonly status: PrinterStatus | null;
}

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  uptimeSec: Type.Integer(),
  database: Type.Object({
    ok: Type.Boolean(),
    seq: Type.Integer({ description: 'Last event seq' }),
    day: Type.String({ description: 'Current service day' }),
    journalMode: Type.String(),
    error: Type.Optional(Type.String()),
  }),
  realtime: Type.Object({ clients: Type.Integer() }),
  printers: Type.Array(
    Type.Object({
      deviceId: Type.String(),
      kioskId: Type.String(),
      url: Type.String(),
      status: Type.Union([
        Type.Object({
          online: Type.Boolean(),
          paperOut: Type.Boolean(),
          paperNearEnd: Type.Boolean(),
          coverOpen: Type.Boolean(),
          error: Type.Boolean(),
          supported: Type.Boolean(),
          checkedAt: Type.Integer(),
          detail: Type.Optional(Type.String()),
        }),
        Type.Null(),
      ]),
    }),
  ),
  ledBoards: Type.Array(
    Type.Object({
      deviceId: Type.String(),
      counterId: Type.String(),
      url: Type.String(),
      model: Type.String(),
      state: Type.Union([
        Type.Literal('starting'),
        Type.Literal('online'),
        Type.Literal('link-down'),
        Type.Literal('unavailable'),
        Type.Literal('stopped'),
      ]),
      lastError: Type.Union([Type.String(), Type.Null()]),
      shown: Type.Union([Type.String(), Type.Null()], { description: 'What the board last took: the number, paused or blank' }),
      upToDate: Type.Boolean({ description: 'False while the board catches up (link down, not answering)' }),
      shownAt: Type.Union([Type.Integer(), Type.Null()]),
      ignoredBytes: Type.Integer({ description: 'Unexpected bytes the board sent, dropped' }),
    }),
  ),
  keypads: Type.Array(
    Type.Object({
      deviceId: Type.String(),
      counterId: Type.String(),
      model: Type.String(),
      url: Type.String(),
      state: Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('connecting')]),
      lastError: Type.Union([Type.String(), Type.Null()]),
      path: Type.Union([Type.String(), Type.Null()]),
      presses: Type.Integer(),
      refused: Type.Integer(),
    }),
  ),
  surveyPads: Type.Array(
    Type.Object({
      deviceId: Type.String(),
      counterId: Type.String(),
      model: Type.String(),
      url: Type.String(),
      state: Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('connecting')]),
      lastError: Type.Union([Type.String(), Type.Null()]),
      path: Type.Union([Type.String(), Type.Null()]),
      presses: Type.Integer({ description: 'Presses passed on to be rated' }),
      debounced: Type.Integer({ description: 'Presses dropped within the debounce window of a counted one' }),
      refused: Type.Integer({ description: 'Reports that mapped to nothing (logged with their bytes)' }),
      rated: Type.Integer(),
      nothingToRate: Type.Integer({ description: 'Presses with no ticket finished at the counter yet today' }),
      noLevel: Type.Integer({ description: 'Presses of a button with no level on the scale in force' }),
      alreadyRated: Type.Integer({ description: 'Presses refused because the ticket was rated already' }),
      late: Type.Integer({ description: 'Presses refused because the rating window had closed' }),
      failed: Type.Integer({ description: 'Presses the hub refused for another reason (logged as warnings)' }),
    }),
  ),
  outbox: Type.Object({
    pending: Type.Integer({ description: 'Items owed to the province system, not yet sent' }),
    dead: Type.Integer({ description: 'Items given up on, waiting for an admin (GET /api/outbox/dead)' }),
    running: Type.Boolean(),
    lastSuccessAt: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
  }),
  devices: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      link: Type.Union([Type.String(), Type.Null()]),
      lastSeenAt: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});

/**
 * For the IT clerk and monitoring: answers without sign-in, and reveals no ticket or personal data.
 * A database that cannot be read makes the hub "degraded" (HTTP 503) rather than failing the probe.
 */
export function registerHealthRoute(
  app: FastifyInstance,
  deps: {
    hall: HallService;
    startedAt: number;
    clients: () => number;
    printers: () => readonly HealthPrinter[];
    keypads: () => readonly KeypadStatus[];
    surveyPads: () => readonly SurveyPadHealth[];
    outbox: () => { pending: number; dead: number; running: boolean; lastSuccessAt: number | null; lastError: string | null };
    ledBoards: () => readonly LedBoardHealth[];
    /** Reads the database (and so fails when it cannot be read). */
    probe: () => { seq: number; journalMode: string };
    devices: () => { id: string; kind: string; link: string | null; lastSeenAt: number | null }[];
  },
): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Hub health: database, realtime clients, devices, the outbox to the province system',
        tags: ['health'],
        response: { 200: okEnvelope(HealthSchema), 503: okEnvelope(HealthSchema) },
      },
    },
    async (_request, reply) => {
      let database: { ok: boolean; seq: number; day: string; journalMode: string; error?: string };
      let devices: { id: string; kind: string; link: string | null; lastSeenAt: number | null }[] = [];
      let outbox = {
        pending: 0,
        dead: 0,
        running: false,
        lastSuccessAt: null as number | null,
        lastError: 'unreadable' as string | null,
      };
      try {
        const probe = deps.probe();
        database = { ok: true, seq: probe.seq, day: deps.hall.currentState.day, journalMode: probe.journalMode };
        devices = deps.devices();
        outbox = deps.outbox();
      } catch (err) {
        database = { ok: false, seq: 0, day: deps.hall.currentState.day, journalMode: 'unknown', error: (err as Error).message };
      }
      const body = {
        status: database.ok ? ('ok' as const) : ('degraded' as const),
        uptimeSec: Math.round((Date.now() - deps.startedAt) / 1000),
        database,
        realtime: { clients: deps.clients() },
        printers: deps.printers(),
        keypads: deps.keypads(),
        surveyPads: deps.surveyPads(),
        ledBoards: deps.ledBoards(),
        outbox,
        devices,
      };
      return reply.code(database.ok ? 200 : 503).send({ ok: true, data: body });
    },
  );
}
