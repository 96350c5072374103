import type { FastifyRequest } from 'fastify';
import type { AuthService } from '../services/auth-service.js';
import type { Principal } from '../services/principal.js';

/**
 * Officers send `Authorization: Bearer <token>`; screens send `X-Device-Key: <key>` (the same key
 * they present to socket.io).
 */
export function principalOf(request: FastifyRequest, auth: AuthService): Principal | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return auth.fromToken(header.slice(7).trim());
  const key = request.headers['x-device-key'];
  if (typeof key === 'string' && key.length > 0 && key.length <= 256) return auth.fromDeviceKey(key);
  return null;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
}
