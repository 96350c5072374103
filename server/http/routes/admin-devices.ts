import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SLUG_PATTERN } from '../../config/schema-meta.js';
import type { AuthService } from '../../services/auth-service.js';
import type { NewAuditEntry } from '../../storage/repositories/audit-log.js';
import { adminPrincipal } from '../admin-guard.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';

const Params = Type.Object(
  { id: Type.String({ pattern: SLUG_PATTERN, description: 'The device id in the site config' }) },
  { additionalProperties: false },
);

/** The admin page sends {}; a test takes no options. */
const Body = Type.Object({}, { additionalProperties: false, description: 'Send {}' });

const TestResult = Type.Object({
  ok: Type.Boolean({ description: 'Whether the device did what it was asked and is fit for the hall' }),
  message: Type.String({ description: 'English, for logs and API clients' }),
  messageVi: Type.String({ description: 'Vietnamese, shown as it is on the admin page' }),
});

export interface AdminDeviceDeps {
  readonly auth: AuthService;
  /** Drives the device (HallHardware.testDevice); null when the site has no device with this id. */
  readonly testDevice: (id: string) => Promise<{ ok: boolean; message: string; messageVi: string } | null>;
  readonly audit: (entry: NewAuditEntry) => void;
  readonly now: () => number;
}

/**
 * "Thử thiết bị" for admins: a test prints paper, lights a board over a counter or flashes a screen
 * in the hall, so it is an act at the hall like a settings change, and goes in the audit log. A
 * device that fails its test is an answer (ok: false with the reason), not a refusal: the refusals
 * are for who asks (sign-in, role) and for an id the site does not have.
 */
export function registerAdminDeviceRoutes(app: FastifyInstance, deps: AdminDeviceDeps): void {
  app.post(
    '/api/admin/devices/:id/test',
    {
      schema: {
        summary:
          'Test a device: a printer prints a test slip, an LED board shows 8888 for 5 s, a pad reports its link and last press, a screen gets device:test; admins',
        tags: ['admin'],
        params: Params,
        body: Body,
        response: responses(TestResult),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const who = adminPrincipal(request, reply, deps.auth, true);
      if (!who) return reply;
      const { id } = request.params as { id: string };
      const result = await deps.testDevice(id);
      if (!result) return sendError(reply, 'NOT_FOUND', [{ path: '/params/id', message: `No device ${id} in the site config` }]);
      deps.audit({
        at: deps.now(),
        actor: `officer:${who.officerId}`,
        actorName: who.name,
        action: 'device:tested',
        summary: `Device ${id} tested: ${result.ok ? 'passed' : 'failed'} (${result.message})`,
        changes: [],
      });
      request.log.info({ deviceId: id, ok: result.ok, officerId: who.officerId }, 'device tested');
      return { ok: true, data: { ok: result.ok, message: result.message, messageVi: result.messageVi } };
    },
  );
}
