import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EscposPrinter } from '../../../server/devices/drivers/escpos-printer.js';
import { openTransport } from '../../../server/devices/transports/open-transport.js';
import type { Transport } from '../../../server/devices/transports/transport.js';
import { FAST_LINK, nextLinkEvent, waitFor } from '../helpers/bounded.js';
import { ONLINE, PAPER_OUT } from '../helpers/escpos-peer.js';
import { printerModel, systemClock } from '../helpers/models.js';
import { sampleJob } from '../helpers/sample-job.js';
import { FakeSerialPrinter, SocatPair } from '../helpers/socat-pair.js';

// A serial printer through a real pty pair (socat): the driver writes to one end, the fake printer
// reads the other with serialport. Killing socat is pulling the adapter out.
describe('ESC/POS printer over serial://', () => {
  let dir: string;
  let socat: SocatPair;
  let fake: FakeSerialPrinter;
  let transport: Transport;
  let printer: EscposPrinter;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-serial-printer-'));
    socat = new SocatPair(dir);
    await socat.start();
    fake = new FakeSerialPrinter(socat.printerEnd);
    await fake.open();
    transport = await openTransport(`serial://${socat.tty}?baud=38400`, { dataDir: dir, timing: FAST_LINK });
    printer = new EscposPrinter({
      transport,
      model: await printerModel('generic/escpos-58mm'),
      clock: systemClock,
      statusTimeoutMs: 500,
      linkWaitMs: 300,
    });
    await printer.start();
  });

  afterEach(async () => {
    await printer.stop();
    await fake.close();
    await socat.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the exact bytes and answers status', async () => {
    expect(transport.state).toBe('up');
    expect(printer.statusSupported).toBe(true);
    const job = sampleJob(printer.model, 80);
    expect(await printer.print(job)).toEqual({ ok: true });
    await waitFor(() => fake.peer.jobBytes.length >= job.length, 'the whole job at the printer end');
    expect(fake.peer.jobBytes).toEqual(job);

    fake.peer.status = PAPER_OUT;
    expect(await printer.status()).toMatchObject({ online: false, paperOut: true, supported: true });
    expect(await printer.print(job)).toMatchObject({ ok: false, reason: 'paper-out' });
    fake.peer.status = ONLINE;
    expect(await printer.status()).toMatchObject({ online: true, paperOut: false });
  });

  it('goes down when the adapter disappears and comes back up by itself when it returns', async () => {
    const down = nextLinkEvent(transport, 'down');
    await fake.close();
    await socat.stop();
    const [reason] = await down;
    expect(reason).toMatch(/disconnected|closed|EIO|ENOENT/);
    expect(await printer.print(sampleJob(printer.model))).toMatchObject({ ok: false, reason: 'offline' });

    const up = nextLinkEvent(transport, 'up');
    await socat.start();
    await fake.open();
    await up;
    const job = sampleJob(printer.model, 24, 5);
    expect(await printer.print(job)).toEqual({ ok: true });
    await waitFor(() => fake.peer.jobBytes.length >= job.length, 'the job after the adapter came back');
    expect(fake.peer.jobBytes).toEqual(job);
  });
});
