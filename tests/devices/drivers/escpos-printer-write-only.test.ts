import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EscposPrinter } from '../../../server/devices/drivers/escpos-printer.js';
import type { PrinterStatus } from '../../../server/devices/drivers/printer.js';
import { openTransport } from '../../../server/devices/transports/open-transport.js';
import { FAST_LINK, nextLinkEvent } from '../helpers/bounded.js';
import { printerModel, systemClock } from '../helpers/models.js';
import { sampleJob } from '../helpers/sample-job.js';

// Links that carry no reply (usb-lp, sim): the driver cannot ask the printer, so status says
// `supported: false` and "online" means the link is up and the last write went through.
describe('ESC/POS printer on write-only links', () => {
  let dir: string;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-wo-printer-'));
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('usb-lp: prints the exact bytes, and reports offline with the reason when the printer is unplugged', async () => {
    const lp = join(dir, 'lp0');
    await writeFile(lp, '');
    const transport = await openTransport(`usb-lp://${lp}`, { dataDir: dir, timing: FAST_LINK });
    const printer = new EscposPrinter({
      transport,
      model: await printerModel('xprinter/xp-58iih'),
      clock: systemClock,
      linkWaitMs: 200,
    });
    stops.push(() => printer.stop());
    const seen: PrinterStatus[] = [];
    printer.on('status', (s) => seen.push(s));
    await printer.start();
    expect(printer.statusSupported).toBe(false);
    expect(printer.lastStatus).toMatchObject({ online: true, supported: false, paperOut: false });

    const job = sampleJob(printer.model, 50);
    expect(await printer.print(job)).toEqual({ ok: true });
    expect(new Uint8Array(await readFile(lp))).toEqual(job);

    const down = nextLinkEvent(transport, 'down');
    await unlink(lp);
    await down;
    const outcome = await printer.print(job);
    expect(outcome).toMatchObject({ ok: false, reason: 'offline' });
    expect(outcome.ok ? '' : outcome.detail).toMatch(/ENOENT/);
    expect(seen.at(-1)).toMatchObject({ online: false, supported: false });
    expect(seen.at(-1)?.detail).toMatch(/ENOENT/);
  });

  it('a model whose link has status over tcp still reads it as unsupported on usb-lp', async () => {
    const lp = join(dir, 'lp1');
    await writeFile(lp, '');
    const transport = await openTransport(`usb-lp://${lp}`, { dataDir: dir, timing: FAST_LINK });
    const printer = new EscposPrinter({ transport, model: await printerModel('epson/tm-t82iii'), clock: systemClock });
    stops.push(() => printer.stop());
    await printer.start();
    expect(printer.statusSupported).toBe(false);
    expect(await printer.status()).toMatchObject({ online: true, supported: false });
  });

  it('sim: each job becomes a .bin file of exactly its bytes', async () => {
    const transport = await openTransport('sim://kiosk-1-printer', { dataDir: dir });
    const printer = new EscposPrinter({ transport, model: await printerModel('generic/escpos-80mm'), clock: systemClock });
    stops.push(() => printer.stop());
    await printer.start();
    const a = sampleJob(printer.model, 20, 1);
    const b = sampleJob(printer.model, 30, 2);
    expect(await printer.print(a)).toEqual({ ok: true });
    expect(await printer.print(b)).toEqual({ ok: true });
    const folder = join(dir, 'devices', 'kiosk-1-printer');
    expect((await readdir(folder)).sort()).toEqual(['0001.bin', '0002.bin']);
    expect(new Uint8Array(await readFile(join(folder, '0002.bin')))).toEqual(b);
  });
});
