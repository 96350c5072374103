import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PAUSED, type BoardContent } from '../../../server/core/board-content.js';
import type { LedBoardModel } from '../../../server/devices/catalogue/led-board-model-schema.js';
import { AsciiFrameDecoder, asciiFrameFormat } from '../../../server/devices/codecs/led/ascii-frame.js';
import { encodeException, encodeWriteReply, parseWriteRequest } from '../../../server/devices/codecs/led/modbus-rtu.js';
import { AsciiFrameBoard } from '../../../server/devices/drivers/ascii-frame-board.js';
import type { LedBoard } from '../../../server/devices/drivers/led-board.js';
import { ModbusRtuBoard } from '../../../server/devices/drivers/modbus-rtu-board.js';
import { eventually } from '../../helpers/test-hub.js';
import { ledBoardModel } from '../../devices/helpers/led-models.js';
import { bytes, FakeTransport, recordingLogger } from './fake-transport.js';

const clock = { now: () => Date.now() };
const num = (text: string): BoardContent => ({ kind: 'number', text });

let stxModel: LedBoardModel;
let modbusModel: LedBoardModel;
beforeAll(async () => {
  stxModel = await ledBoardModel('generic/ascii-stx-xor-4');
  modbusModel = await ledBoardModel('generic/modbus-rtu-4');
});

const started: LedBoard[] = [];
afterEach(async () => {
  for (const b of started.splice(0)) await b.stop();
});

async function start<B extends LedBoard>(board: B): Promise<B> {
  started.push(board);
  await board.start();
  return board;
}

describe('AsciiFrameBoard', () => {
  const texts = (t: FakeTransport) => {
    const d = new AsciiFrameDecoder(asciiFrameFormat(stxModel));
    return t.writes.flatMap((w) => d.push(w)).map((e) => (e.kind === 'frame' ? `${e.address}:${e.text}` : `bad:${e.kind}`));
  };

  it('sends one frame per show, to its address, and reports what it shows', async () => {
    const t = new FakeTransport();
    const board = await start(new AsciiFrameBoard({ transport: t, model: stxModel, address: 7, clock }));
    expect(board.status).toMatchObject({ state: 'online', lastShown: null });
    await board.show(num('A012'));
    await board.show(PAUSED);
    expect(texts(t)).toEqual(['7:A012', '7:----']);
    expect(board.status).toMatchObject({ state: 'online', lastShown: PAUSED, wanted: PAUSED, lastError: null });
  });

  it('keeps calls made while the link is down, logs the outage once, and catches up with the latest when it returns', async () => {
    const t = new FakeTransport();
    const logger = recordingLogger();
    const board = await start(new AsciiFrameBoard({ transport: t, model: stxModel, address: 1, clock, logger }));
    await board.show(num('A001'));
    t.down('device disconnected');
    for (const n of ['A002', 'A003', 'A004']) await board.show(num(n));
    expect(board.status).toMatchObject({
      state: 'link-down',
      lastError: 'device disconnected',
      lastShown: num('A001'),
      wanted: num('A004'),
    });
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    t.up();
    await eventually(() => texts(t).length === 2, 2000, 'the catch-up frame');
    expect(texts(t)).toEqual(['1:A001', '1:A004']);
    expect(board.status).toMatchObject({ state: 'online', lastShown: num('A004') });
  });

  it('starts with the board absent, and shows the number once it is plugged in', async () => {
    const t = new FakeTransport('serial:///dev/ttyUSB9', false);
    const board = await start(new AsciiFrameBoard({ transport: t, model: stxModel, address: 1, clock }));
    expect(board.status.state).toBe('link-down');
    await board.show(num('A009'));
    expect(t.writes).toHaveLength(0);
    t.up();
    await eventually(() => texts(t).length === 1, 2000, 'the frame after plug-in');
    expect(texts(t)).toEqual(['1:A009']);
  });

  it('ignores and counts bytes the board sends, logging them rather than failing', async () => {
    const t = new FakeTransport();
    const logger = recordingLogger();
    const board = await start(new AsciiFrameBoard({ transport: t, model: stxModel, address: 1, clock, logger }));
    await board.show(num('A001'));
    t.receive(bytes('ff 00 13 37'));
    t.receive(bytes('02 02'));
    expect(board.status).toMatchObject({ state: 'online', ignoredBytes: 6, lastShown: num('A001') });
    const warns = logger.lines.filter((l) => l.level === 'warn');
    expect(warns).toHaveLength(1);
    expect(warns[0]).toMatchObject({ obj: { bytes: 'ff 00 13 37' }, msg: 'LED board sent unexpected bytes; ignored' });
    expect(t.writes).toHaveLength(1);
  });

  it('sends the current content again when the model asks for a periodic refresh', async () => {
    const t = new FakeTransport();
    const board = await start(new AsciiFrameBoard({ transport: t, model: stxModel, address: 1, clock, resendEveryMs: 20 }));
    await new Promise((r) => setTimeout(r, 60));
    expect(t.writes).toHaveLength(0); // nothing to repeat before the hall has said anything
    await board.show(num('A005'));
    await eventually(() => t.writes.length >= 3, 2000, 'two refreshes');
    expect(new Set(texts(t))).toEqual(new Set(['1:A005']));
  });

  it('sends the latest content only, when several arrive during one delivery', async () => {
    const t = new FakeTransport();
    const board = await start(new AsciiFrameBoard({ transport: t, model: stxModel, address: 1, clock }));
    await Promise.all([board.show(num('A001')), board.show(num('A002')), board.show(num('A003'))]);
    expect(texts(t)).toEqual(['1:A003']);
  });
});

describe('ModbusRtuBoard', () => {
  /** A board that echoes each write, as the Modbus spec says; `answer` can be switched per test. */
  function modbusBoardAt(t: FakeTransport) {
    const shown: number[][] = [];
    const state = { answer: 'echo' as 'echo' | 'silent' | 'refuse' | 'garbage-then-echo' | 'bad-crc' };
    t.reply = (frame) => {
      const parsed = parseWriteRequest(frame);
      if (parsed.kind !== 'ok') return undefined;
      const echo = encodeWriteReply(parsed.value);
      switch (state.answer) {
        case 'silent':
          return undefined;
        case 'refuse':
          return encodeException(parsed.value.slave, parsed.value.function, 2);
        case 'bad-crc':
          return Uint8Array.from(echo, (b, k) => (k === echo.length - 1 ? b ^ 0xff : b));
        case 'garbage-then-echo':
          shown.push([...parsed.value.values]);
          return [bytes('00 ff'), echo.subarray(0, 3), echo.subarray(3)];
        case 'echo':
          shown.push([...parsed.value.values]);
          return echo;
      }
    };
    return { shown, state };
  }

  it('writes the registers and counts the board as online once it echoes', async () => {
    const t = new FakeTransport();
    const sim = modbusBoardAt(t);
    const board = await start(new ModbusRtuBoard({ transport: t, model: modbusModel, address: 3, clock }));
    await board.show(num('A012'));
    expect(t.writes).toEqual([bytes('03 10 00 00 00 02 04 00 41 00 0c a8 06')]);
    expect(sim.shown).toEqual([[0x41, 12]]);
    expect(board.status).toMatchObject({ state: 'online', lastShown: num('A012') });
  });

  it('finds its reply behind noise and across chunks, counting the noise', async () => {
    const t = new FakeTransport();
    const sim = modbusBoardAt(t);
    sim.state.answer = 'garbage-then-echo';
    const board = await start(new ModbusRtuBoard({ transport: t, model: modbusModel, address: 1, clock }));
    await board.show(num('A001'));
    expect(t.writes).toHaveLength(1);
    expect(board.status).toMatchObject({ state: 'online', ignoredBytes: 2, lastShown: num('A001') });
  });

  it('retries a board that does not answer, marks it unavailable once, and recovers when it answers again', async () => {
    const t = new FakeTransport();
    const sim = modbusBoardAt(t);
    sim.state.answer = 'silent';
    const logger = recordingLogger();
    const model = { ...modbusModel, modbus: { ...modbusModel.modbus!, replyTimeoutMs: 30, retries: 2 } };
    const board = await start(new ModbusRtuBoard({ transport: t, model, address: 1, clock, logger, retryMs: 100 }));
    await board.show(num('A001'));
    expect(t.writes).toHaveLength(3);
    expect(board.status).toMatchObject({ state: 'unavailable', lastShown: null, wanted: num('A001') });
    expect(board.status.lastError).toBe('no valid reply from slave 1 after 3 attempts of 30 ms');
    expect(logger.lines.filter((l) => l.msg === 'LED board unavailable; will keep trying')).toHaveLength(1);
    sim.state.answer = 'echo';
    await eventually(() => board.status.state === 'online', 3000, 'the board answering again');
    expect(board.status.lastShown).toEqual(num('A001'));
    expect(sim.shown).toEqual([[0x41, 1]]);
  });

  it('retries a reply with a bad CRC', async () => {
    const t = new FakeTransport();
    const sim = modbusBoardAt(t);
    sim.state.answer = 'bad-crc';
    const model = { ...modbusModel, modbus: { ...modbusModel.modbus!, replyTimeoutMs: 30, retries: 1 } };
    const board = await start(new ModbusRtuBoard({ transport: t, model, address: 1, clock, retryMs: 60_000 }));
    await board.show(num('A001'));
    expect(t.writes).toHaveLength(2);
    expect(board.status.state).toBe('unavailable');
    expect(board.status.ignoredBytes).toBeGreaterThan(0);
  });

  it('does not retry a refusal, and says what the board refused', async () => {
    const t = new FakeTransport();
    const sim = modbusBoardAt(t);
    sim.state.answer = 'refuse';
    const board = await start(new ModbusRtuBoard({ transport: t, model: modbusModel, address: 1, clock, retryMs: 60_000 }));
    await board.show(num('A001'));
    expect(t.writes).toHaveLength(1);
    expect(board.status).toMatchObject({
      state: 'unavailable',
      lastError: 'the board refused the write: exception 2 (illegal data address)',
    });
  });

  it('refuses to be built without a slave address or a modbus section', () => {
    const t = new FakeTransport();
    expect(() => new ModbusRtuBoard({ transport: t, model: modbusModel, address: null, clock })).toThrow(/slave address/);
    expect(() => new ModbusRtuBoard({ transport: t, model: stxModel, address: 1, clock })).toThrow(/no modbus section/);
  });
});
