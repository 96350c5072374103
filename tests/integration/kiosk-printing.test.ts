import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPrinted } from '../../server/services/ticket-print-service.js';
import type { IssueResult } from '../../common/contract/view-schemas.js';
import { FakeTcpPrinter } from '../devices/helpers/fake-tcp-printer.js';
import { ONLINE, PAPER_OUT } from '../devices/helpers/escpos-peer.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeEscPos, decodedImageToPng, decodedImageToRgba } from '../helpers/escpos-decoder.js';
import { readCodesWithZbar, readQrWithJsQr } from '../helpers/qr-readers.js';
import { deviceKey, testSite } from '../helpers/test-site.js';
import {
  api,
  connectClient,
  eventually,
  newCommandId,
  startTestHub,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';

/**
 * The kiosk's printer as a real TCP socket (a network printer on port 9100 in an office): the hub
 * prints each ticket a kiosk issues, and a printer out of paper costs the citizen nothing.
 */
describe('printing the tickets a kiosk issues', () => {
  const printer = new FakeTcpPrinter();
  let t: TestHub;
  let kiosk: TestClient;
  const printed: TicketPrinted[] = [];

  beforeAll(async () => {
    const port = await printer.start();
    const site = testSite();
    const devices = site.devices.map((d) =>
      d.kind === 'printer' ? { ...d, model: 'epson/tm-t82iii', link: `tcp://127.0.0.1:${port}` } : d,
    );
    t = await startTestHub({ site: { ...site, devices } });
    kiosk = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'kiosk') });
    kiosk.socket.on('ticket:printed', (p: TicketPrinted) => printed.push(p));
  });
  afterAll(async () => {
    kiosk?.close();
    await t?.dispose();
    await printer.stop();
  });

  it('prints the ticket on the kiosk printer, and its QR leads to the ticket', async () => {
    printer.peer.status = ONLINE;
    printer.peer.clearJobBytes();
    const ack = await kiosk.send<IssueResult>('ticket:issue', { commandId: newCommandId(), queueId: t.site.queues[0]!.id });
    if (!ack.ok) throw new Error(ack.error.code);
    await eventually(() => printed.some((p) => p.ticketId === ack.data.ticket.id), 10_000, 'print outcome');
    expect(printed.find((p) => p.ticketId === ack.data.ticket.id)).toEqual({
      ticketId: ack.data.ticket.id,
      ok: true,
      reason: null,
    });
    const { image } = decodeEscPos(printer.peer.jobBytes);
    if (!image) throw new Error('the printer received no image');
    // The Epson TM-T82III prints 512 dots across (72 mm at 180 dpi): the ticket follows the model.
    expect(image.width).toBe(512);
    const url = `http://localhost:8080/t/${ack.data.ticket.id}`;
    expect(readQrWithJsQr(decodedImageToRgba(image), image.width, image.height)).toBe(url);
    const file = join(mkdtempSync(join(tmpdir(), 'motcua-print-')), 'ticket.png');
    writeFileSync(file, decodedImageToPng(image));
    expect(readCodesWithZbar(file)).toContain(url);
  });

  it('keeps the ticket and tells the kiosk when the printer is out of paper; a retry prints nothing more', async () => {
    printer.peer.status = PAPER_OUT;
    printer.peer.clearJobBytes();
    const commandId = newCommandId();
    const ack = await kiosk.send<IssueResult>('ticket:issue', { commandId, queueId: t.site.queues[0]!.id });
    if (!ack.ok) throw new Error(ack.error.code);
    await eventually(() => printed.some((p) => p.ticketId === ack.data.ticket.id), 10_000, 'print outcome');
    expect(printed.find((p) => p.ticketId === ack.data.ticket.id)).toEqual({
      ticketId: ack.data.ticket.id,
      ok: false,
      reason: 'paper-out',
    });
    expect(printer.peer.jobBytes.length).toBe(0);
    const snap = await api<{ tickets: { id: string }[] }>(t.url, 'GET', '/api/hall', { deviceKey: deviceKey(t.site, 'kiosk') });
    expect(snap.body.ok && snap.body.data.tickets.some((x) => x.id === ack.data.ticket.id)).toBe(true);
    const health = await api<{ printers: { status: { paperOut: boolean } | null }[] }>(t.url, 'GET', '/api/health', {});
    expect(health.body.ok && health.body.data.printers[0]?.status?.paperOut).toBe(true);

    const before = printed.length;
    const again = await kiosk.send<IssueResult>('ticket:issue', { commandId, queueId: t.site.queues[0]!.id });
    expect(again.ok && again.data.ticket.id).toBe(ack.data.ticket.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(printed.length).toBe(before);
  });
});
