import type { Ack } from '../../common/contract/errors.js';

/** What sending needs of the hall connection: useHall in the page, a script in the tests. */
export interface RatingLink {
  /** Answers INTERNAL, never throws, when the link drops or the answer does not come in time. */
  send<T>(event: string, input: Record<string, unknown>): Promise<Ack<T>>;
  /** True as soon as the link is up (at once if it is), false after `ms` without it. */
  whenConnected(ms: number): Promise<boolean>;
}

export const RATING_RETRY = { attempts: 4, reconnectWaitMs: 20_000 } as const;

/**
 * Sends the citizen's one rating, and if its answer is lost (a Wi-Fi blip at the tablet) sends it
 * again with the same command id once the link is back: the hub keeps each id's first answer, so the
 * rating is recorded once however many times it travels. A refusal is the hub's answer, not retried.
 */
export async function sendRating<T>(
  link: RatingLink,
  input: Record<string, unknown> & { readonly commandId: string },
  policy: { readonly attempts: number; readonly reconnectWaitMs: number } = RATING_RETRY,
): Promise<Ack<T>> {
  let ack = await link.send<T>('survey:rate', input);
  for (let attempt = 1; attempt < policy.attempts && !ack.ok && ack.error.code === 'INTERNAL'; attempt++) {
    if (!(await link.whenConnected(policy.reconnectWaitMs))) return ack;
    ack = await link.send<T>('survey:rate', input);
  }
  return ack;
}

/** Whether the hall link is up, and a way to wait for it; the page sets it from useHall's `connected`. */
export class LinkWatch {
  private up = false;
  private readonly waiters = new Set<() => void>();

  set(connected: boolean): void {
    this.up = connected;
    if (connected) for (const wake of [...this.waiters]) wake();
  }

  whenConnected(ms: number): Promise<boolean> {
    if (this.up) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => finish(true);
      const timer = setTimeout(() => finish(false), ms);
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      this.waiters.add(wake);
    });
  }
}
