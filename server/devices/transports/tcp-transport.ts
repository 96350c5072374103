import { connect, type Socket } from 'node:net';
import { ReconnectingLink } from './reconnecting-link.js';
import { reasonOf, type DeviceLogger, type LinkTiming } from './transport.js';

/**
 * A network printer (raw TCP, usually port 9100). The connection is kept open between jobs so status
 * can be asked at any time; many printers close an idle connection after a minute or two, and that is
 * just one more loss the link recovers from.
 */
export class TcpTransport extends ReconnectingLink {
  readonly duplex = true;
  private socket: Socket | undefined;

  constructor(
    url: string,
    private readonly host: string,
    private readonly port: number,
    timing: LinkTiming,
    logger?: DeviceLogger,
  ) {
    super(url, timing, logger);
  }

  protected connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      this.socket = socket;
      // Status requests are 3 bytes and need an answer now, not after Nagle's delay.
      socket.setNoDelay(true);
      socket.once('connect', () => {
        // A printer unplugged from the LAN sends no FIN; keep-alive probes notice it within about a
        // minute even when no job is written.
        socket.setKeepAlive(true, 10_000);
        resolve();
      });
      socket.on('data', (chunk: Buffer) => {
        if (this.socket === socket) this.events.emit('data', new Uint8Array(chunk));
      });
      socket.on('error', (e) => {
        reject(e);
        if (this.socket === socket) this.lost(reasonOf(e));
      });
      socket.on('close', () => {
        reject(new Error('connection closed'));
        if (this.socket === socket) this.lost('connection closed by the device');
      });
    });
  }

  protected async disconnect(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    socket?.destroy();
  }

  protected send(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('no connection'));
    // The callback fires once the bytes are in the kernel's send buffer; a printer that stops reading
    // leaves it pending, which the write timeout turns into a loss.
    return new Promise((resolve, reject) => socket.write(bytes, (err) => (err ? reject(err) : resolve())));
  }
}
