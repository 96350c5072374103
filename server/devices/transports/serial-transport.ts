import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { withTimeout } from './deadline.js';
import { watchDevicePath } from './device-path-watch.js';
import { ReconnectingLink } from './reconnecting-link.js';
import { reasonOf, type DeviceLogger, type LinkTiming } from './transport.js';

export type SerialFlow = 'none' | 'rtscts' | 'xonxoff';

export interface SerialSettings {
  readonly path: string;
  readonly baudRate: number;
  /** Printers with a small receive buffer pause the host by hardware (RTS/CTS) or XON/XOFF. */
  readonly flow: SerialFlow;
}

/**
 * A serial device (RS-232 printer, USB-serial adapter). A USB-serial adapter that is pulled out makes
 * its /dev/ttyUSBn disappear; serialport usually reports that as a close with `disconnected`, and the
 * device path is watched as well because it sometimes does not (see device-path-watch.ts). The link
 * retries until the path is back (the same path when udev gives it a stable name).
 */
export class SerialTransport extends ReconnectingLink {
  readonly duplex = true;
  private port: SerialPort | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    url: string,
    private readonly settings: SerialSettings,
    timing: LinkTiming,
    logger?: DeviceLogger,
  ) {
    super(url, timing, logger);
  }

  protected async connect(): Promise<void> {
    const { path, baudRate, flow } = this.settings;
    const port = new SerialPort({
      path,
      baudRate,
      autoOpen: false,
      rtscts: flow === 'rtscts',
      xon: flow === 'xonxoff',
      xoff: flow === 'xonxoff',
    });
    this.port = port;
    port.on('data', (chunk: Buffer) => {
      if (this.port === port) this.events.emit('data', new Uint8Array(chunk));
    });
    port.on('error', (e) => {
      if (this.port === port) this.lost(reasonOf(e));
    });
    port.on('close', (e?: Error & { disconnected?: boolean }) => {
      if (this.port === port) this.lost(e?.disconnected ? 'device disconnected' : 'port closed');
    });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    const { ino } = await stat(path);
    this.unwatch = watchDevicePath(path, ino, this.timing.watchMs, (reason) => {
      if (this.port === port) this.lost(reason);
    });
  }

  protected async disconnect(): Promise<void> {
    this.unwatch?.();
    this.unwatch = undefined;
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    // Closing a port whose device is gone can fail or stall; the handle is abandoned either way.
    await withTimeout(new Promise<void>((resolve) => port.close(() => resolve())), 2_000, 'close').catch(() => undefined);
  }

  protected send(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port) return Promise.reject(new Error('port not open'));
    // serialport calls back once the binding has written the bytes to the tty (the OS has them).
    return new Promise((resolve, reject) => port.write(Buffer.from(bytes), (err) => (err ? reject(err) : resolve())));
  }
}
