import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTransport } from '../../../server/devices/transports/open-transport.js';
import type { Transport } from '../../../server/devices/transports/transport.js';
import { FAST_LINK, nextLinkEvent, waitFor } from '../helpers/bounded.js';
import { SocatPair } from '../helpers/socat-pair.js';

/** The far end of the pty pair, opened with serialport, recording what arrives. */
async function openFarEnd(path: string): Promise<{ port: SerialPort; received: number[] }> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  const received: number[] = [];
  port.on('data', (c: Buffer) => received.push(...c));
  port.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return { port, received };
}

function closeFarEnd(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    const timer = setTimeout(resolve, 1_000);
    port.close(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('serial:// transport (socat pty pair)', () => {
  let dir: string;
  let socat: SocatPair;
  let transport: Transport | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-serial-'));
    socat = new SocatPair(dir);
    await socat.start();
  });

  afterEach(async () => {
    await transport?.close();
    transport = undefined;
    await socat.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('carries bytes both ways', async () => {
    const far = await openFarEnd(socat.printerEnd);
    transport = await openTransport(`serial://${socat.tty}?baud=115200&flow=none`, { dataDir: dir, timing: FAST_LINK });
    expect(transport.state).toBe('up');
    const replies: number[] = [];
    transport.on('data', (b) => replies.push(...b));
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => i % 256);
    await transport.write(bytes);
    await waitFor(() => far.received.length >= bytes.length, 'all bytes at the far end');
    expect(Uint8Array.from(far.received)).toEqual(bytes);
    far.port.write(Buffer.of(0x12, 0x16));
    await waitFor(() => replies.length === 2, 'the reply bytes');
    expect(replies).toEqual([0x12, 0x16]);
    await closeFarEnd(far.port);
  });

  it('is down while the device path is missing and comes up when it appears', async () => {
    await socat.stop();
    transport = await openTransport(`serial://${socat.tty}`, { dataDir: dir, timing: FAST_LINK });
    expect(transport.state).not.toBe('up');
    expect(transport.lastError).toMatch(/ENOENT|No such file/);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/^serial:\/\/.*: link is (down|connecting)/);

    const up = nextLinkEvent(transport, 'up');
    await socat.start();
    await up;
    const far = await openFarEnd(socat.printerEnd);
    await transport.write(Uint8Array.of(7, 8));
    await waitFor(() => far.received.length === 2, 'bytes after the device appeared');
    await closeFarEnd(far.port);
  });

  it("goes 'down' when socat dies and 'up' again when it is back on the same links", async () => {
    transport = await openTransport(`serial://${socat.tty}`, { dataDir: dir, timing: FAST_LINK });
    const down = nextLinkEvent(transport, 'down');
    await socat.stop();
    await down;
    expect(transport.state).not.toBe('up');
    const up = nextLinkEvent(transport, 'up');
    await socat.start();
    await up;
    const far = await openFarEnd(socat.printerEnd);
    await transport.write(Uint8Array.of(42));
    await waitFor(() => far.received.length === 1, 'the byte after the restart');
    expect(far.received).toEqual([42]);
    await closeFarEnd(far.port);
  });

  it('notices the device path vanishing even if the open tty never reports it', async () => {
    // serialport may read a hung-up tty as endless end-of-file and never say "disconnected"; the link
    // also watches the path. Removing the link while socat runs shows the watch alone at work.
    transport = await openTransport(`serial://${socat.tty}`, { dataDir: dir, timing: FAST_LINK });
    const down = nextLinkEvent(transport, 'down');
    await unlink(socat.tty);
    const [reason] = await down;
    expect(reason).toMatch(/ENOENT: .*tty is gone/);
  });
});
