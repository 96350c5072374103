import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { HallReportSchema, REPORT_TABLES, SavedReportSchema, type ReportTableKey } from '../../../common/contract/report.js';
import { tableToCsv } from '../../reports/csv-export.js';
import { checkReportRange } from '../../reports/report-range.js';
import type { ReportSource } from '../../reports/report-runner.js';
import { TABLE_SLUGS, reportTable } from '../../reports/report-tables.js';
import { reportWorkbook } from '../../reports/xlsx-export.js';
import type { AuthService } from '../../services/auth-service.js';
import type { SavedReportRow } from '../../storage/repositories/saved-reports.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

export interface AdminReportRouteDeps {
  readonly auth: AuthService;
  /** The report thread in the hub (ReportRunner); the engine itself will do in tests. */
  readonly reports: ReportSource;
  /** The kept weekly reports (WeeklyReportService). */
  readonly weekly: {
    list(limit?: number): SavedReportRow[];
    file(id: number, ext: 'xlsx' | 'csv'): { path: string; name: string } | null;
  };
}

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Service day YYYY-MM-DD (Asia/Ho_Chi_Minh)' });
const Range = { from: Day, to: Day };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** ASCII names only, so every browser saves the file under the same name; filename* for those that read it. */
function attachment(reply: FastifyReply, name: string, type: string, body: string | Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/**
 * The hall's reports for supervisors and admins: figures over a range of service days (at most a
 * year), their CSV and XLSX exports, and the weekly reports the hub keeps. Refusals: a range that
 * is not one is REPORT_RANGE_INVALID, with what is wrong in details.
 */
export function registerAdminReportRoutes(app: FastifyInstance, deps: AdminReportRouteDeps): void {
  const refused = (request: FastifyRequest, reply: FastifyReply) => {
    const p = principalOf(request, deps.auth);
    if (!p) return sendError(reply, 'UNAUTHENTICATED');
    if (p.kind !== 'officer' || (p.role !== 'supervisor' && p.role !== 'admin')) return sendError(reply, 'FORBIDDEN');
    return null;
  };
  /** The report for the request's range, or the refusal already sent. */
  const reportFor = async (request: FastifyRequest, reply: FastifyReply) => {
    const { from, to } = request.query as { from: string; to: string };
    const range = checkReportRange(from, to);
    if (!range.ok) return { refusal: sendError(reply, 'REPORT_RANGE_INVALID', range.details) };
    const t = performance.now();
    const report = await deps.reports.compute(from, to);
    request.log.info({ from, to, ms: Math.round(performance.now() - t) }, 'report computed');
    return { report };
  };

  app.get(
    '/api/admin/reports',
    {
      schema: {
        summary:
          'Figures over a range of service days: totals, per queue, counter, officer, day and hour; supervisors and admins',
        tags: ['admin', 'reports'],
        querystring: Type.Object(Range, { additionalProperties: false }),
        response: responses(HallReportSchema),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const no = refused(request, reply);
      if (no) return no;
      const r = await reportFor(request, reply);
      if ('refusal' in r) return r.refusal;
      return { ok: true, data: r.report };
    },
  );

  app.get(
    '/api/admin/reports/export.csv',
    {
      schema: {
        summary: 'One table of the report as CSV (UTF-8 with BOM, comma, CRLF, Vietnamese headers); supervisors and admins',
        tags: ['admin', 'reports'],
        querystring: Type.Object(
          {
            ...Range,
            table: Type.Optional(
              Type.Union(
                REPORT_TABLES.map((t) => Type.Literal(t)),
                { description: 'summary by default' },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const no = refused(request, reply);
      if (no) return no;
      const r = await reportFor(request, reply);
      if ('refusal' in r) return r.refusal;
      const table = (request.query as { table?: ReportTableKey }).table ?? 'summary';
      const name = `bao-cao-${TABLE_SLUGS[table]}-${r.report.from}-${r.report.to}.csv`;
      return attachment(reply, name, 'text/csv; charset=utf-8', tableToCsv(reportTable(r.report, table)));
    },
  );

  app.get(
    '/api/admin/reports/export.xlsx',
    {
      schema: {
        summary: 'The report as an XLSX workbook, one sheet per table; supervisors and admins',
        tags: ['admin', 'reports'],
        querystring: Type.Object(Range, { additionalProperties: false }),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const no = refused(request, reply);
      if (no) return no;
      const r = await reportFor(request, reply);
      if ('refusal' in r) return r.refusal;
      const name = `bao-cao-${r.report.from}-${r.report.to}.xlsx`;
      return attachment(reply, name, XLSX_TYPE, await reportWorkbook(r.report));
    },
  );

  app.get(
    '/api/admin/reports/weekly',
    {
      schema: {
        summary:
          'The weekly reports the hub made (Thursday 15:00, for Thursday..Wednesday), newest first; supervisors and admins',
        tags: ['admin', 'reports'],
        response: responses(Type.Object({ reports: Type.Array(SavedReportSchema) })),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const no = refused(request, reply);
      if (no) return no;
      const reports = deps.weekly.list().map((r) => ({ id: r.id, kind: r.kind, from: r.from, to: r.to, createdAt: r.createdAt }));
      return { ok: true, data: { reports } };
    },
  );

  for (const ext of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/admin/reports/weekly/:id.${ext}`,
      {
        schema: {
          summary: `A kept weekly report as ${ext.toUpperCase()}; supervisors and admins`,
          tags: ['admin', 'reports'],
          params: Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,11}$' }) }, { additionalProperties: false }),
          security: [{ bearer: [] }],
        },
      },
      async (request, reply) => {
        const no = refused(request, reply);
        if (no) return no;
        const file = deps.weekly.file(Number((request.params as { id: string }).id), ext);
        if (!file) return sendError(reply, 'NOT_FOUND');
        return attachment(reply, file.name, ext === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8', readFileSync(file.path));
      },
    );
  }
}
