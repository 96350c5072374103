import { createServer, type Server, type Socket } from 'node:net';
import { EscposPeer } from './escpos-peer.js';

/**
 * A network printer on 127.0.0.1: a node:net server that speaks the printer's side of ESC/POS. It can
 * be stopped (dropping its connections, as a printer switched off does) and started again on the
 * same port, to test that the hub's link comes back by itself.
 */
export class FakeTcpPrinter {
  readonly peer = new EscposPeer((bytes) => {
    for (const s of this.sockets) s.write(bytes);
  });
  port = 0;
  connections = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  async start(): Promise<number> {
    const server = createServer((socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('data', (chunk: Buffer) => this.peer.feed(new Uint8Array(chunk)));
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Port 0 the first time; the same port after a stop, as a printer keeps its address.
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    this.port = address.port;
    return this.port;
  }

  /** Like pulling the plug: every open connection is reset and nothing listens on the port. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
