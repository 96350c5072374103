import type { Clock } from '../core/ports.js';
import type { Logger } from '../services/logger.js';
import type { OutboxItem, OutboxRepository } from '../storage/repositories/outbox.js';
import type { ProvincePushes, PushOutcome } from './province-system.js';

export interface OutboxWorkerOptions {
  /** Tries before an item goes dead for an admin to see (a rejection goes dead at once). */
  readonly maxAttempts?: number;
  /** The first retry waits up to this long; each further one up to twice the one before. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Streams with a send in flight at once. */
  readonly concurrency?: number;
  /** How often the outbox is read for items whose retry time has come (kick() covers new ones). */
  readonly pollMs?: number;
  /** How long stop() lets sends in flight finish before it abandons them (they stay pending). */
  readonly stopGraceMs?: number;
  /** The jitter source, in [0, 1); tests pass a fixed one. */
  readonly random?: () => number;
}

export interface OutboxWorkerStatus {
  readonly running: boolean;
  readonly pending: number;
  readonly done: number;
  readonly dead: number;
  readonly inFlight: number;
  readonly lastError: { readonly at: number; readonly itemId: number; readonly message: string } | null;
  readonly lastSuccessAt: number | null;
}

const DEFAULTS = {
  maxAttempts: 12,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  concurrency: 4,
  pollMs: 1_000,
  stopGraceMs: 2_000,
};

/** The wait before the next try after `attempts` earlier failed tries: full jitter over an exponential cap. */
export function backoffDelay(attempts: number, o: { baseDelayMs: number; maxDelayMs: number }, random: () => number): number {
  const cap = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.min(attempts, 40));
  return Math.floor(random() * cap);
}

interface Send {
  promise: Promise<void>;
  readonly abort: AbortController;
  abandoned: boolean;
}

/**
 * Drains the outbox into the province system. Each stream (a dossier and its progress) sends one
 * item at a time, in id order, so progress never overtakes its dossier; different streams go in
 * parallel up to the concurrency. Every item carries its idempotency key, so an item sent again
 * after a crash or an abandoned send is answered "đã tồn tại" and counted as done: nothing twice.
 */
export class OutboxWorker {
  private readonly o: Required<Omit<OutboxWorkerOptions, 'random'>>;
  private readonly random: () => number;
  private readonly inFlight = new Map<string, Send>();
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private lastError: OutboxWorkerStatus['lastError'] = null;
  private lastSuccessAt: number | null = null;

  constructor(
    private readonly deps: {
      readonly outbox: OutboxRepository;
      readonly province: ProvincePushes;
      readonly clock: Clock;
      readonly logger: Logger;
      readonly options?: OutboxWorkerOptions;
    },
  ) {
    const given = Object.fromEntries(Object.entries(deps.options ?? {}).filter(([, v]) => v !== undefined));
    this.o = { ...DEFAULTS, ...given } as typeof this.o;
    this.random = deps.options?.random ?? Math.random;
    if (!(this.o.maxAttempts >= 1 && this.o.concurrency >= 1 && this.o.pollMs > 0)) {
      throw new Error('outbox worker: maxAttempts and concurrency must be at least 1 and pollMs positive');
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
    this.pump();
  }

  /** New items were committed: send them now rather than at the next poll. */
  kick(): void {
    this.pump();
  }

  /**
   * Stops taking items, lets the sends in flight finish within the grace, then abandons the rest:
   * their outcome is never written (the database may close right after), so the item stays pending
   * and is sent again, with the same key, by the next start.
   */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight.size === 0) return;
    let grace: NodeJS.Timeout | undefined;
    const expired = new Promise<void>((resolve) => (grace = setTimeout(resolve, this.o.stopGraceMs)));
    await Promise.race([this.idle(), expired]);
    clearTimeout(grace);
    for (const send of this.inFlight.values()) {
      send.abandoned = true;
      send.abort.abort();
    }
    this.inFlight.clear();
  }

  /** Resolves once no send is in flight (those started meanwhile included). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race([...this.inFlight.values()].map((s) => s.promise));
  }

  status(): OutboxWorkerStatus {
    return {
      running: this.running,
      ...this.deps.outbox.counts(),
      inFlight: this.inFlight.size,
      lastError: this.lastError,
      lastSuccessAt: this.lastSuccessAt,
    };
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.running) return;
      this.pump();
      this.schedule();
    }, this.o.pollMs);
    this.timer.unref();
  }

  private pump(): void {
    if (!this.running) return;
    const free = this.o.concurrency - this.inFlight.size;
    if (free <= 0) return;
    let due: OutboxItem[];
    try {
      // Heads of streams already in flight come back too (still pending): ask for enough to skip them.
      due = this.deps.outbox.due(this.deps.clock.now(), free + this.inFlight.size);
    } catch (err) {
      this.deps.logger.error({ err }, 'outbox: cannot read the outbox');
      return;
    }
    for (const item of due.filter((i) => !this.inFlight.has(i.stream)).slice(0, free)) this.begin(item);
  }

  private begin(item: OutboxItem): void {
    const abort = new AbortController();
    const send: Send = { abort, abandoned: false, promise: Promise.resolve() };
    this.inFlight.set(item.stream, send);
    send.promise = this.send(item, abort.signal).then(
      (outcome) => this.settle(item, send, outcome),
      (err: unknown) => this.settle(item, send, { kind: 'retry', reason: `province client failed: ${messageOf(err)}` }),
    );
  }

  private send(item: OutboxItem, signal: AbortSignal): Promise<PushOutcome> {
    const p = this.deps.province;
    const meta = { idempotencyKey: item.idempotencyKey, signal };
    // The payload was shaped when the item was owed; it is sent exactly as stored.
    const payload = item.payload as never;
    switch (item.kind) {
      case 'dossier':
        return p.pushDossier(payload, meta);
      case 'progress':
        return p.pushProgress(payload, meta);
      case 'rating':
        return p.pushRating(payload, meta);
      case 'figures':
        return p.pushFigures(payload, meta);
      default:
        return Promise.resolve({ kind: 'rejected', reason: `unknown outbox kind ${String(item.kind)}` });
    }
  }

  private settle(item: OutboxItem, send: Send, outcome: PushOutcome): void {
    if (send.abandoned) return;
    this.inFlight.delete(item.stream);
    try {
      this.record(item, outcome);
    } catch (err) {
      // The item stays pending as it was and is tried again at the next poll.
      this.deps.logger.error({ err, id: item.id }, 'outbox: cannot record a send');
    }
    this.pump();
  }

  private record(item: OutboxItem, outcome: PushOutcome): void {
    const { outbox, clock, logger } = this.deps;
    const now = clock.now();
    const where = { id: item.id, kind: item.kind, stream: item.stream, attempts: item.attempts + 1 };
    if (outcome.kind === 'done' || outcome.kind === 'duplicate') {
      outbox.markDone(item.id, now);
      this.lastSuccessAt = now;
      if (outcome.kind === 'duplicate') logger.info(where, 'outbox: the province already had this item');
      return;
    }
    this.lastError = { at: now, itemId: item.id, message: outcome.reason };
    if (outcome.kind === 'rejected') {
      outbox.markFailed(item.id, `rejected: ${outcome.reason}`, { dead: true });
      logger.error(
        { ...where, reason: outcome.reason },
        'outbox: the province rejected an item; it is dead until an admin retries it',
      );
      return;
    }
    if (item.attempts + 1 >= this.o.maxAttempts) {
      outbox.markFailed(item.id, outcome.reason, { dead: true });
      logger.error(
        { ...where, reason: outcome.reason },
        'outbox: an item used all its tries; it is dead until an admin retries it',
      );
      return;
    }
    const retryAt = now + backoffDelay(item.attempts, this.o, this.random);
    outbox.markFailed(item.id, outcome.reason, { retryAt });
    logger.warn({ ...where, reason: outcome.reason, retryAt }, 'outbox: send failed, will retry');
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
