import type { ErrorBody } from '../../common/contract/errors.js';
import type { DossierStatusView } from '../../common/contract/dossier-view.js';
import type { IssueResult } from '../../common/contract/view-schemas.js';
import { detailsBack, detailsFlow, FIRST_DETAILS_STEP, type DetailsAction, type DetailsStep } from './dossier-details-flow.js';

/**
 * Where the citizen is in the kiosk, one decision per screen. An issue in flight carries its command
 * id: a retry after a lost answer sends the same id, so the hub returns the same ticket instead of
 * a second one.
 */
export type KioskStep =
  | { readonly kind: 'home' }
  | { readonly kind: 'queues' }
  | { readonly kind: 'priority'; readonly queueId: string; readonly procedureCode?: string }
  | {
      readonly kind: 'issuing';
      readonly queueId: string;
      readonly priorityClass: string | null;
      readonly commandId: string;
      readonly procedureCode?: string;
    }
  | {
      readonly kind: 'failed';
      readonly queueId: string;
      readonly priorityClass: string | null;
      readonly commandId: string;
      readonly error: ErrorBody;
    }
  | { readonly kind: 'ticket'; readonly result: IssueResult }
  | { readonly kind: 'dossier-entry'; readonly typed: string }
  | { readonly kind: 'dossier-looking'; readonly code: string; readonly nonce: number }
  | { readonly kind: 'dossier-result'; readonly view: DossierStatusView }
  | { readonly kind: 'dossier-error'; readonly typed: string; readonly error: ErrorBody }
  | { readonly kind: 'dossier-details'; readonly view: DossierStatusView; readonly details: DetailsStep }
  | { readonly kind: 'procedures'; readonly query: string }
  | { readonly kind: 'procedure'; readonly code: string; readonly query: string };

export type KioskAction =
  | { readonly type: 'home' }
  | { readonly type: 'take-ticket' }
  | { readonly type: 'choose-queue'; readonly queueId: string; readonly askPriority: boolean; readonly commandId: string }
  | { readonly type: 'choose-priority'; readonly priorityClass: string | null; readonly commandId: string }
  | { readonly type: 'issued'; readonly commandId: string; readonly result: IssueResult }
  | { readonly type: 'refused'; readonly commandId: string; readonly error: ErrorBody }
  | { readonly type: 'retry' }
  | { readonly type: 'back' }
  | { readonly type: 'lookup-dossier' }
  | { readonly type: 'type-code'; readonly typed: string }
  | { readonly type: 'submit-code' }
  | { readonly type: 'scanned'; readonly code: string; readonly nonce: number }
  | { readonly type: 'dossier-found'; readonly view: DossierStatusView }
  | { readonly type: 'dossier-failed'; readonly error: ErrorBody }
  | { readonly type: 'take-result-ticket'; readonly queueId: string; readonly commandId: string }
  | { readonly type: 'open-details' }
  | { readonly type: 'details'; readonly action: DetailsAction }
  | { readonly type: 'lookup-procedure' }
  | { readonly type: 'type-query'; readonly query: string }
  | { readonly type: 'open-procedure'; readonly code: string }
  | {
      readonly type: 'ticket-for-procedure';
      readonly queueId: string;
      readonly code: string;
      readonly askPriority: boolean;
      readonly commandId: string;
    };

export function kioskFlow(step: KioskStep, action: KioskAction): KioskStep {
  switch (action.type) {
    case 'home':
      return { kind: 'home' };
    case 'take-ticket':
      return { kind: 'queues' };
    case 'choose-queue':
      if (step.kind !== 'queues') return step; // a second tap after the screen moved on
      return action.askPriority
        ? { kind: 'priority', queueId: action.queueId }
        : { kind: 'issuing', queueId: action.queueId, priorityClass: null, commandId: action.commandId };
    case 'choose-priority':
      if (step.kind !== 'priority') return step;
      return {
        kind: 'issuing',
        queueId: step.queueId,
        priorityClass: action.priorityClass,
        commandId: action.commandId,
        ...(step.procedureCode ? { procedureCode: step.procedureCode } : {}),
      };
    case 'lookup-procedure':
      return { kind: 'procedures', query: '' };
    case 'type-query':
      return step.kind === 'procedures' ? { kind: 'procedures', query: action.query } : step;
    case 'open-procedure':
      return step.kind === 'procedures' ? { kind: 'procedure', code: action.code, query: step.query } : step;
    case 'ticket-for-procedure':
      if (step.kind !== 'procedure') return step;
      return action.askPriority
        ? { kind: 'priority', queueId: action.queueId, procedureCode: action.code }
        : {
            kind: 'issuing',
            queueId: action.queueId,
            priorityClass: null,
            commandId: action.commandId,
            procedureCode: action.code,
          };
    case 'issued':
      return step.kind === 'issuing' && step.commandId === action.commandId ? { kind: 'ticket', result: action.result } : step;
    case 'refused':
      return step.kind === 'issuing' && step.commandId === action.commandId
        ? { ...step, kind: 'failed', error: action.error }
        : step;
    case 'retry':
      return step.kind === 'failed'
        ? { kind: 'issuing', queueId: step.queueId, priorityClass: step.priorityClass, commandId: step.commandId }
        : step;
    case 'back':
      if (step.kind === 'priority' || step.kind === 'failed') return { kind: 'queues' };
      if (step.kind === 'dossier-result' || step.kind === 'dossier-error') return { kind: 'dossier-entry', typed: '' };
      if (step.kind === 'procedure') return { kind: 'procedures', query: step.query };
      if (step.kind === 'dossier-details') {
        const details = detailsBack(step.details);
        return details ? { ...step, details } : { kind: 'dossier-result', view: step.view };
      }
      return { kind: 'home' };
    case 'lookup-dossier':
      return { kind: 'dossier-entry', typed: '' };
    case 'type-code':
      return step.kind === 'dossier-entry' ? { kind: 'dossier-entry', typed: action.typed } : step;
    case 'submit-code':
      return step.kind === 'dossier-entry' && step.typed.length > 0
        ? { kind: 'dossier-looking', code: step.typed, nonce: 0 }
        : step;
    case 'scanned':
      // A scan works from any screen except while a ticket is being issued (that answer must land).
      return step.kind === 'issuing' ? step : { kind: 'dossier-looking', code: action.code, nonce: action.nonce };
    case 'dossier-found':
      return step.kind === 'dossier-looking' ? { kind: 'dossier-result', view: action.view } : step;
    case 'dossier-failed':
      return step.kind === 'dossier-looking' ? { kind: 'dossier-error', typed: step.code, error: action.error } : step;
    case 'take-result-ticket':
      return step.kind === 'dossier-result' && step.view.resultReady
        ? { kind: 'issuing', queueId: action.queueId, priorityClass: null, commandId: action.commandId }
        : step;
    case 'open-details':
      return step.kind === 'dossier-result' ? { kind: 'dossier-details', view: step.view, details: FIRST_DETAILS_STEP } : step;
    case 'details':
      return step.kind === 'dossier-details' ? { ...step, details: detailsFlow(step.details, action.action) } : step;
  }
}
