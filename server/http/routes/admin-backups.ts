import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Nullable } from '../../../common/contract/nullable.js';
import type { AuthService } from '../../services/auth-service.js';
import { BackupWriteError, type BackupService } from '../../services/backup-service.js';
import type { Principal } from '../../services/principal.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

const BackupSchema = Type.Object({
  name: Type.String({ description: 'hall-YYYYMMDD-HHmmss.db, the local time (Asia/Ho_Chi_Minh) it was taken at' }),
  size: Type.Integer({ description: 'Bytes' }),
  at: Type.Integer({ description: 'When it was taken (ms since the epoch)' }),
  events: Nullable(Type.Integer({ description: 'Rows in its event log; null when the file cannot be read' })),
});

const ListSchema = Type.Object({
  backups: Type.Array(BackupSchema, { description: 'Newest first' }),
  dir: Type.String({ description: 'The folder on the hub that holds them' }),
  nextNightlyAt: Type.Integer(),
  keepDays: Type.Integer(),
  lastFailure: Nullable(Type.Object({ at: Type.Integer(), message: Type.String() })),
});

const NameParams = Type.Object(
  { name: Type.String({ pattern: '^hall-[0-9]{8}-[0-9]{6}(-[0-9]{1,3})?\\.db$', maxLength: 40 }) },
  { additionalProperties: false },
);

type Officer = Extract<Principal, { kind: 'officer' }>;

/**
 * Backups of the hall's database for supervisors and admins: the list, a backup now, and (admins
 * only: the file holds citizens' phone numbers and every officer's password hash) a download.
 */
export function registerAdminBackupRoutes(app: FastifyInstance, deps: { auth: AuthService; backups: BackupService }): void {
  const officer = (request: FastifyRequest, reply: FastifyReply, adminOnly: boolean): Officer | null => {
    const p = principalOf(request, deps.auth);
    if (!p) {
      sendError(reply, 'UNAUTHENTICATED');
      return null;
    }
    const allowed = adminOnly ? ['admin'] : ['supervisor', 'admin'];
    if (p.kind !== 'officer' || !allowed.includes(p.role)) {
      sendError(reply, 'FORBIDDEN');
      return null;
    }
    return p;
  };

  app.get(
    '/api/admin/backups',
    {
      schema: {
        summary: 'Backups of the database, newest first, and the nightly schedule; supervisors and admins',
        tags: ['admin'],
        response: responses(ListSchema),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      if (!officer(request, reply, false)) return reply;
      return {
        ok: true,
        data: {
          backups: await deps.backups.list(),
          dir: deps.backups.options.dir,
          nextNightlyAt: deps.backups.nextNightlyAt(),
          keepDays: deps.backups.options.keepDays,
          lastFailure: deps.backups.failure(),
        },
      };
    },
  );

  app.post(
    '/api/admin/backups',
    {
      schema: {
        summary: 'Back the database up now (the hall keeps working), checked before it is listed; supervisors and admins',
        tags: ['admin'],
        response: responses(BackupSchema),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const who = officer(request, reply, false);
      if (!who) return reply;
      try {
        const made = await deps.backups.backupNow({ actor: `officer:${who.officerId}`, actorName: who.name });
        return { ok: true, data: made };
      } catch (err) {
        const why = err instanceof BackupWriteError ? [err.message, ...err.problems] : [String(err)];
        return sendError(
          reply,
          'BACKUP_FAILED',
          why.map((message) => ({ path: '', message })),
        );
      }
    },
  );

  app.get(
    '/api/admin/backups/:name',
    {
      schema: {
        summary: 'Download one backup (an SQLite file); admins only',
        tags: ['admin'],
        params: NameParams,
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const who = officer(request, reply, true);
      if (!who) return reply;
      const { name } = request.params as { name: string };
      const file = await deps.backups.fileOf(name);
      if (!file) return sendError(reply, 'NOT_FOUND');
      const size = (await stat(file)).size;
      request.log.info({ name, by: `officer:${who.officerId}` }, 'backup downloaded');
      return reply
        .header('content-type', 'application/vnd.sqlite3')
        .header('content-length', size)
        .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(createReadStream(file));
    },
  );
}
