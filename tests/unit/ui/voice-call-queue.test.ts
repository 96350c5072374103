import { describe, expect, it } from 'vitest';
import { CallQueue, type CallQueueDeps, type DropReason, type EndReason, type VoiceCall } from '../../../ui/voice/call-queue.js';

/** A clock the test moves by hand, with the timers that fire as it passes them. */
class FakeClock {
  t = 1_750_000_000_000;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  now = () => this.t;
  setTimer = (fn: () => void, ms: number) => {
    const timer = { at: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  };
  advance(ms: number): void {
    this.t += ms;
    for (const timer of this.timers.filter((x) => x.live && x.at <= this.t)) {
      timer.live = false;
      timer.fn();
    }
  }
}

/** A speaker that speaks until the test says it is done, and records what it was asked. */
class FakeSpeaker {
  readonly started: VoiceCall[] = [];
  stops = 0;
  private finishers: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  speak = (call: VoiceCall) => {
    this.started.push(call);
    return new Promise<void>((resolve, reject) => this.finishers.push({ resolve, reject }));
  };
  stop = () => {
    this.stops++;
  };
  get inProgress(): number {
    return this.finishers.length;
  }
  /** Ends the oldest speech and lets the queue's promise callbacks run. */
  async finish(error?: unknown): Promise<void> {
    const f = this.finishers.shift();
    if (!f) throw new Error('nothing is being spoken');
    if (error === undefined) f.resolve();
    else f.reject(error);
    await flush();
  }
  numbers(): string[] {
    return this.started.map((c) => `${c.number}@${c.counterNumber}#${c.calls}`);
  }
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

function setup(extra: Partial<CallQueueDeps> = {}) {
  const clock = new FakeClock();
  const speaker = new FakeSpeaker();
  const drops: [string, DropReason][] = [];
  const ends: [string, EndReason][] = [];
  const queue = new CallQueue({
    speak: speaker.speak,
    stop: speaker.stop,
    now: clock.now,
    setTimer: clock.setTimer,
    onDrop: (c, why) => drops.push([c.number, why]),
    onEnd: (c, why) => ends.push([c.number, why]),
    ...extra,
  });
  let n = 0;
  const call = (number: string, counterNumber: number, over: Partial<VoiceCall> = {}): VoiceCall => ({
    ticketId: `t-${number}`,
    number,
    counterNumber,
    calls: 1,
    at: clock.t - 10 + ++n,
    ...over,
  });
  return { clock, speaker, queue, drops, ends, call };
}

describe('CallQueue', () => {
  it('speaks one call at a time, in order, none cutting off another', async () => {
    const { speaker, queue, call } = setup();
    expect(queue.offer(call('A001', 1))).toBe('queued');
    expect(queue.offer(call('B001', 2))).toBe('queued');
    expect(queue.offer(call('C001', 3))).toBe('queued');
    expect(speaker.numbers()).toEqual(['A001@1#1']);
    expect(speaker.inProgress).toBe(1);
    await flush();
    expect(speaker.inProgress).toBe(1); // still only the first: B001 waits for its end
    await speaker.finish();
    expect(speaker.numbers()).toEqual(['A001@1#1', 'B001@2#1']);
    expect(queue.waiting.map((c) => c.number)).toEqual(['C001']);
    await speaker.finish();
    await speaker.finish();
    expect(speaker.numbers()).toEqual(['A001@1#1', 'B001@2#1', 'C001@3#1']);
    expect(queue.speaking).toBeNull();
  });

  it('announces the same call delivered twice only once (a fact, then a resync snapshot)', async () => {
    const { speaker, queue, call } = setup();
    const first = call('A001', 1);
    expect(queue.offer(first)).toBe('queued');
    expect(queue.offer({ ...first })).toBe('duplicate');
    await speaker.finish();
    expect(queue.offerAll([{ ...first }])).toEqual(['duplicate']);
    await flush();
    expect(speaker.numbers()).toEqual(['A001@1#1']);
  });

  it('announces a recall again, even while the first call is still being spoken', async () => {
    const { clock, speaker, queue, call } = setup();
    const first = call('A001', 1);
    queue.offer(first);
    clock.advance(3000);
    expect(queue.offer({ ...first, calls: 2, at: clock.t })).toBe('queued');
    await speaker.finish();
    expect(speaker.numbers()).toEqual(['A001@1#1', 'A001@1#2']);
    // The first call arriving late (an old snapshot) after the recall is not read again.
    expect(queue.offer(first)).toBe('duplicate');
  });

  it('announces a ticket called again after being returned to the queue (calls back to 1, later time)', async () => {
    const { clock, speaker, queue, call } = setup();
    const first = call('A001', 1);
    queue.offer(first);
    await speaker.finish();
    clock.advance(20_000);
    expect(queue.offer({ ...first, counterNumber: 4, at: clock.t })).toBe('queued');
    expect(speaker.numbers()).toEqual(['A001@1#1', 'A001@4#1']);
  });

  it('drops calls older than the age limit instead of reading them late', async () => {
    const { clock, speaker, queue, drops, call } = setup({ maxAgeMs: 90_000 });
    expect(queue.offer(call('A001', 1, { at: clock.t - 90_001 }))).toBe('stale');
    expect(queue.offer(call('A002', 2, { at: clock.t - 89_000 }))).toBe('queued');
    expect(speaker.numbers()).toEqual(['A002@2#1']);
    expect(drops).toEqual([['A001', 'stale']]);
  });

  it('drops a waiting call that grew too old while others were spoken', async () => {
    const { clock, speaker, queue, drops, ends, call } = setup({ maxAgeMs: 90_000, maxSpeakMs: 200_000 });
    queue.offer(call('A001', 1));
    queue.offer(call('B001', 2));
    clock.advance(95_000); // A001 takes long (a very slow speaker)
    await speaker.finish();
    expect(speaker.numbers()).toEqual(['A001@1#1']);
    expect(drops).toEqual([['B001', 'stale']]);
    expect(ends).toEqual([['A001', 'spoken']]);
    expect(queue.speaking).toBeNull();
  });

  it('lets a newer call at a counter replace the one still waiting there', async () => {
    const { speaker, queue, drops, call } = setup();
    queue.offer(call('A001', 1));
    queue.offer(call('B001', 2));
    queue.offer(call('B002', 2));
    expect(queue.waiting.map((c) => c.number)).toEqual(['B002']);
    expect(drops).toEqual([['B001', 'superseded']]);
    // An older call at counter 2, delivered late, is not read after the newer one.
    expect(queue.offer(call('B000', 2, { at: queue.waiting[0]!.at - 5 }))).toBe('superseded');
    await speaker.finish();
    await speaker.finish();
    expect(speaker.numbers()).toEqual(['A001@1#1', 'B002@2#1']);
  });

  it('bounds the backlog by dropping the oldest waiting call', async () => {
    const { speaker, queue, drops, call } = setup({ maxPending: 3 });
    for (let c = 1; c <= 6; c++) queue.offer(call(`A00${c}`, c));
    expect(speaker.numbers()).toEqual(['A001@1#1']);
    expect(queue.waiting.map((c) => c.number)).toEqual(['A004', 'A005', 'A006']);
    expect(drops).toEqual([
      ['A002', 'overflow'],
      ['A003', 'overflow'],
    ]);
  });

  it('offers a snapshot of recent calls (newest first) oldest first', () => {
    const { speaker, queue, call } = setup();
    const older = call('A001', 1);
    const newer = call('B001', 2);
    expect(queue.offerAll([newer, older])).toEqual(['queued', 'queued']);
    expect(speaker.numbers()).toEqual(['A001@1#1']);
    expect(queue.waiting.map((c) => c.number)).toEqual(['B001']);
  });

  it('moves on when the speaker fails', async () => {
    const { speaker, queue, ends, call } = setup();
    queue.offer(call('A001', 1));
    queue.offer(call('B001', 2));
    await speaker.finish(new Error('audio device lost'));
    expect(ends).toEqual([['A001', 'failed']]);
    expect(speaker.numbers()).toEqual(['A001@1#1', 'B001@2#1']);
  });

  it('moves on when the speaker throws instead of answering a promise', async () => {
    const { clock, queue, ends, call } = setup({
      speak: () => {
        throw new Error('no audio');
      },
    });
    queue.offer(call('A001', 1));
    queue.offer(call('B001', 2));
    clock.advance(0);
    await flush();
    await flush();
    expect(ends).toEqual([
      ['A001', 'failed'],
      ['B001', 'failed'],
    ]);
  });

  it('stops a speaker that never reports the end, and goes on; its late answer changes nothing', async () => {
    const { clock, speaker, queue, ends, call } = setup({ maxSpeakMs: 30_000 });
    queue.offer(call('A001', 1));
    queue.offer(call('B001', 2));
    clock.advance(29_999);
    expect(speaker.numbers()).toEqual(['A001@1#1']);
    clock.advance(1);
    expect(ends).toEqual([['A001', 'timeout']]);
    expect(speaker.stops).toBe(1);
    expect(speaker.numbers()).toEqual(['A001@1#1', 'B001@2#1']);
    await speaker.finish(); // A001's speaker answers at last
    expect(queue.speaking?.number).toBe('B001');
    expect(ends).toEqual([['A001', 'timeout']]);
  });

  it('takes nothing more and silences the speaker once disposed', async () => {
    const { speaker, queue, call } = setup();
    queue.offer(call('A001', 1));
    queue.offer(call('B001', 2));
    queue.dispose();
    expect(speaker.stops).toBe(1);
    expect(queue.waiting).toEqual([]);
    expect(queue.offer(call('C001', 3))).toBe('closed');
    await speaker.finish();
    expect(speaker.numbers()).toEqual(['A001@1#1']);
  });
});
