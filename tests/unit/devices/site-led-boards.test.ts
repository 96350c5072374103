import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceSetting } from '../../../server/config/device-schema.js';
import type { SiteConfig } from '../../../server/config/site-config-schema.js';
import type { LedBoardModel } from '../../../server/devices/catalogue/led-board-model-schema.js';
import { loadLedBoardModelsOrThrow } from '../../../server/devices/catalogue/load-led-board-models.js';
import {
  boardAddress,
  ledBoardHealth,
  startLedBoards,
  withBaud,
  type StartedLedBoard,
} from '../../../server/devices/site-led-boards.js';
import { testSite } from '../../helpers/test-site.js';
import { FAST_LINK } from '../../devices/helpers/bounded.js';
import { ledBoardsDir } from '../../devices/helpers/led-models.js';
import { recordingLogger } from './fake-transport.js';

let models: Map<string, LedBoardModel>;
let dir: string;
const started: StartedLedBoard[] = [];

beforeAll(async () => {
  models = new Map(await loadLedBoardModelsOrThrow(ledBoardsDir));
  const stx = models.get('generic/ascii-stx-xor-4')!;
  models.set('acme/even-parity', { ...stx, id: 'acme/even-parity', serial: { baud: 19200, format: '8E1' } });
});
afterEach(async () => {
  for (const b of started.splice(0)) await b.board.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function siteWith(...devices: Partial<DeviceSetting>[]): SiteConfig {
  const site = testSite();
  const counterId = site.counters[0]!.id;
  devices.forEach((d, i) =>
    site.devices.push({
      id: `led-${i}`,
      kind: 'led-board',
      name: `Bảng LED ${i}`,
      counterId,
      model: 'generic/ascii-stx-xor-4',
      ...d,
    }),
  );
  return site;
}

async function start(site: SiteConfig) {
  dir = await mkdtemp(join(tmpdir(), 'motcua-led-site-'));
  const result = await startLedBoards(site, {
    dataDir: dir,
    clock: { now: () => 1_000 },
    models,
    logger: recordingLogger(),
    timing: FAST_LINK,
  });
  started.push(...result.boards);
  return result;
}

describe('startLedBoards', () => {
  it('reports each board it cannot start, and starts the rest', async () => {
    const { boards, problems } = await start(
      siteWith(
        { model: 'acme/unknown', link: 'sim://a' },
        { link: 'sim://b', options: { adress: 1 } },
        { link: 'sim://c', options: { address: 100 } },
        { link: 'sim://d', model: 'generic/modbus-rtu-4' },
        { link: 'usb-lp:///dev/usb/lp0' },
        { link: 'serial:///dev/ttyUSB0', model: 'acme/even-parity' },
        { link: 'serial:///dev/ttyUSB1?stopbits=2' },
        {},
        { link: 'sim://ok', options: { address: 12 } },
      ),
    );
    expect(problems).toEqual([
      { deviceId: 'led-0', problem: 'unknown LED board model "acme/unknown"' },
      { deviceId: 'led-1', problem: "unknown option 'adress' (an LED board takes: address)" },
      { deviceId: 'led-2', problem: 'options.address must be a whole number from 0 to 99 for generic/ascii-stx-xor-4, got 100' },
      { deviceId: 'led-3', problem: 'a Modbus board needs a link that carries replies (serial:// or tcp://), not sim://' },
      {
        deviceId: 'led-4',
        problem: 'an LED board is reached over serial:// (or tcp:// through a serial device server), not usb-lp://',
      },
      {
        deviceId: 'led-5',
        problem: "model acme/even-parity talks 8E1, and the hub's serial link opens 8N1 only: set the board to 8N1",
      },
      { deviceId: 'led-6', problem: expect.stringContaining("unknown option 'stopbits'") },
      { deviceId: 'led-7', problem: 'has no link (e.g. serial:///dev/ttyUSB0)' },
    ]);
    expect(boards.map((b) => b.deviceId)).toEqual(['led-8']);
  });

  it('starts an ASCII board on sim://, whose frames land as files', async () => {
    const { boards } = await start(siteWith({ link: 'sim://led-quay-1', options: { address: 12 } }));
    const led = boards[0]!;
    await led.board.show({ kind: 'number', text: 'A012' });
    const out = join(dir, 'devices', 'led-quay-1');
    expect(await readdir(out)).toEqual(['0001.bin']);
    // STX "12" "A012" ETX, BCC = 31^32^41^30^31^32^03 = 72
    expect([...(await readFile(join(out, '0001.bin')))]).toEqual([0x02, 0x31, 0x32, 0x41, 0x30, 0x31, 0x32, 0x03, 0x72]);
    expect(ledBoardHealth(boards)).toEqual([
      {
        deviceId: 'led-0',
        counterId: led.counterId,
        url: 'sim://led-quay-1',
        model: 'generic/ascii-stx-xor-4',
        state: 'online',
        lastError: null,
        shown: 'A012',
        upToDate: true,
        shownAt: 1_000,
        ignoredBytes: 0,
      },
    ]);
  });

  it('starts a serial board whose adapter is absent, as link-down, and opens it at the model baud', async () => {
    const { boards, problems } = await start(
      siteWith({ link: 'serial:///dev/ttyUSB-motcua-absent', model: 'generic/modbus-rtu-4' }),
    );
    expect(problems).toEqual([]);
    expect(boards[0]?.board.url).toBe('serial:///dev/ttyUSB-motcua-absent?baud=9600');
    expect(boards[0]?.board.status).toMatchObject({
      state: 'link-down',
      lastError: expect.stringMatching(/ENOENT|No such file/),
    });
  });
});

describe('board options and links', () => {
  it('takes the address from options, or the model default, and refuses anything else', () => {
    const stx = models.get('generic/ascii-stx-xor-4')!;
    expect(boardAddress(stx, {})).toBe(1);
    expect(boardAddress(stx, { address: 42 })).toBe(42);
    expect(boardAddress(stx, { address: '42' })).toBe(
      'options.address must be a whole number from 0 to 99 for generic/ascii-stx-xor-4, got "42"',
    );
    expect(boardAddress(stx, { address: 1.5 })).toMatch(/^options.address must be a whole number/);
    expect(boardAddress({ ...stx, address: undefined }, { address: 1 })).toBe(
      'model generic/ascii-stx-xor-4 has no address; remove options.address',
    );
  });

  it('adds the model baud to a serial link only when the link has none', () => {
    expect(withBaud('serial:///dev/ttyUSB0', 19200)).toBe('serial:///dev/ttyUSB0?baud=19200');
    expect(withBaud('serial:///dev/ttyUSB0?flow=none', 19200)).toBe('serial:///dev/ttyUSB0?flow=none&baud=19200');
    expect(withBaud('serial:///dev/ttyUSB0?baud=4800', 19200)).toBe('serial:///dev/ttyUSB0?baud=4800');
  });
});
