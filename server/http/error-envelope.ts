import type { FastifyError, FastifyInstance, FastifyServerOptions } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody, httpStatusOf, type ErrorBody, type ErrorCode } from '../../common/contract/errors.js';
import { isStorageFault } from '../storage/storage-fault.js';

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
 * path (all of them, not the first), oversized or malformed bodies are validation failures, storage
 * that cannot take the write is STORAGE_UNAVAILABLE, and an unexpected error is logged in full but
 * answered without internals.
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
    if (isStorageFault(err)) {
      // A sign-in or a settings save with the disk full: rolled back whole, and the clerk has a disk to see to.
      request.log.error({ err }, 'request not stored: storage unavailable');
      return sendError(reply, 'STORAGE_UNAVAILABLE');
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ ok: false, error: errorBody('INTERNAL') });
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND'));
}

/**
 * Fastify's `frameworkErrors` option: what its router refuses before any route runs (a broken
 * %-escape in the path, a path parameter over the router's length limit) gets the envelope too,
 * not Fastify's own `{error, statusCode}` body that clients cannot read.
 */
export const frameworkErrorEnvelope: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, _request, reply) => {
  const status = err.statusCode ?? 400;
  const error = status < 500 ? errorBody('VALIDATION_FAILED', [{ path: '/url', message: err.message }]) : errorBody('INTERNAL');
  // Fastify types this reply with route generics that no route here has; it is an ordinary reply.
  void (reply as unknown as { code(n: number): { send(b: unknown): unknown } }).code(status).send({ ok: false, error });
};

/**
 * Fastify's `clientErrorHandler` option: a request Node's HTTP parser rejects (headers or URL over
 * the size limit, a broken request line or framing, bytes that are not HTTP) is answered with the
 * envelope, then the connection is closed, as Node does.
 */
export function clientErrorEnvelope(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message =
    status === 431 ? 'Request headers or URL too large' : status === 408 ? 'Request timed out' : 'Malformed HTTP request';
  const body = JSON.stringify({ ok: false, error: errorBody('VALIDATION_FAILED', [{ path: '', message }]) });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
