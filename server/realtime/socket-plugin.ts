import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Server, type ServerOptions } from 'socket.io';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
  }
}

/**
 * Attaches socket.io to Fastify's own HTTP server (so both share the port) and closes it with the
 * app. Our own few lines instead of a community plugin: the wiring is small and this way follows
 * socket.io's releases directly.
 */
export const socketPlugin = fp(
  async (app: FastifyInstance, opts: Partial<ServerOptions>) => {
    const io = new Server(app.server, opts);
    app.decorate('io', io);
    // Close the transports rather than disconnect the sockets: a server-side disconnect tells
    // socket.io clients not to come back, while a closed transport makes every screen reconnect
    // by itself once the hub is up again. It also lets the HTTP server finish closing.
    app.addHook('preClose', async () => {
      io.engine.close();
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
    });
  },
  { name: 'socket-io', fastify: '5.x' },
);
