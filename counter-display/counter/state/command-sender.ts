import type { Ack } from '../../../common/contract/errors.js';

/** What the sender needs of the hall connection (useHall in the page, a fake or a socket in tests). */
export interface CommandLink {
  /** Answers INTERNAL, never throws, when the link drops or the answer does not come in time. */
  send<T>(event: string, input: Record<string, unknown>): Promise<Ack<T>>;
  /** True as soon as the link is up (at once if it is), false after `ms` without it. */
  whenConnected(ms: number): Promise<boolean>;
}

export interface RetryPolicy {
  /** Sends in all, the first included. */
  readonly attempts: number;
  /** How long to wait for the link to come back before each retry. */
  readonly reconnectWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, reconnectWaitMs: 60_000 };

/**
 * Sends one intent of the officer's, and if its answer is lost (a blip, a hub restart) sends it
 * again with the same command id once the link is back. The hub keeps each id's first answer, so
 * a Next pressed during a blip is done once, never twice, and the officer does not press again.
 * Only a lost answer (INTERNAL) is retried: a refusal is the hub's decision and is shown as is.
 */
export async function sendOnce<T>(
  link: CommandLink,
  event: string,
  input: Record<string, unknown> & { readonly commandId: string },
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<Ack<T>> {
  let ack = await link.send<T>(event, input);
  for (let attempt = 1; attempt < policy.attempts && isLost(ack); attempt++) {
    if (!(await link.whenConnected(policy.reconnectWaitMs))) return ack;
    ack = await link.send<T>(event, input);
  }
  return ack;
}

function isLost(ack: Ack<unknown>): boolean {
  return !ack.ok && ack.error.code === 'INTERNAL';
}

/**
 * Whether the hall link is up, and a way to wait for it: the page sets it from useHall's
 * `connected`, the sender waits on it.
 */
export class LinkWatch {
  private up = false;
  private readonly waiters = new Set<() => void>();

  set(connected: boolean): void {
    this.up = connected;
    if (connected) for (const wake of [...this.waiters]) wake();
  }

  get connected(): boolean {
    return this.up;
  }

  whenConnected(ms: number): Promise<boolean> {
    if (this.up) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      const wake = () => finish(true);
      const timer = setTimeout(() => finish(false), ms);
      this.waiters.add(wake);
    });
  }
}
