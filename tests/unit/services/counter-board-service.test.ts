import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallFact, HallView } from '../../../common/contract/hall-view.js';
import { callNext } from '../../../server/core/commands/call-next.js';
import { openCounter, pauseCounter } from '../../../server/core/commands/counter-status.js';
import { issueTicket } from '../../../server/core/commands/issue-ticket.js';
import { finish } from '../../../server/core/commands/finish.js';
import { recall } from '../../../server/core/commands/recall.js';
import type { Actor } from '../../../server/core/decision.js';
import { hallView, publicEvent } from '../../../server/core/hall-view.js';
import type { LedBoardModel } from '../../../server/devices/catalogue/led-board-model-schema.js';
import { AsciiFrameDecoder, asciiFrameFormat } from '../../../server/devices/codecs/led/ascii-frame.js';
import { AsciiFrameBoard } from '../../../server/devices/drivers/ascii-frame-board.js';
import { CounterBoardService, type HallSource } from '../../../server/services/counter-board-service.js';
import { Hall, KIOSK, officer, type Command } from '../../helpers/core-fixtures.js';
import { eventually } from '../../helpers/test-hub.js';
import { ledBoardModel } from '../../devices/helpers/led-models.js';
import { FakeTransport, recordingLogger } from '../devices/fake-transport.js';

/** The hall as HallService publishes it, in memory: the real core, facts with consecutive seqs. */
class MemoryHall implements HallSource {
  readonly hall = new Hall();
  seq = 0;
  private readonly listeners = new Set<(facts: readonly HallFact[]) => void>();

  snapshot(): HallView {
    return hallView(this.hall.state, this.seq, {});
  }

  onFacts(listener: (facts: readonly HallFact[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  run<I, R>(command: Command<I, R>, input: I, actor: Actor): void {
    const { events } = this.hall.do(command, input, actor);
    const facts = events.map((e) => ({ ...publicEvent(e), seq: ++this.seq }) as HallFact);
    if (facts.length > 0) for (const l of this.listeners) l(facts);
  }
}

let model: LedBoardModel;
beforeAll(async () => {
  model = await ledBoardModel('generic/ascii-stx-xor-4');
});

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function setup(opts: { gap?: boolean } = {}) {
  const source = new MemoryHall();
  const links = { c1: new FakeTransport('serial:///dev/ttyC1'), c2: new FakeTransport('serial:///dev/ttyC2') };
  const boards = await Promise.all(
    (['c1', 'c2'] as const).map(async (counterId) => {
      const board = new AsciiFrameBoard({ transport: links[counterId], model, address: 1, clock: { now: () => Date.now() } });
      await board.start();
      cleanup.push(() => board.stop());
      return { deviceId: `led-${counterId}`, counterId, board };
    }),
  );
  const logger = recordingLogger();
  const service = new CounterBoardService({ boards, source: opts.gap ? skipping(source) : source, logger });
  cleanup.push(() => service.stop());
  const frames = (counterId: 'c1' | 'c2') => {
    const d = new AsciiFrameDecoder(asciiFrameFormat(model));
    return links[counterId].writes.flatMap((w) => d.push(w)).map((e) => (e.kind === 'frame' ? e.text : `(${e.kind})`));
  };
  return { source, service, frames, logger };
}

/** A source that loses every second batch of facts on the way, as a slow subscriber might. */
function skipping(source: MemoryHall): HallSource {
  let n = 0;
  return {
    snapshot: () => source.snapshot(),
    onFacts: (listener) => source.onFacts((facts) => (n++ % 2 === 1 ? undefined : listener(facts))),
  };
}

describe('CounterBoardService', () => {
  const o1 = officer('o-c1');
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('shows every counter at start, then each call on its own counter only', async () => {
    const { source, service, frames } = await setup();
    source.run(openCounter, { counterId: 'c1' }, o1);
    source.run(issueTicket, { queueId: 'ho-tich', priorityClass: null }, KIOSK);
    await service.start();
    expect(frames('c1')).toEqual(['    ']);
    expect(frames('c2')).toEqual(['    ']);

    source.run(callNext, { counterId: 'c1' }, o1);
    await eventually(() => frames('c1').length === 2, 2000, 'the call on board c1');
    expect(frames('c1')).toEqual(['    ', 'A001']);
    expect(frames('c2')).toEqual(['    ']);
  });

  it('sends nothing for facts that change no board, and the same number again on a recall', async () => {
    const { source, service, frames } = await setup();
    await service.start();
    source.run(openCounter, { counterId: 'c1' }, o1);
    source.run(issueTicket, { queueId: 'ho-tich', priorityClass: null }, KIOSK);
    source.run(callNext, { counterId: 'c1' }, o1);
    await eventually(() => frames('c1').length === 2, 2000, 'the call');
    // A citizen takes a number: the hall changes, no board does.
    source.run(issueTicket, { queueId: 'ho-tich', priorityClass: null }, KIOSK);
    await tick();
    expect(frames('c1')).toEqual(['    ', 'A001']);
    source.run(recall, { counterId: 'c1' }, o1);
    await eventually(() => frames('c1').length === 3, 2000, 'the recall');
    source.run(pauseCounter, { counterId: 'c1', reason: 'Họp' }, o1);
    source.run(finish, { counterId: 'c1' }, o1);
    await eventually(() => frames('c1').length === 4, 2000, 'paused');
    expect(frames('c1')).toEqual(['    ', 'A001', 'A001', '----']);
    expect(frames('c2')).toEqual(['    ']);
  });

  it('takes a fresh snapshot when it misses facts, and still shows the right number', async () => {
    const { source, service, frames, logger } = await setup({ gap: true });
    await service.start();
    source.run(openCounter, { counterId: 'c1' }, o1); // delivered
    source.run(issueTicket, { queueId: 'ho-tich', priorityClass: null }, KIOSK); // lost
    source.run(issueTicket, { queueId: 'ho-tich', priorityClass: null }, KIOSK); // delivered: a gap
    source.run(callNext, { counterId: 'c1' }, o1); // lost: A001 never reaches the service
    source.run(callNext, { counterId: 'c1' }, o1); // delivered: a gap again
    await eventually(() => frames('c1').at(-1) === 'A002', 2000, 'A002 on the board');
    expect(frames('c1')).toEqual(['    ', 'A002']);
    expect(logger.lines.filter((l) => l.msg === 'counter boards missed a fact; taking a fresh snapshot')).toHaveLength(2);
  });
});
