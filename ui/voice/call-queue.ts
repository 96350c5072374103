/**
 * The hall TV's queue of calls to announce: one at a time, in the order they were made. Pure (time
 * and timers come in through deps), so it runs the same in a page and in a unit test.
 *
 * Rules:
 * - none cuts off another: the next call starts only when the one being spoken has finished (or
 *   failed, or overran `maxSpeakMs`: a speaker that never reports the end must not stall the hall);
 * - a call is announced once, however often it is delivered (a fact and then a resync snapshot carry
 *   the same call): a call is new only if it is later than the last one heard for its ticket;
 * - a recall is a new call (a later `at`, a higher `calls`), so it is announced again;
 * - a call older than `maxAgeMs` when it is offered, or when its turn comes, is dropped: after a TV
 *   was offline, reading out calls from minutes ago sends people to counters that moved on;
 * - a newer call at a counter replaces that counter's call still waiting to be spoken, and a call
 *   older than one already heard at its counter is not spoken: the officer has moved on, and the
 *   citizen called first is on the screen anyway. This alone bounds the backlog by the number of
 *   counters;
 * - at most `maxPending` calls wait; beyond, the oldest waiting is dropped. At about 7 s per call
 *   (chime and sentence), 8 waiting is under a minute of speech, inside the age limit: a longer
 *   backlog would only be dropped as stale later, after making everyone behind it wait.
 */
export interface VoiceCall {
  readonly ticketId: string;
  /** As printed: "A012", "1025". */
  readonly number: string;
  readonly counterNumber: number;
  /** How many times the ticket has been called; a recall counts up. */
  readonly calls: number;
  /** When the hub made the call, in hub time (ms since the epoch). */
  readonly at: number;
}

export type OfferResult = 'queued' | 'duplicate' | 'stale' | 'superseded' | 'closed';
export type DropReason = 'stale' | 'superseded' | 'overflow';
export type EndReason = 'spoken' | 'failed' | 'timeout';

export interface CallQueueDeps {
  /** Speaks one call (chime, sentence); resolves when done. A rejection moves on to the next call. */
  speak(call: VoiceCall): Promise<void>;
  /** Silences the speaker: called when a call overruns and on dispose. */
  stop?(): void;
  /** Hub time, the clock the calls' `at` is in. */
  now(): number;
  /** Runs fn after ms; answers a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
  maxAgeMs?: number;
  maxPending?: number;
  maxSpeakMs?: number;
  onDrop?(call: VoiceCall, reason: DropReason): void;
  onEnd?(call: VoiceCall, reason: EndReason, error?: unknown): void;
}

export const DEFAULT_MAX_AGE_MS = 90_000;
export const DEFAULT_MAX_PENDING = 8;
export const DEFAULT_MAX_SPEAK_MS = 45_000;

interface Heard {
  readonly at: number;
  readonly calls: number;
}

function isLater(call: VoiceCall, heard: Heard | undefined): boolean {
  if (!heard) return true;
  return call.at > heard.at || (call.at === heard.at && call.calls > heard.calls);
}

export class CallQueue {
  private readonly pending: VoiceCall[] = [];
  /** The latest call heard per ticket, and per counter (its `at`). */
  private readonly heard = new Map<string, Heard>();
  private readonly heardAtCounter = new Map<number, number>();
  private current: { call: VoiceCall; cancelTimer: () => void } | null = null;
  private disposed = false;
  private readonly maxAgeMs: number;
  private readonly maxPending: number;
  private readonly maxSpeakMs: number;

  constructor(private readonly deps: CallQueueDeps) {
    this.maxAgeMs = deps.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.maxPending = Math.max(1, deps.maxPending ?? DEFAULT_MAX_PENDING);
    this.maxSpeakMs = deps.maxSpeakMs ?? DEFAULT_MAX_SPEAK_MS;
  }

  /** The call being spoken, if any. */
  get speaking(): VoiceCall | null {
    return this.current?.call ?? null;
  }

  /** The calls waiting their turn, first to be spoken first. */
  get waiting(): readonly VoiceCall[] {
    return [...this.pending];
  }

  /** Offers one call; answers what became of it. */
  offer(call: VoiceCall): OfferResult {
    if (this.disposed) return 'closed';
    this.forgetOld();
    if (this.isStale(call)) {
      this.deps.onDrop?.(call, 'stale');
      return 'stale';
    }
    if (!isLater(call, this.heard.get(call.ticketId))) return 'duplicate';
    this.heard.set(call.ticketId, { at: call.at, calls: call.calls });
    if (call.at < (this.heardAtCounter.get(call.counterNumber) ?? -Infinity)) {
      this.deps.onDrop?.(call, 'superseded');
      return 'superseded';
    }
    this.heardAtCounter.set(call.counterNumber, call.at);
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const p = this.pending[i] as VoiceCall;
      if ((p.ticketId === call.ticketId || p.counterNumber === call.counterNumber) && p.at <= call.at) {
        this.pending.splice(i, 1);
        this.deps.onDrop?.(p, 'superseded');
      }
    }
    this.pending.push(call);
    this.pending.sort((a, b) => a.at - b.at);
    while (this.pending.length > this.maxPending) this.deps.onDrop?.(this.pending.shift() as VoiceCall, 'overflow');
    this.pump();
    return 'queued';
  }

  /** Offers several calls at once (a snapshot's recent calls, newest first or not), oldest first. */
  offerAll(calls: readonly VoiceCall[]): OfferResult[] {
    return [...calls].sort((a, b) => a.at - b.at).map((c) => this.offer(c));
  }

  /** Drops everything waiting and silences the speaker; the queue takes no more calls. */
  dispose(): void {
    this.disposed = true;
    this.pending.length = 0;
    if (this.current) {
      this.current.cancelTimer();
      this.current = null;
      this.deps.stop?.();
    }
  }

  private isStale(call: VoiceCall): boolean {
    return this.deps.now() - call.at > this.maxAgeMs;
  }

  /** Past the age limit a call would be refused anyway, so what was heard of it need not be kept. */
  private forgetOld(): void {
    const horizon = this.deps.now() - this.maxAgeMs;
    for (const [ticketId, h] of this.heard) if (h.at < horizon) this.heard.delete(ticketId);
    for (const [counter, at] of this.heardAtCounter) if (at < horizon) this.heardAtCounter.delete(counter);
  }

  private pump(): void {
    if (this.current || this.disposed) return;
    let next = this.pending.shift();
    while (next && this.isStale(next)) {
      this.deps.onDrop?.(next, 'stale');
      next = this.pending.shift();
    }
    if (!next) return;
    const call = next;
    const cancelTimer = this.deps.setTimer(() => this.finish(call, 'timeout'), this.maxSpeakMs);
    this.current = { call, cancelTimer };
    let spoken: Promise<void>;
    try {
      spoken = this.deps.speak(call);
    } catch (err) {
      spoken = Promise.reject(err);
    }
    spoken.then(
      () => this.finish(call, 'spoken'),
      (err: unknown) => this.finish(call, 'failed', err),
    );
  }

  private finish(call: VoiceCall, reason: EndReason, error?: unknown): void {
    // A speaker that answers after its call timed out (or after dispose) finishes nothing.
    if (this.current?.call !== call) return;
    this.current.cancelTimer();
    this.current = null;
    if (reason === 'timeout') this.deps.stop?.();
    this.deps.onEnd?.(call, reason, error);
    this.pump();
  }
}
