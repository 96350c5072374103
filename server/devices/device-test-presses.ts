import type { Clock } from '../core/ports.js';

/**
 * When each keypad or survey pad was last pressed, for "Thử thiết bị": the drivers count presses
 * but keep no time, and "connected, last pressed 2 minutes ago" is what tells an installer that the
 * pad is both plugged in and wired to the right counter.
 */
export class PressTimes {
  private readonly last = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  note(deviceId: string): void {
    this.last.set(deviceId, this.clock.now());
  }

  lastAt(deviceId: string): number | null {
    return this.last.get(deviceId) ?? null;
  }
}
