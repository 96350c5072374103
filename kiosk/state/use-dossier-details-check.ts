import { useEffect } from 'preact/hooks';
import type { KioskAction, KioskStep } from './kiosk-flow.js';
import { lookUpDossierDetails } from './look-up-dossier-details.js';

/**
 * The one place details are requested: entering 'checking' sends one request, and its answer lands
 * only on that same check (its nonce), so an answer arriving after Home or idle shows nothing.
 */
export function useDossierDetailsCheck(step: KioskStep, deviceKey: string | null, dispatch: (a: KioskAction) => void): void {
  const checking = step.kind === 'dossier-details' && step.details.kind === 'checking' ? step.details : null;
  const code = step.kind === 'dossier-details' ? step.view.code : null;
  useEffect(() => {
    if (!checking || !code || !deviceKey) return;
    const { nonce } = checking;
    void lookUpDossierDetails(code, checking.factor, checking.typed, deviceKey).then((r) =>
      dispatch({
        type: 'details',
        action: r.ok
          ? { type: 'found', nonce, details: r.data }
          : { type: 'failed', nonce, error: r.error, retryAfterSec: r.retryAfterSec },
      }),
    );
  }, [checking?.nonce]);
}
