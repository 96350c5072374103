import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../services/auth-service.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { bearerToken, principalOf } from '../principal-of-request.js';
import type { SignInLimits } from '../sign-in-limits.js';

const OfficerSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('officer'), Type.Literal('supervisor'), Type.Literal('admin')]),
});

/**
 * Sign-in, sign-out and who-am-I. With `limits`, guessing is slowed per address and per username
 * and a username is locked after repeated wrong passwords (sign-in-limits.ts); without, none (load
 * benchmarks).
 */
export function registerAuthRoutes(app: FastifyInstance, deps: { auth: AuthService; limits?: SignInLimits | null }): void {
  app.post(
    '/api/auth/login',
    {
      schema: {
        summary: 'Sign in as an officer; answers a bearer token',
        tags: ['auth'],
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: responses(Type.Object({ token: Type.String(), expiresAt: Type.Integer(), officer: OfficerSchema })),
      },
    },
    async (request, reply) => {
      const { username: typed, password } = request.body as { username: string; password: string };
      const username = typed.trim().toLowerCase();
      const gate = deps.limits?.admit(username, request.ip) ?? { ok: true };
      if (!gate.ok) {
        void reply.header('retry-after', String(gate.retryAfterSec));
        return sendError(reply, 'RATE_LIMITED');
      }
      const result = await deps.auth.signIn(username, password);
      if (!result.ok) {
        if (result.code === 'INVALID_CREDENTIALS') deps.limits?.failed(username, request.ip);
        return sendError(reply, result.code);
      }
      deps.limits?.succeeded(username);
      const p = result.principal;
      if (p.kind !== 'officer') return sendError(reply, 'INTERNAL');
      return {
        ok: true,
        data: { token: result.token, expiresAt: p.sessionExpiresAt, officer: { id: p.officerId, name: p.name, role: p.role } },
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        summary: 'Revoke this session token',
        tags: ['auth'],
        response: responses(Type.Object({ revoked: Type.Boolean() })),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const token = bearerToken(request);
      if (!token || !deps.auth.fromToken(token)) return sendError(reply, 'UNAUTHENTICATED');
      deps.auth.signOut(token);
      return { ok: true, data: { revoked: true } };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        summary: 'Who this token or device key belongs to',
        tags: ['auth'],
        response: responses(
          Type.Object({
            kind: Type.Union([Type.Literal('officer'), Type.Literal('device')]),
            id: Type.String(),
            role: Type.String(),
            name: Type.Optional(Type.String()),
            counterId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          }),
        ),
        security: [{ bearer: [] }, { deviceKey: [] }],
      },
    },
    async (request, reply) => {
      const p = principalOf(request, deps.auth);
      if (!p) return sendError(reply, 'UNAUTHENTICATED');
      return p.kind === 'officer'
        ? { ok: true, data: { kind: 'officer', id: p.officerId, role: p.role, name: p.name } }
        : { ok: true, data: { kind: 'device', id: p.deviceId, role: p.deviceKind, counterId: p.counterId } };
    },
  );

  app.post(
    '/api/officers/:officerId/revoke-sessions',
    {
      schema: {
        summary: 'End every session of an officer (a lost or shared password); supervisors and admins',
        tags: ['auth'],
        params: Type.Object({ officerId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        response: responses(Type.Object({ revoked: Type.Integer() })),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const p = principalOf(request, deps.auth);
      if (!p) return sendError(reply, 'UNAUTHENTICATED');
      if (p.kind !== 'officer' || (p.role !== 'supervisor' && p.role !== 'admin')) return sendError(reply, 'FORBIDDEN');
      const { officerId } = request.params as { officerId: string };
      if (!deps.auth.officerExists(officerId)) return sendError(reply, 'NOT_FOUND');
      return { ok: true, data: { revoked: deps.auth.revokeAllOf(officerId) } };
    },
  );
}
