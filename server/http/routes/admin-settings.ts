import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { redact } from '../../config/settings-diff.js';
import { SiteConfigSchema } from '../../config/site-config-schema.js';
import type { ModelChoices } from '../../devices/catalogue/model-choices.js';
import type { Clock } from '../../core/ports.js';
import type { AuthService } from '../../services/auth-service.js';
import { newReadablePassword } from '../../services/passwords.js';
import type { SiteSettings } from '../../services/site-settings.js';
import type { AuditLogRepository } from '../../storage/repositories/audit-log.js';
import { adminPrincipal } from '../admin-guard.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';

const Path = Type.String({ description: 'JSON pointer into the settings, e.g. /counters/3/number' });

const SettingsView = Type.Object({
  config: Type.Unknown({ description: 'The whole site config; device keys are "***" for a supervisor' }),
  revision: Type.String(),
  restartPending: Type.Array(Path),
});

const SaveBody = Type.Object(
  {
    config: Type.Unknown({ description: 'The whole site config, checked as a whole' }),
    revision: Type.String({ minLength: 1, maxLength: 64, description: 'The revision the edit started from' }),
  },
  { additionalProperties: false },
);

const SaveResult = Type.Object({
  revision: Type.String(),
  changed: Type.Array(Path),
  restartNeeded: Type.Array(Path),
  newPasswords: Type.Array(Type.Object({ username: Type.String(), password: Type.String() }), {
    description: 'First passwords of officers added by this save: shown once, never stored in clear',
  }),
});

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.Integer(),
  actor: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  summary: Type.String(),
  changes: Type.Array(
    Type.Object({
      path: Type.String(),
      // Absent before a row was added and after it was removed.
      before: Type.Optional(Type.Unknown()),
      after: Type.Optional(Type.Unknown()),
    }),
  ),
});

const OfficerParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,32}$' }) }, { additionalProperties: false });

/**
 * The hall's set-up for supervisors (read) and admins (change): the settings with their schema (the
 * admin page builds its forms from it), a save that is checked and applied as a whole, officers'
 * password resets, and the audit log of every change.
 */
export function registerAdminSettingsRoutes(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    settings: SiteSettings;
    audit: AuditLogRepository;
    models: () => Promise<ModelChoices>;
    clock: Clock;
  },
): void {
  app.get(
    '/api/admin/settings/schema',
    {
      schema: {
        summary: 'The settings schema (with titles, Vietnamese labels, defaults, restart marks) and the device models per kind',
        tags: ['admin'],
        response: responses(Type.Object({ schema: Type.Unknown(), models: Type.Unknown() })),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      if (!adminPrincipal(request, reply, deps.auth, false)) return reply;
      return { ok: true, data: { schema: SiteConfigSchema, models: await deps.models() } };
    },
  );

  app.get(
    '/api/admin/settings',
    {
      schema: {
        summary: 'The current settings, their revision and what waits for a restart; supervisors and admins',
        tags: ['admin'],
        response: responses(SettingsView),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const who = adminPrincipal(request, reply, deps.auth, false);
      if (!who) return reply;
      const config = deps.settings.current();
      return {
        ok: true,
        data: {
          // Device keys are screen passwords: an admin sets screens up with them, a supervisor has no use for them.
          config: who.role === 'admin' ? config : redact(config),
          revision: deps.settings.revision(),
          restartPending: deps.settings.restartPending(),
        },
      };
    },
  );

  app.put(
    '/api/admin/settings',
    {
      bodyLimit: 1024 * 1024,
      schema: {
        summary: 'Replace the settings as a whole: checked, saved to the site file, audited and applied; admins',
        tags: ['admin'],
        body: SaveBody,
        response: responses(SaveResult),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const who = adminPrincipal(request, reply, deps.auth, true);
      if (!who) return reply;
      const body = request.body as { config: unknown; revision: string };
      const result = await deps.settings.save(body.config, body.revision, { officerId: who.officerId, name: who.name });
      if (!result.ok) {
        return result.code === 'SETTINGS_STALE'
          ? sendError(reply, 'SETTINGS_STALE')
          : sendError(
              reply,
              'SETTINGS_INVALID',
              result.errors.map((e) => ({ path: e.path, message: e.message })),
            );
      }
      const { revision, changed, restartNeeded, newPasswords } = result;
      return { ok: true, data: { revision, changed, restartNeeded, newPasswords } };
    },
  );

  app.post(
    '/api/admin/officers/:id/password',
    {
      schema: {
        summary: 'Give an officer a new first password (shown once) and end all their sessions; admins',
        tags: ['admin'],
        params: OfficerParams,
        response: responses(Type.Object({ username: Type.String(), password: Type.String() })),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const who = adminPrincipal(request, reply, deps.auth, true);
      if (!who) return reply;
      const { id } = request.params as { id: string };
      const officer = deps.settings.current().officers.find((o) => o.id === id);
      if (!officer) return sendError(reply, 'NOT_FOUND');
      const password = newReadablePassword();
      await deps.auth.setPassword(id, password);
      const revoked = deps.auth.revokeAllOf(id);
      deps.audit.append({
        at: deps.clock.now(),
        actor: `officer:${who.officerId}`,
        actorName: who.name,
        action: 'officer:password-reset',
        summary: `Password reset for ${officer.username} (${revoked} session(s) ended)`,
        changes: [{ path: `/officers/${id}/password`, before: '***', after: '***' }],
      });
      return { ok: true, data: { username: officer.username, password } };
    },
  );

  app.get(
    '/api/admin/audit',
    {
      schema: {
        summary: 'The audit log, newest first; supervisors and admins',
        tags: ['admin'],
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: 'At most 500; 50 by default' })),
            beforeId: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$' })),
          },
          { additionalProperties: false },
        ),
        response: responses(Type.Object({ entries: Type.Array(AuditEntry) })),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      if (!adminPrincipal(request, reply, deps.auth, false)) return reply;
      const q = request.query as { limit?: string; beforeId?: string };
      const limit = Math.min(Number(q.limit ?? 50), 500);
      const entries = deps.audit.list({ limit, ...(q.beforeId ? { beforeId: Number(q.beforeId) } : {}) });
      return { ok: true, data: { entries } };
    },
  );
}
