import type { FastifyInstance } from 'fastify';
import { ScreenConfigSchema, type ScreenConfig } from '../../../common/contract/screen-config.js';
import type { AuthService } from '../../services/auth-service.js';
import type { Principal } from '../../services/principal.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

export function registerScreenConfigRoute(
  app: FastifyInstance,
  deps: { auth: AuthService; screenConfig: (principal: Principal) => ScreenConfig },
): void {
  app.get(
    '/api/screen-config',
    {
      schema: {
        summary: "Office names, priority classes, kiosk timing, the hall TV's notice, voice and layout, for screens",
        tags: ['hall'],
        response: responses(ScreenConfigSchema),
        security: [{ bearer: [] }, { deviceKey: [] }],
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, deps.auth);
      if (!principal) return sendError(reply, 'UNAUTHENTICATED');
      return { ok: true, data: deps.screenConfig(principal) };
    },
  );
}
