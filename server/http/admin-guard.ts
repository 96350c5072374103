import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService } from '../services/auth-service.js';
import type { Principal } from '../services/principal.js';
import { sendError } from './error-envelope.js';
import { principalOf } from './principal-of-request.js';

export type StaffPrincipal = Extract<Principal, { kind: 'officer' }>;

/**
 * The officer behind an admin request when their role allows it; otherwise the refusal is sent and
 * null returned. Supervisors read; changing the set-up is for admins (`adminOnly`).
 */
export function adminPrincipal(
  request: FastifyRequest,
  reply: FastifyReply,
  auth: AuthService,
  adminOnly: boolean,
): StaffPrincipal | null {
  const p = principalOf(request, auth);
  if (!p) {
    void sendError(reply, 'UNAUTHENTICATED');
    return null;
  }
  const allowed = p.kind === 'officer' && (p.role === 'admin' || (!adminOnly && p.role === 'supervisor'));
  if (!allowed) {
    void sendError(reply, 'FORBIDDEN');
    return null;
  }
  return p as StaffPrincipal;
}
