import type { BoardContent } from '../../core/board-content.js';
import type { LedBoardModel, ModbusSpec } from '../catalogue/led-board-model-schema.js';
import { boardRequests, encodeRequest } from '../codecs/led/modbus-board.js';
import { acknowledges, parseWriteReply, type WriteReply, type WriteRequest } from '../codecs/led/modbus-rtu.js';
import { concat } from '../codecs/led/ascii-frame.js';
import { LedBoardDriver } from './led-board-driver.js';
import { BoardUnavailableError, type LedBoardOptions } from './led-board.js';

interface Waiting {
  readonly request: WriteRequest;
  readonly resolve: (reply: WriteReply | null) => void;
  rx: Uint8Array;
}

/**
 * A Modbus RTU board: each write is answered (an echo, or an exception), so unlike an ASCII board
 * the hub knows whether the board took the number. A request without a valid reply within the
 * model's timeout is sent again (`retries` times); a board that never answers is 'unavailable' and
 * tried again later by the base driver. Replies are read only while a request waits for one.
 */
export class ModbusRtuBoard extends LedBoardDriver {
  private readonly spec: LedBoardModel & { modbus: ModbusSpec };
  private waiting: Waiting | undefined;

  constructor(options: LedBoardOptions) {
    super(options);
    const { modbus } = options.model;
    if (!modbus) throw new Error('This LED board model has no modbus section (not a modbus-rtu board)');
    if (options.address === null) throw new Error('A Modbus board needs its slave address');
    this.spec = { ...options.model, modbus };
  }

  override async stop(): Promise<void> {
    // A request waiting for its reply gives up now rather than after its timeout.
    this.waiting?.resolve(null);
    await super.stop();
  }

  protected async deliver(content: BoardContent): Promise<void> {
    for (const request of boardRequests(this.spec, this.address ?? 0, content)) await this.send(request);
  }

  protected override onData(bytes: Uint8Array): void {
    const w = this.waiting;
    if (!w) return this.ignore(bytes, 'no request is waiting for a reply');
    w.rx = concat(w.rx, bytes);
    for (;;) {
      const parsed = parseWriteReply(w.rx, w.request.slave, w.request.function);
      if (parsed.kind === 'incomplete') return;
      const used = w.rx.subarray(0, parsed.consumed);
      w.rx = w.rx.slice(parsed.consumed);
      if (parsed.kind === 'invalid') this.ignore(used, parsed.reason);
      else if (parsed.value.kind === 'exception' || acknowledges(parsed.value, w.request)) return w.resolve(parsed.value);
      else this.ignore(used, 'a reply that does not match the request');
    }
  }

  private async send(request: WriteRequest): Promise<void> {
    const { replyTimeoutMs, retries } = this.spec.modbus;
    const frame = encodeRequest(request);
    for (let attempt = 0; attempt <= retries && !this.stopped; attempt++) {
      let timer: NodeJS.Timeout | undefined;
      const reply = new Promise<WriteReply | null>((resolve) => {
        this.waiting = { request, resolve, rx: new Uint8Array(0) };
        timer = setTimeout(() => resolve(null), replyTimeoutMs);
        timer.unref();
      });
      try {
        // A LinkError here goes up as it is: the link is down, not the board.
        await this.transport.write(frame);
        const answer = await reply;
        if (answer?.kind === 'exception') {
          // A refusal (wrong register map, value out of range) is the same every time: no retry.
          throw new BoardUnavailableError(`the board refused the write: exception ${answer.code} (${answer.reason})`);
        }
        if (answer) return;
      } finally {
        clearTimeout(timer);
        this.waiting = undefined;
      }
    }
    throw new BoardUnavailableError(
      `no valid reply from slave ${request.slave} after ${retries + 1} attempts of ${replyTimeoutMs} ms`,
    );
  }
}
