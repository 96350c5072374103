import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DossierStatusViewSchema, type DossierStatusView } from '../../../common/contract/dossier-view.js';
import { parseDossierCode } from '../../../common/dossier/dossier-code.js';
import { DOSSIER_STATUSES, resultReady, TIMELINESS_LABEL, timelinessOf } from '../../../common/dossier/dossier-status.js';
import type { Clock } from '../../core/ports.js';
import type { AuthService } from '../../services/auth-service.js';
import type { DossierStatusSource } from '../../services/dossier-status-source.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';
import type { RateLimiter } from '../rate-limiter.js';
import { actorKey } from '../../services/principal.js';

/** The kiosk's dossier look-up: a scanned or typed code in, status and dates out. */
export function registerDossierRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; source: DossierStatusSource; clock: Clock; limiter?: RateLimiter },
): void {
  app.get(
    '/api/dossiers/:code/status',
    {
      schema: {
        summary: 'Status of a dossier by the code on its receipt',
        tags: ['dossier'],
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        response: responses(DossierStatusViewSchema),
        security: [{ bearer: [] }, { deviceKey: [] }],
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, deps.auth);
      if (!principal) return sendError(reply, 'UNAUTHENTICATED');
      // Per kiosk: a queue of citizens scanning receipts stays well inside it; a script does not.
      if (deps.limiter && !deps.limiter.take(actorKey(principal), deps.clock.now())) {
        void reply.header('retry-after', String(deps.limiter.retryAfterSec(actorKey(principal), deps.clock.now())));
        return sendError(reply, 'RATE_LIMITED');
      }
      const parsed = parseDossierCode((request.params as { code: string }).code);
      if (!parsed.ok) return sendError(reply, 'DOSSIER_CODE_INVALID', [{ path: '/params/code', message: parsed.problem }]);
      const answer = await deps.source.lookup(parsed.value.code);
      if (answer.kind === 'unavailable') return sendError(reply, 'PROVINCE_UNAVAILABLE');
      if (answer.kind === 'not-found') return sendError(reply, 'DOSSIER_NOT_FOUND');
      const found = answer.record;
      const meaning = DOSSIER_STATUSES[found.status];
      const timeliness = timelinessOf(found.status, found.appointmentAt, found.finishedAt, deps.clock.now());
      const view: DossierStatusView = {
        code: found.code,
        status: found.status,
        statusOfficial: meaning.official,
        statusLabel: meaning.vi,
        nextStep: meaning.next,
        receivedAt: found.receivedAt,
        appointmentAt: found.appointmentAt,
        timeliness,
        timelinessLabel: timeliness ? TIMELINESS_LABEL[timeliness] : null,
        resultReady: resultReady(found.status),
        asOf: found.updatedAt,
        // 'last-known': the province could not be asked; the kiosk shows the status with its age.
        source: answer.fresh ? deps.source.name : 'last-known',
      };
      return { ok: true, data: view };
    },
  );
}
