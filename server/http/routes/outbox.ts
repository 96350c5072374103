import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Nullable } from '../../../common/contract/nullable.js';
import type { Clock } from '../../core/ports.js';
import type { OutboxWorkerStatus } from '../../forwarding/outbox-worker.js';
import type { AuthService } from '../../services/auth-service.js';
import type { OutboxItem, OutboxRepository } from '../../storage/repositories/outbox.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

const MAX_LIST = 1000;
/** An export holds every dead item; the cap only keeps one request from building an unbounded body. */
const MAX_EXPORT = 100_000;

const Counts = Type.Object({ pending: Type.Integer(), done: Type.Integer(), dead: Type.Integer() });

const StatusSchema = Type.Object({
  counts: Counts,
  worker: Type.Object({
    running: Type.Boolean(),
    inFlight: Type.Integer(),
    lastError: Nullable(Type.Object({ at: Type.Integer(), itemId: Type.Integer(), message: Type.String() })),
    lastSuccessAt: Nullable(Type.Integer()),
  }),
});

const ItemSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  idempotencyKey: Type.String(),
  stream: Type.String(),
  payload: Type.Unknown(),
  createdAt: Type.Integer(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Integer(),
  lastError: Nullable(Type.String()),
});

const RetryBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), {
        minItems: 1,
        maxItems: MAX_LIST,
        uniqueItems: true,
        description: 'All dead items when absent',
      }),
    ),
  },
  { additionalProperties: false, description: 'Send {} to retry every dead item; a request without a body is refused' },
);

export interface OutboxRouteWorker {
  status(): Pick<OutboxWorkerStatus, 'running' | 'inFlight' | 'lastError' | 'lastSuccessAt'>;
  kick(): void;
}

const view = (i: OutboxItem) => ({
  id: i.id,
  kind: i.kind,
  idempotencyKey: i.idempotencyKey,
  stream: i.stream,
  payload: i.payload,
  createdAt: i.createdAt,
  status: i.status,
  attempts: i.attempts,
  nextAttemptAt: i.nextAttemptAt,
  lastError: i.lastError,
});

/**
 * What the hub still owes the province system, for supervisors and admins: the backlog and the
 * worker's last error, the dead items (tries used up or rejected), a retry of them once the cause
 * is fixed, and an export to hand to the province's support. Payloads hold personal data, hence
 * no officer or screen below supervisor sees them.
 */
export function registerOutboxRoutes(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    outbox: OutboxRepository;
    /** Null when no province system is configured: items wait in the outbox and the worker shows as not running. */
    worker: OutboxRouteWorker | null;
    clock: Clock;
  },
): void {
  const refused = (request: FastifyRequest, reply: FastifyReply) => {
    const p = principalOf(request, deps.auth);
    if (!p) return sendError(reply, 'UNAUTHENTICATED');
    if (p.kind !== 'officer' || (p.role !== 'supervisor' && p.role !== 'admin')) return sendError(reply, 'FORBIDDEN');
    return null;
  };

  app.get(
    '/api/outbox',
    {
      schema: {
        summary: 'Items owed to the province system by state, and the forwarding worker; supervisors and admins',
        tags: ['outbox'],
        response: responses(StatusSchema),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const no = refused(request, reply);
      if (no) return no;
      const s = deps.worker?.status() ?? { running: false, inFlight: 0, lastError: null, lastSuccessAt: null };
      const counts = deps.outbox.counts();
      return {
        ok: true,
        data: {
          counts,
          worker: { running: s.running, inFlight: s.inFlight, lastError: s.lastError, lastSuccessAt: s.lastSuccessAt },
        },
      };
    },
  );

  app.get(
    '/api/outbox/dead',
    {
      schema: {
        summary: 'Items that will not be sent until retried (tries used up, or rejected); supervisors and admins',
        tags: ['outbox'],
        querystring: Type.Object(
          {
            limit: Type.Optional(
              Type.String({ pattern: '^[1-9][0-9]{0,3}$', description: `At most ${MAX_LIST}; 200 by default` }),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses(Type.Object({ items: Type.Array(ItemSchema), total: Type.Integer() })),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const no = refused(request, reply);
      if (no) return no;
      const limit = Number((request.query as { limit?: string }).limit ?? 200);
      if (limit > MAX_LIST)
        return sendError(reply, 'VALIDATION_FAILED', [{ path: '/querystring/limit', message: `must be at most ${MAX_LIST}` }]);
      return { ok: true, data: { items: deps.outbox.list('dead', limit).map(view), total: deps.outbox.counts().dead } };
    },
  );

  app.post(
    '/api/outbox/dead/retry',
    {
      schema: {
        summary: 'Send dead items again (the ids given, or all), with their tries reset; supervisors and admins',
        tags: ['outbox'],
        body: RetryBody,
        response: responses(
          Type.Object({ revived: Type.Integer({ description: 'Items pending again; ids not dead are left as they are' }) }),
        ),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const no = refused(request, reply);
      if (no) return no;
      const { ids } = (request.body ?? {}) as { ids?: number[] };
      const revived = deps.outbox.revive(ids ?? 'all', deps.clock.now());
      request.log.info({ ids: ids ?? 'all', revived }, 'outbox: dead items retried');
      if (revived > 0) deps.worker?.kick();
      return { ok: true, data: { revived } };
    },
  );

  app.get(
    '/api/outbox/dead/export',
    {
      schema: {
        summary: 'Every dead item as a JSON file, for the province support desk; supervisors and admins',
        tags: ['outbox'],
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const no = refused(request, reply);
      if (no) return no;
      const items = deps.outbox.list('dead', MAX_EXPORT).map(view);
      const at = new Date(deps.clock.now()).toISOString();
      const stamp = at.replace(/[:.]/g, '-');
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="outbox-dead-${stamp}.json"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify({ exportedAt: at, count: items.length, items }, null, 2));
    },
  );
}
