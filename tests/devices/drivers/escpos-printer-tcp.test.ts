import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EscposPrinter } from '../../../server/devices/drivers/escpos-printer.js';
import type { PrinterStatus } from '../../../server/devices/drivers/printer.js';
import { openTransport } from '../../../server/devices/transports/open-transport.js';
import type { Transport } from '../../../server/devices/transports/transport.js';
import { FAST_LINK, nextLinkEvent, waitFor } from '../helpers/bounded.js';
import { COVER_OPEN, NEAR_END, ONLINE, PAPER_OUT } from '../helpers/escpos-peer.js';
import { FakeTcpPrinter } from '../helpers/fake-tcp-printer.js';
import { printerModel, systemClock } from '../helpers/models.js';
import { sampleJob } from '../helpers/sample-job.js';

// A network printer over a real TCP connection on 127.0.0.1 (no mocks): the fake printer gets the
// exact bytes, answers status as the test says, and is switched off and on again.
describe('ESC/POS printer over tcp://', () => {
  let dataDir: string;
  let fake: FakeTcpPrinter;
  let transport: Transport;
  let printer: EscposPrinter;
  let statuses: PrinterStatus[];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'motcua-tcp-printer-'));
    fake = new FakeTcpPrinter();
    const port = await fake.start();
    transport = await openTransport(`tcp://127.0.0.1:${port}`, { dataDir, timing: FAST_LINK });
    printer = new EscposPrinter({
      transport,
      model: await printerModel('epson/tm-t82iii'),
      clock: systemClock,
      statusTimeoutMs: 500,
      linkWaitMs: 300,
    });
    statuses = [];
    printer.on('status', (s) => statuses.push(s));
    await printer.start();
  });

  afterEach(async () => {
    await printer.stop();
    await fake.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('asks status first, then the printer receives the exact bytes of the job', async () => {
    expect(printer.statusSupported).toBe(true);
    const job = sampleJob(printer.model, 60);
    expect(await printer.print(job)).toEqual({ ok: true });
    await waitFor(() => fake.peer.jobBytes.length >= job.length, 'the whole job at the printer');
    expect(fake.peer.jobBytes).toEqual(job);
    expect(fake.peer.statusRequests).toBeGreaterThanOrEqual(3);
    expect(printer.lastStatus).toMatchObject({ online: true, paperOut: false, coverOpen: false, supported: true });
  });

  it('reports paper out and refuses the job instead of letting the printer swallow it', async () => {
    fake.peer.status = PAPER_OUT;
    expect(await printer.status()).toMatchObject({ online: false, paperOut: true, supported: true, detail: 'paper out' });
    const outcome = await printer.print(sampleJob(printer.model));
    expect(outcome).toEqual({ ok: false, reason: 'paper-out', detail: 'the printer is out of paper' });
    expect(fake.peer.jobBytes.length).toBe(0);
    expect(statuses.some((s) => s.paperOut)).toBe(true);

    // A new roll: the next job prints.
    fake.peer.status = ONLINE;
    expect(await printer.print(sampleJob(printer.model))).toEqual({ ok: true });
  });

  it('refuses with cover-open, and prints with paper near its end', async () => {
    fake.peer.status = COVER_OPEN;
    expect(await printer.print(sampleJob(printer.model))).toMatchObject({ ok: false, reason: 'cover-open' });
    fake.peer.status = NEAR_END;
    expect(await printer.print(sampleJob(printer.model))).toEqual({ ok: true });
    expect(printer.lastStatus).toMatchObject({ online: true, paperNearEnd: true, paperOut: false });
  });

  it('refuses as offline, within the status timeout, a printer that does not answer', async () => {
    fake.peer.status = 'silent';
    const started = Date.now();
    const outcome = await printer.print(sampleJob(printer.model));
    expect(outcome).toMatchObject({ ok: false, reason: 'offline' });
    expect(outcome.ok ? '' : outcome.detail).toMatch(/no reply to DLE EOT 1 within 500 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(fake.peer.jobBytes.length).toBe(0);
  });

  it('goes offline when the printer is switched off, reconnects by itself, and prints again', async () => {
    const down = nextLinkEvent(transport, 'down');
    await fake.stop();
    const [reason] = await down;
    expect(reason).toMatch(/closed|ECONNRESET/);

    // While it is off a job is refused quickly with the link's reason, not held.
    const off = await printer.print(sampleJob(printer.model));
    expect(off).toMatchObject({ ok: false, reason: 'offline' });
    expect(off.ok ? '' : off.detail).toMatch(/^link (down|connecting)/);
    expect(printer.lastStatus).toMatchObject({ online: false });

    const up = nextLinkEvent(transport, 'up');
    await fake.start();
    await up;
    expect(fake.connections).toBe(2);
    const job = sampleJob(printer.model, 30, 3);
    expect(await printer.print(job)).toEqual({ ok: true });
    await waitFor(() => fake.peer.jobBytes.length >= job.length, 'the job after the reconnect');
    expect(fake.peer.jobBytes).toEqual(job);
    await waitFor(() => printer.lastStatus?.online === true, 'the printer online again');
  });

  it('keeps the status fresh with a periodic poll', async () => {
    const polled = new EscposPrinter({
      transport,
      model: printer.model,
      clock: systemClock,
      statusTimeoutMs: 500,
      pollMs: 50,
    });
    const seen: PrinterStatus[] = [];
    polled.on('status', (s) => seen.push(s));
    await polled.start();
    fake.peer.status = PAPER_OUT;
    await waitFor(() => seen.some((s) => s.paperOut), 'the poll to notice paper out');
    fake.peer.status = ONLINE;
    await waitFor(() => seen.at(-1)?.online === true, 'the poll to notice the new roll');
    // stop() closes the shared transport; the outer afterEach's stop is then a no-op.
    await polled.stop();
  });
});
