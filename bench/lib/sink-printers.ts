import { createServer, type Server, type Socket } from 'node:net';

/**
 * Network ticket printers that print nothing: each listens on its own loopback port (the hub refuses
 * two devices on one link), answers a DLE EOT status request "online" and throws the job bytes away.
 * The tests' fake printer keeps every byte to decode it; a day of 5,000 tickets at 80 mm would keep
 * 400 MB, and its parsing would load the bench's own process. The hub's driver asks status alone on
 * the wire and waits for the answer before the raster, so a 3-byte read of DLE EOT n is a request.
 */
const DLE = 0x10;
const EOT = 0x04;
const ONLINE = 0x12;

export interface SinkPrinters {
  readonly ports: readonly number[];
  /** Job bytes received over all printers, status requests included. */
  bytes(): number;
  statusRequests(): number;
  stop(): Promise<void>;
}

export async function startSinkPrinters(count: number): Promise<SinkPrinters> {
  let bytes = 0;
  let requests = 0;
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const ports: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer((socket) => {
        sockets.add(socket);
        socket.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (chunk.length === 3 && chunk[0] === DLE && chunk[1] === EOT) {
            requests++;
            socket.write(Uint8Array.of(ONLINE));
          }
        });
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      });
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('sink printer has no TCP address');
      ports.push(address.port);
    }
  } catch (err) {
    for (const s of servers) s.close();
    throw err;
  }
  return {
    ports,
    bytes: () => bytes,
    statusRequests: () => requests,
    async stop() {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
