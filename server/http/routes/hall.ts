import { Type } from '@sinclair/typebox';
import { Nullable } from '../../../common/contract/nullable.js';
import type { FastifyInstance } from 'fastify';
import { HallViewSchema, TicketViewSchema } from '../../../common/contract/view-schemas.js';
import { ticketView } from '../../core/hall-view.js';
import type { AuthService } from '../../services/auth-service.js';
import type { HallService } from '../../services/hall-service.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

/** What the officer serving a ticket sees beyond the public view: the kiosk's choices and timings. */
const TicketDetailSchema = Type.Object({
  ...TicketViewSchema.properties,
  phone: Nullable(Type.String()),
  note: Nullable(Type.String()),
  predictedWaitSec: Type.Integer(),
  peopleAhead: Type.Integer(),
  firstCalledAt: Nullable(Type.Integer()),
  startedAt: Nullable(Type.Integer()),
  finishedAt: Nullable(Type.Integer()),
  day: Type.String(),
});

export function registerHallRoutes(app: FastifyInstance, deps: { hall: HallService; auth: AuthService }): void {
  app.get(
    '/api/hall',
    {
      schema: {
        summary: 'Snapshot of the hall (what socket.io sends on connect as hall:snapshot)',
        tags: ['hall'],
        response: responses(HallViewSchema),
        security: [{ bearer: [] }, { deviceKey: [] }],
      },
    },
    async (request, reply) => {
      if (!principalOf(request, deps.auth)) return sendError(reply, 'UNAUTHENTICATED');
      return { ok: true, data: deps.hall.snapshot() };
    },
  );

  app.get(
    '/api/tickets/:ticketId',
    {
      schema: {
        summary: 'A ticket with its personal data, for staff',
        tags: ['ticket'],
        params: Type.Object({ ticketId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        response: responses(TicketDetailSchema),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, deps.auth);
      if (!principal) return sendError(reply, 'UNAUTHENTICATED');
      if (principal.kind !== 'officer') return sendError(reply, 'FORBIDDEN');
      const t = deps.hall.ticket((request.params as { ticketId: string }).ticketId);
      if (!t) return sendError(reply, 'TICKET_NOT_FOUND');
      return {
        ok: true,
        data: {
          ...ticketView(t),
          phone: t.phone,
          note: t.note,
          predictedWaitSec: t.predictedWaitSec,
          peopleAhead: t.peopleAhead,
          firstCalledAt: t.firstCalledAt,
          startedAt: t.startedAt,
          finishedAt: t.finishedAt,
          day: t.day,
        },
      };
    },
  );
}
