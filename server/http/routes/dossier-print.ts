import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DossierRecord } from '../../../common/dossier/dossier-record.js';
import type { ReceiptFormId } from '../../../common/dossier/receipt-data.js';
import type { SiteConfig } from '../../config/site-config-schema.js';
import type { Clock } from '../../core/ports.js';
import type { CounterPrinted, CounterPrinterInfo } from '../../devices/counter-printers.js';
import type { PrinterModel } from '../../devices/catalogue/printer-model-schema.js';
import { printJobOptions } from '../../devices/drivers/print-job-options.js';
import { ReceiptDataError } from '../../documents/check-receipt-data.js';
import { receiptThermalJob } from '../../documents/render-thermal.js';
import { siteForm } from '../../documents/site-form.js';
import type { AuthService } from '../../services/auth-service.js';
import type { Principal } from '../../services/principal.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

export interface DossierPrintDeps {
  readonly auth: AuthService;
  readonly record: (code: string) => DossierRecord | undefined;
  readonly site: () => SiteConfig;
  readonly publicUrl: string;
  readonly clock: Clock;
  /** Who has each counter open now (null: closed); undefined for a counter the hall does not know. */
  readonly counterOfficer: (counterId: string) => { officerId: string | null } | undefined;
  /** The counters' receipt printers; null until the hardware has started. */
  readonly printers: () => {
    info(counterId: string): CounterPrinterInfo;
    print(counterId: string, render: (model: PrinterModel) => { bytes: Uint8Array; png: () => Buffer }): Promise<CounterPrinted>;
  } | null;
}

const CounterId = Type.String({ minLength: 1, maxLength: 64 });

/**
 * A dossier's receipt (mẫu 01) or form 02/03 on the thermal printer of the officer's counter, the
 * roll beside the PDF. The answer is the paper's fate ({ok, reason}: offline, paper-out…), as for a
 * kiosk's ticket; the hall never waits on it. The console asks first whether its counter has one.
 */
export function registerDossierPrintRoutes(app: FastifyInstance, deps: DossierPrintDeps): void {
  // The officer's own counter; a supervisor or admin may print at any counter, as they may act on it.
  const counterRefusal = (reply: FastifyReply, principal: Principal & { kind: 'officer' }, counterId: string) => {
    const counter = deps.counterOfficer(counterId);
    if (!counter) return sendError(reply, 'COUNTER_NOT_FOUND');
    if (principal.role === 'officer' && counter.officerId !== principal.officerId) return sendError(reply, 'NOT_YOUR_COUNTER');
    return null;
  };

  app.get(
    '/api/counters/:id/printer',
    {
      schema: {
        summary: 'Whether the counter has a receipt printer, and its last status',
        tags: ['dossier'],
        params: Type.Object({ id: CounterId }, { additionalProperties: false }),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, deps.auth);
      if (!principal) return sendError(reply, 'UNAUTHENTICATED');
      if (principal.kind !== 'officer') return sendError(reply, 'FORBIDDEN');
      const { id } = request.params as { id: string };
      if (!deps.counterOfficer(id)) return sendError(reply, 'COUNTER_NOT_FOUND');
      const info = deps.printers()?.info(id) ?? { present: false, status: null };
      return { ok: true, data: info };
    },
  );

  app.post(
    '/api/dossiers/:code/receipt/print',
    {
      schema: {
        summary: "Prints the receipt (mẫu 01) or form 02/03 of a dossier on the counter's thermal printer",
        tags: ['dossier'],
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        body: Type.Object(
          {
            form: Type.Union([Type.Literal('01'), Type.Literal('02'), Type.Literal('03')]),
            reasons: Type.Optional(Type.String({ maxLength: 1000, description: 'Form 02/03: one reason per line' })),
            counterId: CounterId,
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
      const body = request.body as { form: ReceiptFormId; reasons?: string; counterId: string };
      const refused = counterRefusal(reply, principal, body.counterId);
      if (refused) return refused;
      const record = deps.record((request.params as { code: string }).code);
      if (!record) return sendError(reply, 'DOSSIER_NOT_FOUND');
      const printers = deps.printers();
      if (!printers) return { ok: true, data: { ok: false, reason: 'no-printer' } satisfies CounterPrinted };
      const { layout: form, data } = siteForm(record, body.form, {
        site: deps.site(),
        publicUrl: deps.publicUrl,
        reasons: body.reasons,
        now: deps.clock.now(),
      });
      try {
        const printed = await printers.print(body.counterId, (model) =>
          receiptThermalJob(form, data, { width: model.dots, job: printJobOptions(model) }),
        );
        return { ok: true, data: printed };
      } catch (err) {
        if (err instanceof ReceiptDataError) {
          return sendError(
            reply,
            'VALIDATION_FAILED',
            err.problems.map((message) => ({ path: '/body', message })),
          );
        }
        throw err;
      }
    },
  );
}
