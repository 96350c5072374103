import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI at /docs (JSON at /docs/json), generated from the same schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'motcua-hall hub API',
        description:
          'REST API of the reception hall hub. Every command is also a socket.io event of the same name with an ack. ' +
          'Answers are `{ok: true, data}` or `{ok: false, error: {code, message, messageKey}}`.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Officer session token from POST /api/auth/login' },
          deviceKey: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Device-Key',
            description: 'A screen device key from the site config',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
