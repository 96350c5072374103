import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { slipTime, testSlipJob } from '../../server/devices/test-slip.js';
import { ONLINE, PAPER_OUT } from '../devices/helpers/escpos-peer.js';
import { FakeLedBoard } from '../devices/helpers/fake-led-board.js';
import { FakeTcpPrinter } from '../devices/helpers/fake-tcp-printer.js';
import { ledBoardModel } from '../devices/helpers/led-models.js';
import { printerModel } from '../devices/helpers/models.js';
import { SocatPair } from '../devices/helpers/socat-pair.js';
import { decodeEscPos } from '../helpers/escpos-decoder.js';
import { FakeHid } from '../helpers/fake-hid.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { api, connectClient, eventually, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { deviceKey, testSite } from '../helpers/test-site.js';

interface TestResult {
  ok: boolean;
  message: string;
  messageVi: string;
}

interface AuditView {
  entries: { actor: string; actorName: string | null; action: string; summary: string; changes: unknown[] }[];
}

/**
 * "Thử thiết bị" on a real hub: the kiosk's network printer is a real TCP socket, a counter's
 * printer is sim:// (files in DATA_DIR), the LED board over counter 1 sits on the far end of a socat
 * pty pair, a keypad behind the fake HID backend (no USB HID here), the hall TV a real socket.io
 * client. The clock stands still, so the slip's printed time is known to the second.
 */
describe('POST /api/admin/devices/:id/test', () => {
  const printer = new FakeTcpPrinter();
  const hid = new FakeHid();
  const clock = new ManualClock(Date.UTC(2026, 2, 9, 2, 5, 7)); // 09:05:07 on 09/03/2026 in Hà Nội
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  let t: TestHub;
  let board: FakeLedBoard;
  let admin: string;

  const test = (id: string, token: string | null = admin, body: unknown = {}) =>
    api<TestResult>(t.url, 'POST', `/api/admin/devices/${id}/test`, token ? { token } : {}, body);
  const audit = async () => {
    const res = await api<AuditView>(t.url, 'GET', '/api/admin/audit?limit=50', { token: admin });
    if (!res.body.ok) throw new Error(`audit refused: ${res.body.error.code}`);
    return res.body.data.entries.filter((e) => e.action === 'device:tested');
  };

  beforeAll(async () => {
    const port = await printer.start();
    cleanup.push(() => printer.stop());
    const dir = await mkdtemp(join(tmpdir(), 'motcua-device-test-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const socat = new SocatPair(dir);
    await socat.start();
    cleanup.push(() => socat.stop());
    board = new FakeLedBoard(socat.printerEnd, await ledBoardModel('generic/ascii-stx-xor-4'), 1);
    await board.open();
    cleanup.push(() => board.close());

    const site: SiteConfig = testSite();
    const devices = site.devices.map((d) =>
      d.kind === 'printer' ? { ...d, model: 'epson/tm-t82iii', link: `tcp://127.0.0.1:${port}` } : d,
    );
    devices.push(
      {
        id: 'quay-2-printer',
        kind: 'printer',
        name: 'Máy in quầy 2',
        model: 'sim/thermal-80mm',
        link: 'sim://quay-2-printer',
        options: { counterId: site.counters[1]!.id },
      },
      { id: 'printer-lost', kind: 'printer', name: 'Máy in cũ', model: 'acme/none', link: 'sim://lost', options: { kioskId: 'kiosk-1' } },
      {
        id: 'led-quay-1',
        kind: 'led-board',
        name: 'Bảng LED quầy 1',
        model: 'generic/ascii-stx-xor-4',
        link: `serial://${socat.tty}`,
        counterId: site.counters[0]!.id,
        options: { address: 1 },
      },
      {
        id: 'keypad-3',
        kind: 'keypad',
        name: 'Bàn phím quầy 3',
        model: 'qmk/raw-hid-macropad',
        link: 'hid://1209:4d43',
        counterId: site.counters[2]!.id,
      },
    );
    t = await startTestHub({ site: { ...site, devices }, clock, hid });
    cleanup.push(() => t.dispose());
    admin = await signIn(t.url, 'quantri');
  });
  afterAll(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('refuses who may not test, ids the site lacks and bodies it does not take, and logs none of them', async () => {
    expect((await test('hall-display', null)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const username of ['canbo1', 'giamsat']) {
      const res = await test('hall-display', await signIn(t.url, username));
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const missing = await test('no-such-device');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await test('Máy In')).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const extra = await test('hall-display', admin, { force: true });
    expect(extra.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ path: '/body/force' }] } });
    expect(await audit()).toEqual([]);
  });

  it('prints a test slip on the network printer and reports its paper; out of paper is a plain answer', async () => {
    printer.peer.status = ONLINE;
    printer.peer.clearJobBytes();
    const res = await test('kiosk-1-printer');
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(res.body.data).toMatchObject({ ok: true, messageVi: expect.stringContaining('sẵn sàng, còn giấy') as unknown });
    await eventually(() => printer.peer.jobBytes.length > 0, 5000, 'the slip at the printer');
    const { image, commands } = decodeEscPos(printer.peer.jobBytes);
    if (!image) throw new Error('the printer received no raster');
    expect(image.width).toBe(512);
    expect(commands.at(-1)?.op).toBe('cut');
    // Dot for dot the slip of this office, printer, link and second, with the tone-mark line.
    const expected = testSlipJob(
      {
        officeName: t.site.office.name,
        at: clock.now(),
        printerName: 'Máy in phiếu kiosk',
        link: `tcp://127.0.0.1:${printer.port}`,
        modelName: (await printerModel('epson/tm-t82iii')).name,
      },
      await printerModel('epson/tm-t82iii'),
    );
    expect(decodeEscPos(expected.bytes).image).toEqual(image);

    printer.peer.status = PAPER_OUT;
    printer.peer.clearJobBytes();
    const out = await test('kiosk-1-printer');
    expect(out.body).toEqual({
      ok: true,
      data: {
        ok: false,
        message: expect.stringContaining('out of paper') as unknown,
        messageVi: 'Chưa in được phiếu thử trên Máy in phiếu kiosk: máy in hết giấy.',
      },
    });
    expect(printer.peer.jobBytes.length).toBe(0);
    printer.peer.status = ONLINE;
  });

  it('prints on a sim:// printer as a .bin with its .png, and names a printer the hub could not open', async () => {
    const res = await test('quay-2-printer');
    expect(res.body).toMatchObject({ ok: true, data: { ok: true } });
    const folder = join(t.dir, 'devices', 'quay-2-printer');
    let files: string[] = [];
    for (let i = 0; i < 100 && !files.includes('0001.png'); i++) {
      files = await readdir(folder).catch(() => []);
      if (!files.includes('0001.png')) await new Promise((r) => setTimeout(r, 20));
    }
    expect(files.sort()).toEqual(['0001.bin', '0001.png']);
    const png = PNG.sync.read(await readFile(join(folder, '0001.png')));
    const { image } = decodeEscPos(new Uint8Array(await readFile(join(folder, '0001.bin'))));
    expect([png.width, png.height]).toEqual([576, image?.height]);

    const lost = await test('printer-lost');
    expect(lost.body).toMatchObject({
      ok: true,
      data: { ok: false, message: expect.stringContaining('unknown printer model "acme/none"') as unknown },
    });
  });

  it('shows 8888 on the LED board for 5 s, then the number the counter is serving again (also after a second press)', async () => {
    const counter = t.site.counters[0]!;
    const officer = await signIn(t.url, 'canbo1');
    await api(t.url, 'POST', `/api/counters/${counter.id}/open`, { token: officer }, { commandId: newCommandId() });
    const { ticket } = await issueAtKiosk(t, counter.queues[0]!.queueId);
    await api(t.url, 'POST', `/api/counters/${counter.id}/call-next`, { token: officer }, { commandId: newCommandId() });
    const serving = ticket.number.slice(-4).padStart(4, ' ');
    await eventually(() => board.showing === serving, 5000, `${ticket.number} on the board`);
    const before = board.frames.length;

    const res = await test('led-quay-1');
    expect(res.body).toMatchObject({ ok: true, data: { ok: true, messageVi: expect.stringContaining('8888') as unknown } });
    // Pressed again while the 8s are up: what goes back is still the number, not the first test's 8s.
    expect((await test('led-quay-1')).body).toMatchObject({ ok: true, data: { ok: true } });
    await eventually(() => board.frames.length >= before + 3, 10_000, 'the 8s and then the number back');
    expect(board.frames.slice(before)).toEqual(['8888', '8888', serving]);
  });

  it('says whether a keypad is plugged in and when it was last pressed', async () => {
    const unplugged = await test('keypad-3');
    expect(unplugged.body).toMatchObject({ ok: true, data: { ok: false, messageVi: expect.stringContaining('chưa kết nối') as unknown } });

    const keypad = hid.plug({ vendorId: 0x1209, productId: 0x4d43, usagePage: 0xff60, usage: 0x61 });
    const up = async () => {
      const r = await test('keypad-3');
      return r.body.ok && r.body.data.ok ? r.body.data : null;
    };
    let answer = await up();
    for (let i = 0; i < 100 && !answer; i++) {
      await new Promise((r) => setTimeout(r, 50));
      answer = await up();
    }
    expect(answer?.messageVi).toContain('Chưa có lần bấm nào');

    const blank = (bytes: number[]) => [...bytes, ...new Array<number>(32 - bytes.length).fill(0)];
    keypad.send(blank([0x4d, 0x43, 0x01]));
    keypad.send(blank([0x4d, 0x43, 0x00]));
    let pressed: TestResult | null = null;
    for (let i = 0; i < 100 && !pressed?.messageVi.includes('Lần bấm gần nhất'); i++) {
      pressed = await up();
      if (!pressed?.messageVi.includes('Lần bấm gần nhất')) await new Promise((r) => setTimeout(r, 20));
    }
    expect(pressed?.messageVi).toBe(`Bàn phím quầy 3 đang kết nối. Lần bấm gần nhất: ${slipTime(clock.now())}.`);
  });

  it('sends device:test to the hall TV and counts its sockets; a screen nobody opened is "not connected"', async () => {
    const tv = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    cleanup.push(() => tv.close());
    const got: { at: number }[] = [];
    tv.socket.on('device:test', (p: { at: number }) => got.push(p));
    const res = await test('hall-display');
    expect(res.body).toMatchObject({ ok: true, data: { ok: true, messageVi: expect.stringContaining('(1 trình duyệt)') as unknown } });
    await eventually(() => got.length === 1, 5000, 'device:test at the TV');
    expect(got).toEqual([{ at: clock.now() }]);

    const alone = await test('counter-screen-2');
    expect(alone.body).toMatchObject({ ok: true, data: { ok: false, message: 'Screen Màn hình quầy 2 is not connected' } });
  });

  it('writes each test in the audit log with who ran it', async () => {
    const entries = await audit();
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(entries.every((e) => e.actor === 'officer:quantri' && e.actorName === 'Bùi Quốc Khánh' && e.changes.length === 0)).toBe(true);
    expect(entries.some((e) => e.summary.startsWith('Device kiosk-1-printer tested: failed'))).toBe(true);
    expect(entries.some((e) => e.summary.startsWith('Device led-quay-1 tested: passed'))).toBe(true);
  });
});
