import type { DossierStatusView } from '../../common/contract/dossier-view.js';
import { errorBody, type Ack } from '../../common/contract/errors.js';

/** Asks the hub for a dossier's status; a lost connection answers like a refusal, never throws. */
export async function lookUpDossier(code: string, deviceKey: string): Promise<Ack<DossierStatusView>> {
  try {
    const res = await fetch(`/api/dossiers/${encodeURIComponent(code.trim().slice(0, 64))}/status`, {
      headers: { 'x-device-key': deviceKey },
    });
    return (await res.json()) as Ack<DossierStatusView>;
  } catch {
    return { ok: false, error: errorBody('INTERNAL') };
  }
}
