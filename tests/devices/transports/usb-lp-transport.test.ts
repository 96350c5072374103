import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTransport } from '../../../server/devices/transports/open-transport.js';
import { LinkError, type Transport } from '../../../server/devices/transports/transport.js';
import { FAST_LINK, nextLinkEvent, waitFor } from '../helpers/bounded.js';

// /dev/usb/lp0 stands in as a FIFO (a character stream someone else reads, like the printer) or a
// plain file (bytes land where the test can read them back).
describe('usb-lp:// transport', () => {
  let dir: string;
  let transport: Transport | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-usblp-'));
  });

  afterEach(async () => {
    await transport?.close();
    transport = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('writes land in a FIFO, read by the other side', async () => {
    const lp = join(dir, 'lp0');
    expect(spawnSync('mkfifo', [lp]).status).toBe(0);
    transport = await openTransport(`usb-lp://${lp}`, { dataDir: dir, timing: FAST_LINK });
    expect(transport.state).toBe('up');
    expect(transport.duplex).toBe(false);
    const received: number[] = [];
    const reader = createReadStream(lp);
    reader.on('data', (c) => received.push(...(c as Buffer)));
    const job = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) % 256);
    await transport.write(job);
    await waitFor(() => received.length >= job.length, 'the job through the FIFO');
    expect(Uint8Array.from(received)).toEqual(job);
    reader.destroy();
  });

  it('writes land in a plain file in order', async () => {
    const lp = join(dir, 'lp1');
    await writeFile(lp, '');
    transport = await openTransport(`usb-lp://${lp}`, { dataDir: dir, timing: FAST_LINK });
    await transport.write(Uint8Array.of(0x1b, 0x40));
    await transport.write(Uint8Array.of(1, 2, 3));
    expect([...(await readFile(lp))]).toEqual([0x1b, 0x40, 1, 2, 3]);
  });

  it("is 'down' with a clear reason while the device node is missing, and comes up when it appears", async () => {
    const lp = join(dir, 'lp2');
    transport = await openTransport(`usb-lp://${lp}`, { dataDir: dir, timing: FAST_LINK });
    expect(transport.state).not.toBe('up');
    expect(transport.lastError).toMatch(/ENOENT/);
    const error = await transport.write(Uint8Array.of(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkError);
    expect((error as Error).message).toContain(`usb-lp://${lp}: link is`);
    // Never creates the missing node itself: that would hide an unplugged printer behind a plain file.
    await expect(readFile(lp)).rejects.toThrow(/ENOENT/);

    const up = nextLinkEvent(transport, 'up');
    await writeFile(lp, '');
    await up;
    await transport.write(Uint8Array.of(5));
    expect([...(await readFile(lp))]).toEqual([5]);
  });

  it('notices the node going away between jobs (printer unplugged)', async () => {
    const lp = join(dir, 'lp3');
    await writeFile(lp, '');
    transport = await openTransport(`usb-lp://${lp}`, { dataDir: dir, timing: FAST_LINK });
    const down = nextLinkEvent(transport, 'down');
    await unlink(lp);
    const [reason] = await down;
    expect(reason).toMatch(/ENOENT: .*lp3 is gone/);
    // Plugged back in: a new node, and the link reopens it by itself.
    await writeFile(lp, '');
    await nextLinkEvent(transport, 'up');
    await waitFor(() => transport?.state === 'up', 'the link up again');
  });
});
