import type { FastifyError, FastifyInstance } from 'fastify';
import { errorBody, httpStatusOf, type ErrorBody, type ErrorCode } from '../../common/contract/errors.js';

/** Sends a refusal in the one envelope every client understands: `{ok: false, error}`. */
export function sendError(
  reply: { code(n: number): { send(b: unknown): unknown } },
  code: ErrorCode,
  details?: ErrorBody['details'],
) {
  return reply.code(httpStatusOf(code)).send({ ok: false, error: errorBody(code, details) });
}

/**
 * Maps every failure Fastify raises to the envelope: schema violations list each problem with its
 * path (all of them, not the first), oversized or malformed bodies are validation failures, and an
 * unexpected error is logged in full but answered without internals.
 */
export function registerErrorEnvelope(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err.validation) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        path: `/${where}${v.instancePath}${v.keyword === 'additionalProperties' ? `/${String((v.params as { additionalProperty?: string }).additionalProperty)}` : ''}`,
        message: v.message ?? 'invalid',
      }));
      return reply.code(400).send({ ok: false, error: errorBody('VALIDATION_FAILED', details) });
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      return reply.code(status).send({ ok: false, error: errorBody('VALIDATION_FAILED', [{ path: '', message: err.message }]) });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ ok: false, error: errorBody('INTERNAL') });
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND'));
}
