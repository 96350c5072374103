import type { BoardContent } from '../../core/board-content.js';
import type { Clock } from '../../core/ports.js';
import type { LedBoardModel } from '../catalogue/led-board-model-schema.js';
import type { DeviceLogger, Transport } from '../transports/transport.js';

/**
 * An LED number board over a counter (DESIGN §6, §8). The hall never waits on it and never fails
 * because of it: show() always resolves, and a board that is unplugged, switched off or silent is a
 * status for /api/health and one log line per outage, not an error per call.
 */
export interface LedBoard {
  /** The device link, e.g. serial:///dev/ttyUSB0?baud=9600. */
  readonly url: string;
  readonly model: LedBoardModel;
  /** Puts `content` on the board; resolves once it is delivered, or kept for later when it cannot be now. */
  show(content: BoardContent): Promise<void>;
  readonly status: LedBoardStatus;
  /** Opens the link; resolves after the first attempt even when the board is absent (it keeps trying). */
  start(): Promise<void>;
  /** Stops retrying and closes the link. */
  stop(): Promise<void>;
}

/**
 * online: the link is up and the last delivery went through (for Modbus: the board acknowledged it);
 * link-down: the cable or adapter is gone; unavailable: the link is up but the board does not answer
 * (or refuses) what it is sent.
 */
export type LedBoardState = 'starting' | 'online' | 'link-down' | 'unavailable' | 'stopped';

export interface LedBoardStatus {
  readonly state: LedBoardState;
  readonly lastError: string | null;
  /** What the board last took; differs from `wanted` while it catches up. */
  readonly lastShown: BoardContent | null;
  readonly shownAt: number | null;
  /** What the hall wants on it now. */
  readonly wanted: BoardContent;
  /** Bytes the board sent that meant nothing (noise, wrong replies): dropped, counted, logged. */
  readonly ignoredBytes: number;
}

export interface LedBoardLogger extends DeviceLogger {
  info?(obj: object, msg?: string): void;
}

export interface LedBoardOptions {
  readonly transport: Transport;
  readonly model: LedBoardModel;
  /** The board's address on its bus (options.address or the model's default); null for boards without one. */
  readonly address: number | null;
  readonly clock: Clock;
  readonly logger?: LedBoardLogger;
  /** Overrides the model's resendEverySeconds (tests). 0: never. */
  readonly resendEveryMs?: number;
  /** How soon to try again after the board did not answer. */
  readonly retryMs?: number;
}

/** The board did not answer, or answered with a refusal; the link itself is fine. */
export class BoardUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BoardUnavailableError';
  }
}
