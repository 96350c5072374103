import type { ErrorBody } from '../../common/contract/errors.js';
import type { IssueResult } from '../../common/contract/view-schemas.js';

/**
 * Where the citizen is in the kiosk, one decision per screen. An issue in flight carries its command
 * id: a retry after a lost answer sends the same id, so the hub returns the same ticket instead of
 * a second one.
 */
export type KioskStep =
  | { readonly kind: 'home' }
  | { readonly kind: 'queues' }
  | { readonly kind: 'priority'; readonly queueId: string }
  | { readonly kind: 'issuing'; readonly queueId: string; readonly priorityClass: string | null; readonly commandId: string }
  | {
      readonly kind: 'failed';
      readonly queueId: string;
      readonly priorityClass: string | null;
      readonly commandId: string;
      readonly error: ErrorBody;
    }
  | { readonly kind: 'ticket'; readonly result: IssueResult }
  | { readonly kind: 'soon' };

export type KioskAction =
  | { readonly type: 'home' }
  | { readonly type: 'take-ticket' }
  | { readonly type: 'soon' }
  | { readonly type: 'choose-queue'; readonly queueId: string; readonly askPriority: boolean; readonly commandId: string }
  | { readonly type: 'choose-priority'; readonly priorityClass: string | null; readonly commandId: string }
  | { readonly type: 'issued'; readonly commandId: string; readonly result: IssueResult }
  | { readonly type: 'refused'; readonly commandId: string; readonly error: ErrorBody }
  | { readonly type: 'retry' }
  | { readonly type: 'back' };

export function kioskFlow(step: KioskStep, action: KioskAction): KioskStep {
  switch (action.type) {
    case 'home':
      return { kind: 'home' };
    case 'take-ticket':
      return { kind: 'queues' };
    case 'soon':
      return { kind: 'soon' };
    case 'choose-queue':
      if (step.kind !== 'queues') return step; // a second tap after the screen moved on
      return action.askPriority
        ? { kind: 'priority', queueId: action.queueId }
        : { kind: 'issuing', queueId: action.queueId, priorityClass: null, commandId: action.commandId };
    case 'choose-priority':
      if (step.kind !== 'priority') return step;
      return { kind: 'issuing', queueId: step.queueId, priorityClass: action.priorityClass, commandId: action.commandId };
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
      return { kind: 'home' };
  }
}
