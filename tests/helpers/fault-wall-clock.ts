import type { Clock } from '../../server/core/ports.js';

/**
 * The machine's clock shifted by an offset the test sets: time runs on by itself (so the hub's own
 * timers fire as they would), a jump (an NTP correction, a fixed RTC) is one call, and it can be held
 * still while a slow machine sets things up, so "a second before midnight" stays so until released.
 */
export class ShiftedWallClock implements Clock {
  private offset: number;
  private heldAt: number | null = null;

  /** Reads `startAt` now; held there until release() when `held`. */
  constructor(startAt: number, held = false) {
    this.offset = startAt - Date.now();
    if (held) this.heldAt = startAt;
  }

  now(): number {
    return this.heldAt ?? Date.now() + this.offset;
  }

  /** Moves the clock by `ms` at once (negative: back). */
  jump(ms: number): void {
    this.setTo(this.now() + ms);
  }

  /** Makes the clock read `at` now. */
  setTo(at: number): void {
    if (this.heldAt !== null) this.heldAt = at;
    else this.offset = at - Date.now();
  }

  /** Lets time run on from where it was held. */
  release(): void {
    if (this.heldAt === null) return;
    this.offset = this.heldAt - Date.now();
    this.heldAt = null;
  }
}
