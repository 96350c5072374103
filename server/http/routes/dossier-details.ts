import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { parseDossierCode } from '../../../common/dossier/dossier-code.js';
import type { DossierRecord } from '../../../common/dossier/dossier-record.js';
import type { Clock } from '../../core/ports.js';
import type { AuthService } from '../../services/auth-service.js';
import { actorKey } from '../../services/principal.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';
import type { RateLimiter } from '../rate-limiter.js';

const DetailsSchema = Type.Object(
  {
    code: Type.String(),
    procedureName: Type.String(),
    applicantName: Type.String({ description: 'Shortened: family name and initials' }),
    receivedAt: Type.Integer(),
    appointmentAt: Type.Integer(),
    documents: Type.Integer({ description: 'How many documents were handed in' }),
    resultDelivery: Type.String(),
  },
  { additionalProperties: false },
);

/**
 * What the kiosk may show beyond status and dates, only to someone holding the receipt: its mã tra
 * cứu, or the last four digits of the applicant's identity number. Wrong answers are limited per
 * kiosk (a guesser gets a few tries, then waits), and even a right one shows a shortened name.
 */
export function registerDossierDetailsRoute(
  app: FastifyInstance,
  deps: { auth: AuthService; record: (code: string) => DossierRecord | undefined; clock: Clock; failures: RateLimiter },
): void {
  app.post(
    '/api/dossiers/:code/details',
    {
      schema: {
        summary: "A dossier's details for the citizen holding its receipt (mã tra cứu or the ID's last 4 digits)",
        tags: ['dossier'],
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        body: Type.Object(
          {
            secret: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
            idLast4: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses(DetailsSchema),
        security: [{ deviceKey: [] }, { bearer: [] }],
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, deps.auth);
      if (!principal) return sendError(reply, 'UNAUTHENTICATED');
      const who = actorKey(principal);
      const now = deps.clock.now();
      const wait = deps.failures.retryAfterSec(who, now);
      if (wait > 0) {
        void reply.header('retry-after', String(wait));
        return sendError(reply, 'RATE_LIMITED');
      }
      const parsed = parseDossierCode((request.params as { code: string }).code);
      if (!parsed.ok) return sendError(reply, 'DOSSIER_CODE_INVALID');
      const record = deps.record(parsed.value.code);
      const body = request.body as { secret?: string; idLast4?: string };
      const matches =
        record !== undefined &&
        ((body.secret !== undefined && body.secret === record.secret) ||
          (body.idLast4 !== undefined && record.applicant.idNumber.endsWith(body.idLast4)));
      if (!record || !matches) {
        // A miss costs a try whether or not the dossier exists, so misses cannot map the codes.
        deps.failures.take(who, now);
        return sendError(reply, 'DOSSIER_NOT_FOUND');
      }
      return {
        ok: true,
        data: {
          code: record.code,
          procedureName: record.procedure.name,
          applicantName: shortName(record.applicant.name),
          receivedAt: record.receivedAt,
          appointmentAt: record.appointmentAt,
          documents: record.documents.length,
          resultDelivery: record.resultDelivery,
        },
      };
    },
  );
}

/** "Nguyễn Văn An" -> "Nguyễn V. A.": the citizen recognises it; a stranger reading over a shoulder learns little. */
function shortName(name: string): string {
  const [family, ...rest] = name.trim().split(/\s+/);
  return [family, ...rest.map((w) => `${w.charAt(0)}.`)].join(' ');
}
