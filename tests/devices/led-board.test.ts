import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResultView } from '../../common/contract/view-schemas.js';
import { validateSiteConfig } from '../../server/config/validate-site-config.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { loadLedBoardModelsOrThrow } from '../../server/devices/catalogue/load-led-board-models.js';
import { ledBoardHealth, startLedBoards, type StartedLedBoard } from '../../server/devices/site-led-boards.js';
import { CounterBoardService } from '../../server/services/counter-board-service.js';
import { api, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { testSite } from '../helpers/test-site.js';
import { recordingLogger } from '../unit/devices/fake-transport.js';
import { FAST_LINK, waitFor } from './helpers/bounded.js';
import { FakeLedBoard } from './helpers/fake-led-board.js';
import { ledBoardsDir } from './helpers/led-models.js';
import { SocatPair } from './helpers/socat-pair.js';

// A real hub (SQLite file, REST) with an LED board on a real serial link: socat makes a pty pair,
// the hub's serial transport opens one end as it would /dev/ttyUSB0, and a simulated board reads the
// other with serialport. Killing socat is pulling the USB-RS485 adapter out.
describe('LED counter boards over serial://', () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function hall(model: string, address: number) {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-led-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const socat = new SocatPair(dir);
    await socat.start();
    cleanup.push(() => socat.stop());
    const models = await loadLedBoardModelsOrThrow(ledBoardsDir);
    const board = new FakeLedBoard(socat.printerEnd, models.get(model)!, address);
    await board.open();
    cleanup.push(() => board.close());

    const site: SiteConfig = testSite();
    const counter = site.counters[0]!;
    site.devices.push({
      id: 'led-quay-1',
      kind: 'led-board',
      name: 'Bảng LED quầy 1',
      model,
      link: `serial://${socat.tty}`,
      counterId: counter.id,
      options: { address },
    });
    // The device as an installer would write it passes the site config's own checks.
    expect(validateSiteConfig(site)).toMatchObject({ ok: true });
    // The hub runs without the board: this test opens it itself, with short link timings, so a pulled
    // cable is noticed in milliseconds. (The hub opening its boards is led-boards-health.test.ts.)
    const t: TestHub = await startTestHub({ site: { ...site, devices: site.devices.filter((d) => d.kind !== 'led-board') } });
    cleanup.push(() => t.dispose());

    const logger = recordingLogger();
    const started = await startLedBoards(site, {
      dataDir: dir,
      clock: { now: () => Date.now() },
      models,
      logger,
      timing: FAST_LINK,
      retryMs: 100,
    });
    cleanup.push(() => Promise.all(started.boards.map((b) => b.board.stop())));
    expect(started.problems).toEqual([]);
    const service = new CounterBoardService({ boards: started.boards, source: t.hub.hall, logger });
    cleanup.push(() => service.stop());
    await service.start();

    const token = await signIn(t.url, site.officers[0]!.username);
    const command = async (action: string) => {
      const res = await api<CallResultView>(
        t.url,
        'POST',
        `/api/counters/${counter.id}/${action}`,
        { token },
        { commandId: newCommandId() },
      );
      if (!res.body.ok) throw new Error(`${action} refused: ${res.body.error.code}`);
      return res.body.data;
    };
    const queueId = counter.queues[0]!.queueId;
    const led = started.boards[0] as StartedLedBoard;
    return { t, dir, socat, board, led, logger, command, issue: () => issueAtKiosk(t, queueId) };
  }

  it('an ASCII board shows each call, catches up after its cable is pulled and plugged back, and ignores garbage', async () => {
    const { t, dir, socat, board, led, logger, command, issue } = await hall('generic/ascii-stx-xor-4', 7);
    await waitFor(() => board.frames.length === 1, 'the blank frame at start');
    expect(board.frames).toEqual(['    ']);

    await command('open');
    const first = (await issue()).ticket.number;
    await issue();
    expect((await command('call-next')).ticket?.number).toBe(first);
    await waitFor(() => board.showing === first.slice(-4).padStart(4, ' '), `${first} on the board`);
    expect(ledBoardHealth([led])[0]).toMatchObject({ state: 'online', shown: first, upToDate: true });

    // Pull the adapter: the hub notices, and the hall goes on.
    await board.close();
    await socat.stop();
    await waitFor(() => led.board.status.state === 'link-down', 'the board link to go down');
    const second = (await command('call-next')).ticket?.number ?? '';
    expect(ledBoardHealth([led])[0]).toMatchObject({ state: 'link-down', shown: first, upToDate: false });

    // Plug it back, the way udev does it: the new tty appears at the hub's path in one step, while the
    // board is already listening on its end (opening a pty flushes what was sent to it before).
    const replug = new SocatPair(join(dir, 'replug'));
    await mkdir(join(dir, 'replug'));
    await replug.start();
    cleanup.push(() => replug.stop());
    await board.open(replug.printerEnd);
    await rename(replug.tty, socat.tty);
    await waitFor(() => board.showing === second.slice(-4).padStart(4, ' '), `${second} on the board after the replug`);
    expect(ledBoardHealth([led])[0]).toMatchObject({ state: 'online', shown: second, upToDate: true });
    expect(logger.lines.filter((l) => l.msg?.startsWith('LED board link down'))).toHaveLength(1);

    // Garbage from the board's side: counted and logged, nothing else moves.
    const seq = t.hub.hall.snapshot().seq;
    const framesBefore = board.frames.length;
    board.send(Uint8Array.from([0x02, 0xff, 0x13, 0x00, 0x41, 0x0d, 0x0a]));
    await waitFor(() => led.board.status.ignoredBytes === 7, 'the garbage to be counted');
    expect(logger.lines.some((l) => l.msg === 'LED board sent unexpected bytes; ignored')).toBe(true);
    expect(t.hub.hall.snapshot().seq).toBe(seq);
    expect(led.board.status).toMatchObject({ state: 'online', lastShown: { kind: 'number', text: second } });
    expect(board.frames).toHaveLength(framesBefore);
  });

  it('a Modbus board takes each call, is unavailable while it does not answer, and catches up when it does', async () => {
    const { board, led, logger, command, issue } = await hall('generic/modbus-rtu-4', 3);
    await waitFor(() => board.writes.length === 1, 'the blank registers at start');
    expect(board.showing).toEqual([0, 0xffff]);

    await command('open');
    const first = (await issue()).ticket.number;
    await issue();
    await command('call-next');
    const registers = (n: string) => [n.charCodeAt(0), Number(n.slice(1))];
    await waitFor(() => led.board.status.state === 'online' && board.writes.length === 2, `${first} acknowledged`);
    expect(board.showing).toEqual(registers(first));

    // The board loses power behind a live adapter: no echo, so the hub knows.
    board.silent = true;
    const second = (await command('call-next')).ticket?.number ?? '';
    await waitFor(() => led.board.status.state === 'unavailable', 'the board to be marked unavailable', 5_000);
    expect(led.board.status.lastError).toMatch(/^no valid reply from slave 3 after 3 attempts/);
    board.silent = false;
    await waitFor(() => led.board.status.state === 'online', 'the board to answer again', 5_000);
    expect(board.showing).toEqual(registers(second));
    expect(logger.lines.filter((l) => l.msg === 'LED board unavailable; will keep trying')).toHaveLength(1);

    // Bytes while no request waits: ignored, the board's content stays.
    board.send(Uint8Array.from([0x03, 0x10, 0x00]));
    await waitFor(() => led.board.status.ignoredBytes >= 3, 'the stray bytes to be counted');
    expect(led.board.status).toMatchObject({ state: 'online', lastShown: { kind: 'number', text: second } });
  });
});
