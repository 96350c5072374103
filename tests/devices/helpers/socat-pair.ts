import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { EscposPeer } from './escpos-peer.js';
import { waitFor } from './bounded.js';

/**
 * Two connected pseudo-terminals made by socat, standing in for a serial cable: the hub opens `tty`
 * (as it would /dev/ttyUSB0) and the fake printer opens `printerEnd`. Killing socat is pulling the
 * USB-serial adapter out; starting it again with the same links is plugging it back in.
 * (socat comes from scripts/ensure-system-tools.mjs, which npm test runs first.)
 */
export class SocatPair {
  readonly tty: string;
  readonly printerEnd: string;
  private proc: ChildProcess | undefined;

  constructor(dir: string) {
    this.tty = join(dir, 'tty');
    this.printerEnd = join(dir, 'printer');
  }

  async start(): Promise<void> {
    // -T: socat ends itself after 60 s without traffic, so a crashed test run leaves no orphan behind.
    const proc = spawn(
      'socat',
      ['-d', '-d', '-T', '60', `pty,raw,echo=0,link=${this.tty}`, `pty,raw,echo=0,link=${this.printerEnd}`],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    this.proc = proc;
    let log = '';
    let ready = false;
    let exited = false;
    proc.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) ready = true;
    });
    proc.once('exit', () => (exited = true));
    await waitFor(() => ready || exited, 'socat to make its ptys');
    if (exited) throw new Error(`socat exited before making its ptys:\n${log}`);
    await waitFor(() => existsSync(this.tty) && existsSync(this.printerEnd), 'both socat links');
  }

  /** Ends socat (and so both ptys), waiting a bounded time for it to exit. */
  async stop(): Promise<void> {
    const proc = this.proc;
    this.proc = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A serial printer on the printer end of a SocatPair: keeps job bytes and answers DLE EOT. */
export class FakeSerialPrinter {
  readonly peer = new EscposPeer((bytes) => this.port?.write(Buffer.from(bytes)));
  private port: SerialPort | undefined;

  constructor(private readonly path: string) {}

  async open(): Promise<void> {
    const port = new SerialPort({ path: this.path, baudRate: 9600, autoOpen: false });
    port.on('data', (chunk: Buffer) => this.peer.feed(new Uint8Array(chunk)));
    // When socat goes away this end breaks too; the test opens it again after restarting socat.
    port.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    this.port = port;
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    // A port whose pty already vanished may never call back: give it a moment, then let it go.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      port.close(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
