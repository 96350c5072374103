import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { DossierRecord } from '../../../common/dossier/dossier-record.js';
import type { ReceiptFormId } from '../../../common/dossier/receipt-data.js';
import type { SiteConfig } from '../../config/site-config-schema.js';
import type { Clock } from '../../core/ports.js';
import { ReceiptDataError } from '../../documents/check-receipt-data.js';
import { renderReceiptPdf } from '../../documents/render-pdf.js';
import { siteForm } from '../../documents/site-form.js';
import type { AuthService } from '../../services/auth-service.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

/**
 * The receipt of a dossier (mẫu 01) and its sibling forms (02: request for more, 03: refusal) as a
 * PDF for the counter's printer, for staff. The form in force on the day it is issued is used.
 */
export function registerDossierReceiptRoute(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    record: (code: string) => DossierRecord | undefined;
    site: () => SiteConfig;
    publicUrl: string;
    clock: Clock;
  },
): void {
  app.get(
    '/api/dossiers/:code/receipt.pdf',
    {
      schema: {
        summary: 'The receipt (mẫu 01) or form 02/03 of a dossier, as PDF',
        tags: ['dossier'],
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        querystring: Type.Object(
          {
            form: Type.Optional(Type.Union([Type.Literal('01'), Type.Literal('02'), Type.Literal('03')])),
            paper: Type.Optional(Type.Union([Type.Literal('A4'), Type.Literal('A5')])),
            reasons: Type.Optional(Type.String({ maxLength: 1000, description: 'Form 02/03: one reason per line' })),
          },
          { additionalProperties: false },
        ),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, deps.auth);
      if (!principal) return sendError(reply, 'UNAUTHENTICATED');
      if (principal.kind !== 'officer') return sendError(reply, 'FORBIDDEN');
      const record = deps.record((request.params as { code: string }).code);
      if (!record) return sendError(reply, 'DOSSIER_NOT_FOUND');
      const q = request.query as { form?: ReceiptFormId; paper?: 'A4' | 'A5'; reasons?: string };
      const form = q.form ?? '01';
      try {
        const { layout, data } = siteForm(record, form, {
          site: deps.site(),
          publicUrl: deps.publicUrl,
          reasons: q.reasons,
          now: deps.clock.now(),
        });
        const pdf = await renderReceiptPdf(layout, data, q.paper ?? 'A4');
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${record.code}-mau-${form}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      } catch (err) {
        if (err instanceof ReceiptDataError) {
          return sendError(
            reply,
            'VALIDATION_FAILED',
            err.problems.map((message) => ({ path: '/query', message })),
          );
        }
        throw err;
      }
    },
  );
}
