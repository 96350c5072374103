import type { Transport, TransportEvents } from '../../../server/devices/transports/transport.js';

/**
 * Every wait in the device tests is bounded: a link that never comes back fails its test with a
 * message saying what it waited for, instead of hanging the suite.
 */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The next `event` of the transport within the timeout; for 'up', at once if it already is up. */
export function nextLinkEvent<E extends 'up' | 'down'>(
  transport: Transport,
  event: E,
  timeoutMs = 5_000,
): Promise<TransportEvents[E]> {
  return new Promise((resolve, reject) => {
    if (event === 'up' && transport.state === 'up') return resolve([] as TransportEvents[E]);
    const timer = setTimeout(() => {
      off();
      const now = `it is ${transport.state}${transport.lastError ? ` (${transport.lastError})` : ''}`;
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${transport.url} to go ${event}; ${now}`));
    }, timeoutMs);
    const off = transport.on(event, (...args: TransportEvents[E]) => {
      clearTimeout(timer);
      off();
      resolve(args);
    });
  });
}

/** Link timings short enough for tests, long enough for a loaded 2-core CI machine. */
export const FAST_LINK = { connectTimeoutMs: 2_000, writeTimeoutMs: 2_000, retryMinMs: 50, retryMaxMs: 200, watchMs: 50 };
