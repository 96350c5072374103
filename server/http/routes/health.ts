import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../storage/db.js';
import type { HallService } from '../../services/hall-service.js';
import type { PrinterStatus } from '../../devices/drivers/printer.js';
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
  deps: { db: Db; hall: HallService; startedAt: number; clients: () => number; printers: () => readonly HealthPrinter[] },
): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Hub health: database, realtime clients, devices',
        tags: ['health'],
        response: { 200: okEnvelope(HealthSchema), 503: okEnvelope(HealthSchema) },
      },
    },
    async (_request, reply) => {
      let database: { ok: boolean; seq: number; day: string; journalMode: string; error?: string };
      let devices: { id: string; kind: string; link: string | null; lastSeenAt: number | null }[] = [];
      try {
        const seq = (
          deps.db.prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS s").get() as {
            s: number;
          }
        ).s;
        const journalMode = String(deps.db.pragma('journal_mode', { simple: true }));
        database = { ok: true, seq, day: deps.hall.currentState.day, journalMode };
        devices = (
          deps.db.prepare('SELECT id, kind, link, last_seen_at FROM devices ORDER BY id').all() as {
            id: string;
            kind: string;
            link: string | null;
            last_seen_at: number | null;
          }[]
        ).map((d) => ({ id: d.id, kind: d.kind, link: d.link, lastSeenAt: d.last_seen_at }));
      } catch (err) {
        database = { ok: false, seq: 0, day: deps.hall.currentState.day, journalMode: 'unknown', error: (err as Error).message };
      }
      const body = {
        status: database.ok ? ('ok' as const) : ('degraded' as const),
        uptimeSec: Math.round((Date.now() - deps.startedAt) / 1000),
        database,
        realtime: { clients: deps.clients() },
        printers: deps.printers(),
        devices,
      };
      return reply.code(database.ok ? 200 : 503).send({ ok: true, data: body });
    },
  );
}
