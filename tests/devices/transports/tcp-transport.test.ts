import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openTransport } from '../../../server/devices/transports/open-transport.js';
import { LinkError } from '../../../server/devices/transports/transport.js';
import { FAST_LINK, nextLinkEvent, waitFor } from '../helpers/bounded.js';

const deps = { dataDir: '/nonexistent', timing: FAST_LINK };

/** A TCP listener on 127.0.0.1 that records what it receives; `paused` stops reading, like a jammed printer. */
async function listen(
  port = 0,
  paused = false,
): Promise<{ server: Server; port: number; received: () => Buffer; sockets: Socket[] }> {
  const chunks: Buffer[] = [];
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    sockets.push(s);
    if (paused) s.pause();
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { server, port: address.port, received: () => Buffer.concat(chunks), sockets };
}

async function shut(server: Server, sockets: Socket[]): Promise<void> {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('tcp:// transport', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('delivers bytes in order and passes replies up as data', async () => {
    const l = await listen();
    cleanup.push(() => shut(l.server, l.sockets));
    const t = await openTransport(`tcp://127.0.0.1:${l.port}`, deps);
    cleanup.push(() => t.close());
    expect(t.state).toBe('up');
    expect(t.duplex).toBe(true);
    const replies: number[] = [];
    t.on('data', (b) => replies.push(...b));
    await t.write(Uint8Array.of(1, 2, 3));
    await t.write(Uint8Array.of(4, 5));
    await waitFor(() => l.received().length === 5, 'five bytes at the listener');
    expect([...l.received()]).toEqual([1, 2, 3, 4, 5]);
    l.sockets[0]?.write(Uint8Array.of(0x12));
    await waitFor(() => replies.length === 1, 'the reply');
    expect(replies).toEqual([0x12]);
  });

  it('starts down with the refusal as reason, rejects writes clearly, and comes up once the printer listens', async () => {
    // Take a free port, then free it: nothing listens there until the test says so.
    const probe = await listen();
    const port = probe.port;
    await shut(probe.server, probe.sockets);

    const t = await openTransport(`tcp://127.0.0.1:${port}`, deps);
    cleanup.push(() => t.close());
    expect(t.state).not.toBe('up');
    expect(t.lastError).toMatch(/ECONNREFUSED/);
    const error = await t.write(Uint8Array.of(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkError);
    expect((error as LinkError).message).toMatch(
      new RegExp(`^tcp://127\\.0\\.0\\.1:${port}: link is (down|connecting) \\(.*ECONNREFUSED`),
    );

    const up = nextLinkEvent(t, 'up');
    const l = await listen(port);
    cleanup.push(() => shut(l.server, l.sockets));
    await up;
    await t.write(Uint8Array.of(9));
    await waitFor(() => l.received().length === 1, 'the byte after coming up');
  });

  it('times out a write the printer never takes, goes down, and reconnects', async () => {
    const l = await listen(0, true);
    cleanup.push(() => shut(l.server, l.sockets));
    const t = await openTransport(`tcp://127.0.0.1:${l.port}`, { ...deps, timing: { ...FAST_LINK, writeTimeoutMs: 300 } });
    cleanup.push(() => t.close());
    // More than the kernel buffers on both sides of a loopback connection hold.
    const big = new Uint8Array(64 * 1024 * 1024);
    const started = Date.now();
    const error = await t.write(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkError);
    expect((error as Error).message).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(t.state).not.toBe('up');
    await nextLinkEvent(t, 'up');
    expect(l.sockets.length).toBe(2);
  });

  it('close() stops retrying and refuses to open again', async () => {
    const t = await openTransport('tcp://127.0.0.1:1', deps);
    await t.close();
    expect(t.state).toBe('down');
    expect(t.lastError).toBe('closed');
    await expect(t.open()).rejects.toThrow(/closed and cannot be opened again/);
  });
});
