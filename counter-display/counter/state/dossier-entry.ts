import { useEffect, useRef } from 'preact/hooks';
import type { CounterAction } from '../../../common/contract/counter-actions.js';
import type { DossierReceivedView } from '../../../common/contract/dossier-received-view.js';
import type { ActionState } from './action-states.js';
import type { DossierForm } from './dossier-form.js';
import type { KeyPress } from './shortcut.js';

/** F10: free among the desk's keys (ACTION_KEYS uses F1–F9 and F5 is the browser's reload). */
export const DOSSIER_KEY = 'F10';

/**
 * Whether "Tiếp nhận hồ sơ" can be opened: the hub receives a dossier only for the ticket the
 * counter is serving, from the officer who holds the counter, open or paused (server/core/commands/
 * receive-dossier.ts), which is exactly when Finish applies; so it shares Finish's state and reasons.
 */
export function dossierEntryState(states: Readonly<Record<CounterAction, ActionState>>): ActionState {
  return states.finish;
}

/** F10 opens it; with Ctrl, Alt or Meta the key is the browser's or the system's. */
export function isDossierKey(press: Omit<KeyPress, 'typing'>): boolean {
  return press.code === DOSSIER_KEY && !press.ctrlKey && !press.altKey && !press.metaKey;
}

/**
 * F10 on the whole desk. The browser's own F10 (its menu) is kept away even while a dialog is
 * open, so a habit press never leaves the focus in the browser's toolbar.
 */
export function useDossierKey(active: boolean, onPress: () => void): void {
  const latest = useRef({ active, onPress });
  latest.current = { active, onPress };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isDossierKey(e)) return;
      e.preventDefault();
      if (!e.repeat && latest.current.active) latest.current.onPress();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** What the dialog leaves behind when closed: the form half-filled, or the dossier received. */
export interface DossierDraft {
  readonly form: DossierForm;
  readonly received: DossierReceivedView['dossier'] | null;
}

/**
 * The dialog's work per ticket, kept while the desk is open: closing it by mistake (Esc) loses
 * nothing, and reopening it after receiving shows the code again to print. Only the last few
 * tickets are kept; none of it outlives the page (personal data is not written to the PC).
 */
export function useDossierDrafts(): {
  get(ticketId: string): DossierDraft | null;
  set(ticketId: string, draft: DossierDraft): void;
} {
  const drafts = useRef(new Map<string, DossierDraft>());
  return {
    get: (ticketId) => drafts.current.get(ticketId) ?? null,
    set(ticketId, draft) {
      drafts.current.delete(ticketId);
      drafts.current.set(ticketId, draft);
      for (const old of drafts.current.keys()) if (drafts.current.size > 5) drafts.current.delete(old);
    },
  };
}
