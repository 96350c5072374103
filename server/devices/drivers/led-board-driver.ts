import { BLANK, type BoardContent } from '../../core/board-content.js';
import type { Clock } from '../../core/ports.js';
import type { LedBoardModel } from '../catalogue/led-board-model-schema.js';
import { hex } from '../codecs/led/cells.js';
import { LinkError, reasonOf, type Transport } from '../transports/transport.js';
import {
  BoardUnavailableError,
  type LedBoard,
  type LedBoardLogger,
  type LedBoardOptions,
  type LedBoardState,
  type LedBoardStatus,
} from './led-board.js';

/** Unexpected bytes are logged at most this often; the rest are counted into the next line. */
const IGNORED_LOG_EVERY_MS = 60_000;

/**
 * What both protocols share: the wanted content, delivery one at a time (the newest content wins
 * when several arrive during a delivery), catching up when the link returns, availability.
 */
export abstract class LedBoardDriver implements LedBoard {
  readonly url: string;
  readonly model: LedBoardModel;
  protected readonly transport: Transport;
  protected readonly address: number | null;
  protected readonly logger: LedBoardLogger | undefined;
  protected stopped = false;
  private readonly clock: Clock;
  private readonly resendEveryMs: number;
  private readonly retryMs: number;
  private wanted: BoardContent = BLANK;
  private told = false;
  private dirty = false;
  private draining: Promise<void> | undefined;
  private state: LedBoardState = 'starting';
  private lastError: string | null = null;
  private shown: BoardContent | null = null;
  private shownAt: number | null = null;
  private ignored = 0;
  private ignoredUnlogged = 0;
  private ignoredLoggedAt = -Infinity;
  private resendTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private offs: (() => void)[] = [];

  constructor(options: LedBoardOptions) {
    this.transport = options.transport;
    this.url = options.transport.url;
    this.model = options.model;
    this.address = options.address;
    this.clock = options.clock;
    this.logger = options.logger;
    this.resendEveryMs = options.resendEveryMs ?? options.model.resendEverySeconds * 1000;
    this.retryMs = options.retryMs ?? 5_000;
  }

  /** Sends one content; rejects with a LinkError when the link fails, BoardUnavailableError when the board does. */
  protected abstract deliver(content: BoardContent): Promise<void>;

  /** Bytes from the board. By default none are expected. */
  protected onData(bytes: Uint8Array): void {
    this.ignore(bytes, 'this board is not expected to send anything');
  }

  get status(): LedBoardStatus {
    return {
      state: this.state,
      lastError: this.lastError,
      lastShown: this.shown,
      shownAt: this.shownAt,
      wanted: this.wanted,
      ignoredBytes: this.ignored,
    };
  }

  async start(): Promise<void> {
    this.offs.push(
      this.transport.on('up', () => this.linkUp()),
      this.transport.on('down', (reason) => this.linkDown(reason)),
      this.transport.on('data', (bytes) => this.onData(bytes)),
    );
    await this.transport.open();
    if (this.transport.state === 'up') this.setState('online', null);
    else this.linkDown(this.transport.lastError ?? 'not connected');
    if (this.resendEveryMs > 0) {
      this.resendTimer = setInterval(() => {
        if (this.state === 'online' && this.told && !this.draining) void this.kick(true);
      }, this.resendEveryMs);
      this.resendTimer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.resendTimer);
    clearTimeout(this.retryTimer);
    for (const off of this.offs.splice(0)) off();
    await this.transport.close();
    this.state = 'stopped';
  }

  show(content: BoardContent): Promise<void> {
    this.wanted = content;
    this.told = true;
    return this.kick(true);
  }

  /** Drops bytes that mean nothing, counting them and logging at most once a minute. */
  protected ignore(bytes: Uint8Array, why: string): void {
    this.ignored += bytes.length;
    this.ignoredUnlogged += bytes.length;
    const now = this.clock.now();
    if (now - this.ignoredLoggedAt < IGNORED_LOG_EVERY_MS) return;
    this.logger?.warn(
      { device: this.url, bytes: hex(bytes), ignoredSinceLastLog: this.ignoredUnlogged, why },
      'LED board sent unexpected bytes; ignored',
    );
    this.ignoredLoggedAt = now;
    this.ignoredUnlogged = 0;
  }

  private kick(resend: boolean): Promise<void> {
    if (resend) this.dirty = true;
    this.draining ??= this.drain();
    return this.draining;
  }

  private async drain(): Promise<void> {
    // One turn first, so `draining` is set before the loop can end and clear it; and the loop's last
    // check of `dirty` and the clearing happen in one step, so a show() in between is never lost.
    await null;
    try {
      while (this.dirty && !this.stopped) {
        // A board on a down link catches up when it returns ('up' kicks again); nothing to log per call.
        if (this.transport.state !== 'up') return;
        this.dirty = false;
        const content = this.wanted;
        try {
          await this.deliver(content);
        } catch (e) {
          if (this.stopped) return;
          // The transport announces 'down', and 'up' brings the catch-up; until then it is still owed.
          if (e instanceof LinkError) {
            this.dirty = true;
            return;
          }
          this.unavailable(reasonOf(e), !(e instanceof BoardUnavailableError));
          return;
        }
        this.shown = content;
        this.shownAt = this.clock.now();
        if (this.state !== 'online') this.logger?.info?.({ device: this.url }, 'LED board answering again');
        this.setState('online', null);
      }
    } finally {
      this.draining = undefined;
    }
  }

  private unavailable(reason: string, bug: boolean): void {
    if (this.state !== 'unavailable') {
      this.logger?.warn({ device: this.url, reason, bug }, 'LED board unavailable; will keep trying');
    }
    this.setState('unavailable', reason);
    // One pending retry at most, however many shows failed meanwhile.
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped && this.state === 'unavailable') void this.kick(true);
    }, this.retryMs);
    this.retryTimer.unref();
  }

  private linkUp(): void {
    if (this.stopped) return;
    this.logger?.info?.({ device: this.url }, 'LED board link up');
    this.setState('online', null);
    // The board may have missed frames or lost power with its cable: send what it should show now.
    if (this.told) void this.kick(true);
  }

  private linkDown(reason: string): void {
    if (this.stopped || this.state === 'link-down') return;
    // Once per outage: shows during the outage only update `wanted`, silently.
    this.logger?.warn({ device: this.url, reason }, 'LED board link down; it will be brought up to date when the link returns');
    this.setState('link-down', reason);
  }

  private setState(state: LedBoardState, error: string | null): void {
    this.state = state;
    this.lastError = error;
  }
}
