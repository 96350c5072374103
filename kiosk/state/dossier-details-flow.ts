import type { ErrorBody } from '../../common/contract/errors.js';

/** What POST /api/dossiers/:code/details answers: the receipt holder's view, the name shortened. */
export interface DossierDetails {
  readonly code: string;
  readonly procedureName: string;
  readonly applicantName: string;
  readonly receivedAt: number;
  readonly appointmentAt: number;
  readonly documents: number;
  readonly resultDelivery: string;
}

/** The second factor: the receipt's mã tra cứu, or the last digits of the applicant's identity number. */
export type DetailsFactor = 'secret' | 'idLast4';

export const FACTOR_LENGTH: Readonly<Record<DetailsFactor, number>> = { secret: 6, idLast4: 4 };

/**
 * The details sub-flow behind the status screen. A refusal clears what was typed, so the digits of a
 * wrong (or right) secret never linger on the screen for the next person.
 */
export type DetailsStep =
  | {
      readonly kind: 'asking';
      readonly factor: DetailsFactor;
      readonly typed: string;
      readonly refusal: { readonly error: ErrorBody; readonly retryAfterSec: number | null } | null;
    }
  | { readonly kind: 'checking'; readonly factor: DetailsFactor; readonly typed: string; readonly nonce: number }
  | { readonly kind: 'shown'; readonly details: DossierDetails };

export type DetailsAction =
  | { readonly type: 'press'; readonly digit: string }
  | { readonly type: 'erase' }
  | { readonly type: 'switch-factor' }
  | { readonly type: 'submit'; readonly nonce: number }
  | { readonly type: 'found'; readonly nonce: number; readonly details: DossierDetails }
  | { readonly type: 'failed'; readonly nonce: number; readonly error: ErrorBody; readonly retryAfterSec: number | null };

export const FIRST_DETAILS_STEP: DetailsStep = { kind: 'asking', factor: 'secret', typed: '', refusal: null };

export function detailsFlow(step: DetailsStep, action: DetailsAction): DetailsStep {
  switch (action.type) {
    case 'press':
      if (step.kind !== 'asking' || !/^\d$/.test(action.digit) || step.typed.length >= FACTOR_LENGTH[step.factor]) return step;
      return { ...step, typed: step.typed + action.digit, refusal: null };
    case 'erase':
      return step.kind === 'asking' ? { ...step, typed: step.typed.slice(0, -1) } : step;
    case 'switch-factor':
      return step.kind === 'asking'
        ? { kind: 'asking', factor: step.factor === 'secret' ? 'idLast4' : 'secret', typed: '', refusal: null }
        : step;
    case 'submit':
      return step.kind === 'asking' && step.typed.length === FACTOR_LENGTH[step.factor]
        ? { kind: 'checking', factor: step.factor, typed: step.typed, nonce: action.nonce }
        : step;
    case 'found':
      return step.kind === 'checking' && step.nonce === action.nonce ? { kind: 'shown', details: action.details } : step;
    case 'failed':
      return step.kind === 'checking' && step.nonce === action.nonce
        ? {
            kind: 'asking',
            factor: step.factor,
            typed: '',
            refusal: { error: action.error, retryAfterSec: action.retryAfterSec },
          }
        : step;
  }
}

/** Back from the details: the shown details go back to asking (typed digits gone); asking leaves the sub-flow. */
export function detailsBack(step: DetailsStep): DetailsStep | null {
  return step.kind === 'shown' ? FIRST_DETAILS_STEP : null;
}

/** The request body the hub's schema accepts for this factor. */
export function detailsBody(factor: DetailsFactor, typed: string): { secret: string } | { idLast4: string } {
  return factor === 'secret' ? { secret: typed } : { idLast4: typed };
}
