import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { COMMAND_NAMES, COMMANDS, type CommandName } from '../../../common/contract/commands.js';
import type { AuthService } from '../../services/auth-service.js';
import type { HallService } from '../../services/hall-service.js';
import type { IssueLimits } from '../../services/issue-limits.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

/**
 * One REST route per command of the wire contract, from the same table the socket uses: the path
 * carries the ids (`/api/counters/:counterId/call-next`), the body the rest of the input, and both
 * are checked against the command's schema before the hall sees them. Issuing a ticket is limited
 * per kiosk and per address when `issueLimits` is given (services/issue-limits.ts).
 */
export function registerCommandRoutes(
  app: FastifyInstance,
  deps: { hall: HallService; auth: AuthService; issueLimits?: IssueLimits | null },
): void {
  for (const name of COMMAND_NAMES) {
    const command = COMMANDS[name];
    const input = command.input as TObject;
    const paramKeys: readonly string[] = command.rest.params;
    const params = Type.Object(Object.fromEntries(paramKeys.map((k) => [k, input.properties[k] as TSchema])), {
      additionalProperties: false,
    });
    const body = Type.Object(Object.fromEntries(Object.entries(input.properties).filter(([k]) => !paramKeys.includes(k))), {
      additionalProperties: false,
    });
    app.post(
      command.rest.url,
      {
        schema: {
          summary: command.summary,
          description: `Socket.io: emit \`${name}\` with the same fields and an ack callback.`,
          tags: [name.split(':')[0] ?? 'hall'],
          ...(paramKeys.length > 0 ? { params } : {}),
          body,
          response: responses(command.result),
          security: [{ bearer: [] }, { deviceKey: [] }],
        },
      },
      async (request, reply) => {
        const principal = principalOf(request, deps.auth);
        if (!principal) return sendError(reply, 'UNAUTHENTICATED');
        const limited = name === 'ticket:issue' ? deps.issueLimits?.check(principal, request.ip) : null;
        if (limited) {
          void reply.header('retry-after', String(limited.retryAfterSec));
          return sendError(reply, 'RATE_LIMITED');
        }
        const merged = { ...(request.body as object), ...(request.params as object) } as { commandId: string };
        const ack = deps.hall.execute(name as CommandName, merged, principal);
        if (!ack.ok) return sendError(reply, ack.error.code, ack.error.details);
        return ack;
      },
    );
  }
}
