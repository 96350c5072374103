import type { Clock } from '../../server/core/ports.js';

/** A clock the test moves by hand, for rollovers and waits that must not take real time. */
export class ManualClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  set(t: number): void {
    this.t = t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
