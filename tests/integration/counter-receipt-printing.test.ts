import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierReceivedView } from '../../common/contract/dossier-received-view.js';
import { counterHasPrinter, counterPrintText, printAtCounter } from '../../counter-display/counter/state/dossier-receipt.js';
import type { CounterPrinted, CounterPrinterInfo } from '../../server/devices/counter-printers.js';
import { ONLINE, PAPER_OUT } from '../devices/helpers/escpos-peer.js';
import { FakeTcpPrinter } from '../devices/helpers/fake-tcp-printer.js';
import { decodeEscPos, decodedImageToPng } from '../helpers/escpos-decoder.js';
import { readCodesWithZbar } from '../helpers/qr-readers.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { deviceKey, testSite } from '../helpers/test-site.js';
import { api, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

/**
 * The receipt of a dossier on the thermal printer of the counter that received it: a network
 * printer (a real TCP socket) bound to counter 1 by options.counterId. What the printer gets is
 * decoded back to the paper's picture and its barcode read by ZBar, as a scanner at the kiosk would.
 */
describe('printing a dossier receipt on the counter printer', () => {
  const printer = new FakeTcpPrinter();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-counter-receipt-'));
  let t: TestHub;
  let token: string;
  let code: string;

  const print = (body: Record<string, unknown>, auth: { token?: string; deviceKey?: string } = { token }, at = code) =>
    api<CounterPrinted>(t.url, 'POST', `/api/dossiers/${encodeURIComponent(at)}/receipt/print`, auth, body);

  beforeAll(async () => {
    const port = await printer.start();
    const site = testSite();
    const counterPrinter = {
      id: 'quay-1-printer',
      kind: 'printer' as const,
      name: 'Máy in biên nhận quầy 1',
      model: 'epson/tm-t82iii',
      link: `tcp://127.0.0.1:${port}`,
      options: { counterId: 'quay-1' },
    };
    t = await startTestHub({
      site: { ...site, devices: [...site.devices, counterPrinter] },
      catalogueDir: sharedDataPath('procedures'),
    });
    token = await signIn(t.url, 'canbo1');
    await api(t.url, 'POST', '/api/counters/quay-1/open', { token }, { commandId: newCommandId() });
    const { ticket } = await issueAtKiosk(t, t.site.queues[0]!.id);
    await api(t.url, 'POST', '/api/counters/quay-1/call-next', { token }, { commandId: newCommandId() });
    const res = await api<DossierReceivedView>(
      t.url,
      'POST',
      '/api/counters/quay-1/dossiers',
      { token },
      {
        commandId: newCommandId(),
        ticketId: ticket.id,
        procedureCode: '1.001193',
        applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234', address: 'Ấp 3, xã Tân Phú', phone: '0912345678' },
        documents: [{ name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 }],
        dossierSets: 1,
        channel: 1,
        resultDelivery: 'tai-bo-phan',
        workingDays: 0,
      },
    );
    if (!res.body.ok) throw new Error(`dossier refused: ${JSON.stringify(res.body.error)}`);
    code = res.body.data.dossier.code;
  });
  afterAll(async () => {
    await t?.dispose();
    await printer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the console its counter has a printer, and another counter none', async () => {
    const here = await api<CounterPrinterInfo>(t.url, 'GET', '/api/counters/quay-1/printer', { token });
    expect(here.body.ok && here.body.data.present).toBe(true);
    const there = await api<CounterPrinterInfo>(t.url, 'GET', '/api/counters/quay-2/printer', { token });
    expect(there.body.ok && there.body.data).toEqual({ present: false, status: null });
    const unknown = await api(t.url, 'GET', '/api/counters/quay-99/printer', { token });
    expect(unknown.status).toBe(404);
    expect(!unknown.body.ok && unknown.body.error.code).toBe('COUNTER_NOT_FOUND');
  });

  it('prints mẫu 01 at the printer model width, and its Code 128 reads the dossier code', async () => {
    printer.peer.status = ONLINE;
    printer.peer.clearJobBytes();
    const res = await print({ form: '01', counterId: 'quay-1' });
    expect(res.status).toBe(200);
    expect(res.body.ok && res.body.data).toEqual({ ok: true, reason: null });
    const { image } = decodeEscPos(printer.peer.jobBytes);
    if (!image) throw new Error('the printer received no image');
    // The Epson TM-T82III prints 512 dots across: the receipt follows the model, not a fixed 576.
    expect(image.width).toBe(512);
    const file = join(dir, 'receipt.png');
    writeFileSync(file, decodedImageToPng(image));
    expect(readCodesWithZbar(file)).toContain(code);
  });

  it('prints mẫu 02 with the reasons, and answers paper-out in the ticket shape without sending anything', async () => {
    printer.peer.status = ONLINE;
    printer.peer.clearJobBytes();
    const ok = await print({ form: '02', counterId: 'quay-1', reasons: 'Bổ sung bản sao giấy chứng sinh' });
    expect(ok.body.ok && ok.body.data).toEqual({ ok: true, reason: null });
    expect(decodeEscPos(printer.peer.jobBytes).image).toBeTruthy();

    printer.peer.status = PAPER_OUT;
    printer.peer.clearJobBytes();
    const out = await print({ form: '01', counterId: 'quay-1' });
    expect(out.status).toBe(200);
    expect(out.body.ok && out.body.data).toEqual({ ok: false, reason: 'paper-out' });
    expect(printer.peer.jobBytes.length).toBe(0);
    printer.peer.status = ONLINE;
  });

  it('answers no-printer for a counter without one', async () => {
    const canbo2 = await signIn(t.url, 'canbo2');
    await api(t.url, 'POST', '/api/counters/quay-2/open', { token: canbo2 }, { commandId: newCommandId() });
    printer.peer.clearJobBytes();
    const res = await print({ form: '01', counterId: 'quay-2' }, { token: canbo2 });
    expect(res.status).toBe(200);
    expect(res.body.ok && res.body.data).toEqual({ ok: false, reason: 'no-printer' });
    expect(printer.peer.jobBytes.length).toBe(0);
  });

  it('refuses a kiosk, another officer’s counter, an unknown dossier and bad input, and prints nothing', async () => {
    printer.peer.clearJobBytes();
    const kioskKey = { deviceKey: deviceKey(t.site, 'kiosk') };
    const kiosk = await print({ form: '01', counterId: 'quay-1' }, kioskKey);
    expect(kiosk.status).toBe(403);
    expect((await api(t.url, 'GET', '/api/counters/quay-1/printer', kioskKey)).status).toBe(403);
    expect((await print({ form: '01', counterId: 'quay-1' }, {})).status).toBe(401);

    const canbo3 = await signIn(t.url, 'canbo3');
    const notMine = await print({ form: '01', counterId: 'quay-1' }, { token: canbo3 });
    expect(notMine.status).toBe(403);
    expect(!notMine.body.ok && notMine.body.error.code).toBe('NOT_YOUR_COUNTER');

    const missing = await print({ form: '01', counterId: 'quay-1' }, { token }, '000.00.00.H38-200101-9999');
    expect(!missing.body.ok && missing.body.error.code).toBe('DOSSIER_NOT_FOUND');
    const badForm = await print({ form: '04', counterId: 'quay-1' });
    expect(badForm.status).toBe(400);
    const extra = await print({ form: '01', counterId: 'quay-1', paper: 'A4' });
    expect(extra.status).toBe(400);
    const noReasons = await print({ form: '03', counterId: 'quay-1' });
    expect(noReasons.status).toBe(400);
    expect(!noReasons.body.ok && noReasons.body.error.code).toBe('VALIDATION_FAILED');
    expect(printer.peer.jobBytes.length).toBe(0);
  });

  it('the console learns which counter has a printer, prints there, and words a refusal in Vietnamese', async () => {
    // The console's own calls, against this hub (the page would send them to its own origin).
    const fetcher: typeof fetch = (path, init) => fetch(`${t.url}${String(path)}`, init);
    expect(await counterHasPrinter('quay-1', token, fetcher)).toBe(true);
    expect(await counterHasPrinter('quay-2', token, fetcher)).toBe(false);
    printer.peer.status = ONLINE;
    printer.peer.clearJobBytes();
    const ack = await printAtCounter(code, '01', null, 'quay-1', token, fetcher);
    expect(ack.ok && ack.data).toEqual({ ok: true, reason: null });
    expect(printer.peer.jobBytes.length).toBeGreaterThan(0);
    printer.peer.status = PAPER_OUT;
    const out = await printAtCounter(code, '01', null, 'quay-1', token, fetcher);
    printer.peer.status = ONLINE;
    if (!out.ok) throw new Error(out.error.code);
    expect(counterPrintText('vi').refused(out.data.reason)).toBe(
      'Máy in quầy hết giấy. Thay cuộn giấy rồi in lại, hoặc in bản A4.',
    );
  });
});
