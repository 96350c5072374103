import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Nullable } from '../../../common/contract/nullable.js';
import type { SurveyScale } from '../../../common/domain/survey-scale.js';
import type { AuthService } from '../../services/auth-service.js';
import { satisfactionRows } from '../../services/survey-summary.js';
import type { SurveyRatingsRepository } from '../../storage/repositories/survey-ratings.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Service day, YYYY-MM-DD (Asia/Ho_Chi_Minh)' });

const SatisfactionSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(
    Type.Object({
      counterId: Type.String(),
      officerId: Nullable(Type.String()),
      scaleId: Type.String(),
      levels: Type.Record(Type.String(), Type.Integer()),
      rated: Type.Integer(),
      notRated: Type.Integer(),
      open: Type.Integer(),
      satisfactionRate: Nullable(Type.Number()),
    }),
  ),
});

/**
 * Ratings per counter, officer and scale over a range of service days, with the satisfaction rate:
 * for the officer's console (their own day) and the reports. Staff only; ratings carry no personal data.
 */
export function registerSurveyRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; ratings: SurveyRatingsRepository; scales: () => readonly SurveyScale[]; today: () => string },
): void {
  app.get(
    '/api/surveys/satisfaction',
    {
      schema: {
        summary: 'Ratings per level and the satisfaction rate, per counter, officer and scale',
        tags: ['survey'],
        querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false }),
        response: responses(SatisfactionSchema),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, deps.auth);
      if (!principal) return sendError(reply, 'UNAUTHENTICATED');
      if (principal.kind !== 'officer') return sendError(reply, 'FORBIDDEN');
      const q = request.query as { from?: string; to?: string };
      const from = q.from ?? deps.today();
      const to = q.to ?? from;
      if (to < from) return sendError(reply, 'VALIDATION_FAILED', [{ path: '/to', message: 'must not be before from' }]);
      return { ok: true, data: { from, to, rows: satisfactionRows(deps.ratings.counts(from, to), deps.scales()) } };
    },
  );
}
