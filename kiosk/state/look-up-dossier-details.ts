import { errorBody, type ErrorBody } from '../../common/contract/errors.js';
import { detailsBody, type DetailsFactor, type DossierDetails } from './dossier-details-flow.js';

export type DetailsAnswer =
  | { readonly ok: true; readonly data: DossierDetails }
  | { readonly ok: false; readonly error: ErrorBody; readonly retryAfterSec: number | null };

/**
 * Asks the hub for a dossier's details with the second factor. A lost connection answers like a
 * refusal, never throws; a 429 brings its Retry-After so the citizen is told how long to wait.
 */
export async function lookUpDossierDetails(
  code: string,
  factor: DetailsFactor,
  typed: string,
  deviceKey: string,
): Promise<DetailsAnswer> {
  try {
    const res = await fetch(`/api/dossiers/${encodeURIComponent(code.trim().slice(0, 64))}/details`, {
      method: 'POST',
      headers: { 'x-device-key': deviceKey, 'content-type': 'application/json' },
      body: JSON.stringify(detailsBody(factor, typed)),
    });
    const body = (await res.json()) as { ok: true; data: DossierDetails } | { ok: false; error: ErrorBody };
    if (body.ok) return body;
    const retry = Number(res.headers.get('retry-after'));
    return { ok: false, error: body.error, retryAfterSec: Number.isFinite(retry) && retry > 0 ? retry : null };
  } catch {
    return { ok: false, error: errorBody('INTERNAL'), retryAfterSec: null };
  }
}
