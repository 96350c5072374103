import { useEffect } from 'preact/hooks';
import { whoAmI } from './hub-api.js';

const CHECK_EVERY_MS = 5000;
// setTimeout's limit; a session is hours long, so this only guards against a far-future expiry.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Asks the hub whether the session still stands: at start (a token kept from yesterday), when the
 * session is due to expire, and every few seconds while the hall link is down. The socket gives no
 * second chance to a refused token, so without this an ended session would look like a network
 * fault forever. The hub's answer decides, not this PC's clock.
 */
export function useSessionCheck(token: string, expiresAt: number, connected: boolean, onEnded: () => void): void {
  useEffect(() => {
    let live = true;
    const check = () =>
      void whoAmI(token).then((reply) => {
        if (live && !reply.ok && reply.error.code === 'UNAUTHENTICATED') onEnded();
      });
    check();
    const poll = connected ? null : setInterval(check, CHECK_EVERY_MS);
    const due = setTimeout(check, Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now()) + 1000));
    return () => {
      live = false;
      if (poll) clearInterval(poll);
      clearTimeout(due);
    };
  }, [token, expiresAt, connected]);
}
