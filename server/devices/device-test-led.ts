import type { BoardContent } from '../core/board-content.js';
import { named, type DeviceTestResult } from './device-test-result.js';
import type { LedBoard } from './drivers/led-board.js';

/** How long "8888" stays up: long enough to walk to the counter and look, short enough not to confuse a citizen. */
export const LED_TEST_HOLD_MS = 5_000;

/**
 * Lights every segment of a board (all cells "8") for a while, then puts back what the hall had on
 * it. The hall keeps driving the board meanwhile: a call during the test replaces the 8s at once,
 * and then nothing is put back, since the board already shows what the hall wants. A second test
 * during the first keeps the first's content to restore, so two presses never leave "8888" behind.
 */
export class LedTestHold {
  private readonly held = new Map<LedBoard, { restore: BoardContent; test: BoardContent; timer: NodeJS.Timeout }>();

  constructor(private readonly holdMs: number = LED_TEST_HOLD_MS) {}

  async test(board: LedBoard, name: string): Promise<DeviceTestResult> {
    const eights = '8'.repeat(board.model.cells);
    // A fresh object each time: the driver keeps the very object it was given as `wanted`, so
    // identity tells our 8s from a ticket that happens to be numbered 8888.
    const test: BoardContent = { kind: 'number', text: eights };
    const pending = this.held.get(board);
    if (pending) clearTimeout(pending.timer);
    const restore = pending ? pending.restore : board.status.wanted;
    await board.show(test);
    const timer = setTimeout(() => void this.putBack(board), this.holdMs);
    this.held.set(board, { restore, test, timer });

    const { state, lastError } = board.status;
    const seconds = Math.round(this.holdMs / 1000);
    const label = named('Bảng LED', name);
    if (state === 'online') {
      return {
        ok: true,
        message: `LED board ${name} (${board.url}) shows ${eights} for ${seconds} s, then its number again`,
        messageVi: `${label} đang hiện ${eights} trong ${seconds} giây, sau đó trở lại số đang phục vụ.`,
      };
    }
    const why = lastError ? `: ${lastError}` : '';
    return state === 'unavailable'
      ? {
          ok: false,
          message: `LED board ${name} (${board.url}) does not answer${why}`,
          messageVi: `${label} không trả lời: kiểm tra nguồn của bảng, địa chỉ cài trên bảng và dây RS-485.`,
        }
      : {
          ok: false,
          message: `LED board ${name} (${board.url}) is not connected (${state}${why})`,
          messageVi: `${label} chưa kết nối: kiểm tra cáp và bộ chuyển đổi USB–RS485 của bảng.`,
        };
  }

  /** Cancels the pending put-backs (the boards are being stopped with the hub). */
  stop(): void {
    for (const { timer } of this.held.values()) clearTimeout(timer);
    this.held.clear();
  }

  private async putBack(board: LedBoard): Promise<void> {
    const pending = this.held.get(board);
    this.held.delete(board);
    // The hall moved the board on during the test: it already shows what it should.
    if (!pending || board.status.wanted !== pending.test) return;
    await board.show(pending.restore);
  }
}
