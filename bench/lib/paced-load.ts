/**
 * An open-loop pacer: slot i is due at t0 + i / rate, whatever happened to earlier commands, so a
 * slow hub shows up as latency instead of silently lowering the offered load (the "coordinated
 * omission" trap of send-wait-send loops). Times are absolute from t0, so timer jitter does not
 * accumulate into drift.
 *
 * It never catches up with a burst: if the load process wakes so late that whole slots have passed,
 * those slots are dropped and counted, and only the latest due slot is sent. Hence at most one send
 * per slot, and never more than the rate over any window.
 */
export interface PacedLoadOptions {
  readonly ratePerSec: number;
  readonly durationMs: number;
  /** Called once per sent slot; must not block (fire the command, record the ack later). */
  readonly send: (slot: number) => void;
}

export interface PacedLoadResult {
  readonly slots: number;
  readonly sent: number;
  readonly skippedSlots: number;
  /** Wall time from the first slot's due time to the end of the last send's slot, in ms. */
  readonly elapsedMs: number;
}

export function runPacedLoad(opts: PacedLoadOptions): Promise<PacedLoadResult> {
  const interval = 1000 / opts.ratePerSec;
  const slots = Math.floor((opts.ratePerSec * opts.durationMs) / 1000);
  const t0 = performance.now();
  let next = 0;
  let sent = 0;
  let skipped = 0;
  return new Promise((resolve) => {
    if (slots === 0) return resolve({ slots, sent, skippedSlots: 0, elapsedMs: 0 });
    const tick = () => {
      const now = performance.now();
      const due = Math.min(slots - 1, Math.floor((now - t0) / interval));
      // Timers may fire a little early; then nothing is due yet and we simply wait again.
      if (due >= next) {
        skipped += due - next;
        opts.send(due);
        sent++;
        next = due + 1;
      }
      if (next >= slots) {
        // Up to the end of the last slot, so sent / elapsed is the rate (not a slot more than it).
        resolve({ slots, sent, skippedSlots: skipped, elapsedMs: performance.now() - t0 + interval });
        return;
      }
      setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
    };
    tick();
  });
}

/**
 * Spreads `share` of the slots evenly (Bresenham-style) rather than in runs, so e.g. 40 % calls
 * become call, issue, call, issue, issue… and the mix is steady within every second.
 */
export function isShareSlot(slot: number, share: number): boolean {
  return Math.floor((slot + 1) * share) > Math.floor(slot * share);
}
