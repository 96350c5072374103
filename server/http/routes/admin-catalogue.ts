import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Nullable } from '../../../common/contract/nullable.js';
import { catalogueAfter, formatOf, readUpload, XLSX_TYPE } from '../../catalogue/upload-catalogue.js';
import type { KnownCatalogue } from '../../catalogue/upload-diff.js';
import { UploadFileInvalid, type UploadProblem } from '../../catalogue/upload-problem.js';
import { CataloguePreviews } from '../../catalogue/upload-previews.js';
import type { Clock, IdSource } from '../../core/ports.js';
import type { AuthService } from '../../services/auth-service.js';
import type { CatalogueService } from '../../services/catalogue-service.js';
import type { Principal } from '../../services/principal.js';
import type { AuditLogRepository } from '../../storage/repositories/audit-log.js';
import type { ProceduresRepository } from '../../storage/repositories/procedures.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

/** The national catalogue as CSV is 2 MB; an XLSX or a JSON of full records is larger. */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;
const MAX_SAMPLES = 50;
const MAX_NOT_IN_FILE = 500;
const MAX_PROBLEMS = 1000;

const Sample = Type.Object({
  code: Type.String(),
  name: Type.String(),
  field: Nullable(Type.String()),
  changes: Type.Optional(
    Type.Array(
      Type.Object({
        key: Type.String({ description: 'The procedure key that changed: name, field, implementingAgency, documents…' }),
        before: Nullable(Type.String()),
        after: Nullable(Type.String()),
      }),
    ),
  ),
});

const Problem = Type.Object({
  row: Type.Integer({
    description: 'Line of the CSV, row of the sheet, position of the record in the JSON list; 0 for the whole file',
  }),
  column: Type.Optional(Type.String()),
  code: Nullable(Type.String()),
  message: Type.String({ description: 'English' }),
  messageVi: Type.String(),
});

const Counts = Type.Object({
  added: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  notInFile: Type.Integer({ description: 'Known procedures the file lacks: kept, an import never deletes' }),
});

const PreviewSchema = Type.Object({
  previewId: Type.String(),
  fileName: Type.String(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('json')]),
  expiresAt: Type.Integer(),
  read: Type.Integer({ description: 'Procedures read from the file' }),
  counts: Counts,
  samples: Type.Object({
    added: Type.Array(Sample, { description: `The first ${MAX_SAMPLES}` }),
    changed: Type.Array(Sample, { description: `The first ${MAX_SAMPLES}` }),
  }),
  notInFile: Type.Array(Type.String(), { description: `Codes, the first ${MAX_NOT_IN_FILE}` }),
  problems: Type.Array(Problem, { description: `The first ${MAX_PROBLEMS}` }),
  problemCount: Type.Integer(),
});

const ImportSchema = Type.Object({
  counts: Counts,
  procedures: Type.Integer({ description: 'Procedures in the catalogue after the import' }),
  fileName: Type.String(),
  importedAt: Type.Integer(),
});

const StatusSchema = Type.Object({
  procedures: Type.Integer(),
  lastImport: Nullable(
    Type.Object({ at: Type.Integer(), source: Type.String(), problemCount: Type.Integer(), durationMs: Type.Integer() }),
  ),
});

type Officer = Extract<Principal, { kind: 'officer' }>;

export interface AdminCatalogueDeps {
  readonly auth: AuthService;
  readonly catalogue: CatalogueService;
  readonly procedures: ProceduresRepository;
  readonly audit: AuditLogRepository;
  readonly clock: Clock;
  readonly ids: IdSource;
}

/**
 * The catalogue import of the admin page: an uploaded export of the national portal (CSV, XLSX, or
 * the LayThuTuc JSON of full records) is previewed against the hub's catalogue, then imported as
 * previewed. The preview is for supervisors and admins; the import for admins.
 */
export function registerAdminCatalogueRoutes(app: FastifyInstance, deps: AdminCatalogueDeps): void {
  const previews = new CataloguePreviews({ clock: deps.clock, newId: () => deps.ids.next() });
  const known: KnownCatalogue = {
    codes: () => deps.procedures.searchDocs().map((d) => d.code),
    get: (code) => deps.procedures.get(code),
  };
  const officer = (request: FastifyRequest, reply: FastifyReply, adminOnly: boolean): Officer | null => {
    const p = principalOf(request, deps.auth);
    if (!p) {
      sendError(reply, 'UNAUTHENTICATED');
      return null;
    }
    if (p.kind !== 'officer' || !(adminOnly ? ['admin'] : ['supervisor', 'admin']).includes(p.role)) {
      sendError(reply, 'FORBIDDEN');
      return null;
    }
    return p;
  };

  app.get(
    '/api/admin/catalogue',
    {
      schema: {
        summary: 'The procedure catalogue: its size and its last import; supervisors and admins',
        tags: ['admin'],
        response: responses(StatusSchema),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      if (!officer(request, reply, false)) return reply;
      const last = deps.procedures.lastImport();
      return {
        ok: true,
        data: {
          procedures: deps.catalogue.size,
          lastImport: last
            ? { at: last.at, source: last.source, problemCount: last.problemCount, durationMs: last.durationMs }
            : null,
        },
      };
    },
  );

  // The upload takes the raw file as its body: its own parsers and limit, kept to this scope so
  // the rest of the hub keeps its 64 KB JSON bodies.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/admin/catalogue/preview',
      {
        bodyLimit: UPLOAD_LIMIT,
        schema: {
          summary:
            `Preview an import: the raw file as the body (text/csv UTF-8, ${XLSX_TYPE}, or application/json of LayThuTuc ` +
            'records), its name in X-File-Name (percent-encoded); nothing is written. Supervisors and admins',
          tags: ['admin'],
          headers: Type.Object({ 'x-file-name': Type.Optional(Type.String({ maxLength: 1000 })) }),
          response: responses(PreviewSchema),
          security: [{ bearer: [] }],
        },
      },
      async (request, reply) => {
        if (!officer(request, reply, false)) return reply;
        const format = formatOf(request.headers['content-type']);
        if (!format)
          return sendError(reply, 'VALIDATION_FAILED', [
            { path: '/headers/content-type', message: `send the file as text/csv, ${XLSX_TYPE} or application/json` },
          ]);
        const fileName = fileNameOf(request.headers['x-file-name'], format);
        const body = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
        const started = performance.now();
        try {
          const upload = await readUpload(format, body, known);
          const stored = previews.put({ fileName, upload });
          const { diff } = upload;
          request.log.info(
            {
              fileName,
              format,
              bytes: body.length,
              read: upload.read,
              added: diff.added.length,
              changed: diff.changed.length,
              problems: upload.problems.length,
              ms: Math.round(performance.now() - started),
            },
            'catalogue upload previewed',
          );
          return {
            ok: true,
            data: {
              previewId: stored.id,
              fileName,
              format,
              expiresAt: stored.expiresAt,
              read: upload.read,
              counts: countsOf(upload.diff),
              samples: { added: diff.added.slice(0, MAX_SAMPLES), changed: diff.changed.slice(0, MAX_SAMPLES) },
              notInFile: diff.notInFile.slice(0, MAX_NOT_IN_FILE),
              problems: upload.problems.slice(0, MAX_PROBLEMS).map(problemView),
              problemCount: upload.problems.length,
            },
          };
        } catch (err) {
          if (!(err instanceof UploadFileInvalid)) throw err;
          request.log.info({ fileName, format, bytes: body.length, problem: err.message }, 'catalogue upload refused');
          return sendError(reply, 'FILE_INVALID', err.problems.slice(0, MAX_PROBLEMS).map(detailOf));
        }
      },
    );
  });

  app.post(
    '/api/admin/catalogue/import',
    {
      schema: {
        summary: 'Import what a preview showed (kept 15 minutes, the latest one only); admins only',
        tags: ['admin'],
        body: Type.Object({ previewId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: responses(ImportSchema),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const who = officer(request, reply, true);
      if (!who) return reply;
      const { previewId } = request.body as { previewId: string };
      const stored = previews.get(previewId);
      if (!stored)
        return sendError(reply, 'NOT_FOUND', [
          {
            path: '/body/previewId',
            message:
              'no such preview: it expired (15 minutes), was imported, or a newer preview replaced it; preview the file again',
          },
        ]);
      const started = performance.now();
      const before = deps.catalogue.size;
      let after = before;
      // A file with nothing new is recorded in the audit log only: rewriting the table would change nothing.
      if (stored.upload.diff.upserts.length > 0) {
        const result = catalogueAfter(known, stored.upload, stored.fileName);
        // One transaction replaces the table and logs the import; the kiosk's search is rebuilt at once.
        deps.catalogue.replace(result, `upload:${stored.fileName}`, performance.now() - started);
        after = result.procedures.length;
      }
      previews.drop(previewId);
      const counts = countsOf(stored.upload.diff);
      const now = deps.clock.now();
      deps.audit.append({
        at: now,
        actor: `officer:${who.officerId}`,
        actorName: who.name,
        action: 'catalogue:imported',
        summary:
          `Catalogue imported from ${stored.fileName}: ${counts.added} added, ${counts.changed} changed, ` +
          `${counts.unchanged} unchanged, ${counts.notInFile} not in the file (kept)`,
        changes: [
          { path: '/catalogue/procedures', before, after },
          { path: '/catalogue/added', before: null, after: stored.upload.diff.added.slice(0, 200).map((s) => s.code) },
          { path: '/catalogue/changed', before: null, after: stored.upload.diff.changed.slice(0, 200).map((s) => s.code) },
        ],
      });
      return {
        ok: true,
        data: { counts, procedures: after, fileName: stored.fileName, importedAt: now },
      };
    },
  );
}

function countsOf(diff: {
  added: readonly unknown[];
  changed: readonly unknown[];
  unchanged: number;
  notInFile: readonly unknown[];
}) {
  return { added: diff.added.length, changed: diff.changed.length, unchanged: diff.unchanged, notInFile: diff.notInFile.length };
}

function problemView(p: UploadProblem) {
  return {
    row: p.row,
    ...(p.column !== undefined ? { column: p.column } : {}),
    code: p.code,
    message: p.message,
    messageVi: p.messageVi,
  };
}

/** Where a problem is, as the error envelope's details say it: /rows/12/Mã số, or /file. */
function detailOf(p: UploadProblem): { path: string; message: string } {
  return { path: p.row > 0 ? `/rows/${p.row}${p.column ? `/${p.column}` : ''}` : '/file', message: p.message };
}

/** The name the screen sent (percent-encoded, as headers are ASCII), without any folder part. */
function fileNameOf(header: string | string[] | undefined, format: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: kept as sent.
  }
  name = name.split(/[\\/]/).pop()?.trim().slice(0, 200) ?? '';
  return name || `upload.${format}`;
}
