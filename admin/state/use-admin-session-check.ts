import { useEffect } from 'preact/hooks';
import { hubRequest } from '../../ui/hub-request.js';
import type { AdminSession } from './admin-session.js';

const MAX_TIMER_MS = 2 ** 31 - 1;
const EVERY_MS = 60_000;

/**
 * Asks the hub (GET /api/auth/me) whether the session still stands: at start (a token kept from
 * yesterday), every minute (an admin may have reset this person's password) and when it is due to
 * expire. The hub's answer decides, not this PC's clock.
 */
export function useAdminSessionCheck(session: AdminSession, onEnded: () => void): void {
  useEffect(() => {
    let live = true;
    const check = () =>
      void hubRequest<{ kind: string; role: string }>('GET', '/api/auth/me', session.token).then((reply) => {
        if (!live) return;
        if (!reply.ok && reply.error.code === 'UNAUTHENTICATED') onEnded();
      });
    check();
    const poll = setInterval(check, EVERY_MS);
    const due = setTimeout(check, Math.min(MAX_TIMER_MS, Math.max(0, session.expiresAt - Date.now()) + 1000));
    return () => {
      live = false;
      clearInterval(poll);
      clearTimeout(due);
    };
  }, [session.token, session.expiresAt]);
}
