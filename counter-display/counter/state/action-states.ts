import { COUNTER_ACTIONS, type CounterAction } from '../../../common/contract/counter-actions.js';
import type { HallView } from '../../../common/contract/hall-view.js';
import { currentTicketOf, noShowRows, recallsOf, waitingRows } from './counter-lists.js';

/** Why an action cannot be done now; the console says it when its key is pressed anyway. */
export type BlockedReason =
  | 'offline'
  | 'busy'
  | 'no-counter'
  | 'not-yours'
  | 'closed'
  | 'paused'
  | 'no-current'
  | 'not-called'
  | 'nobody-waiting'
  | 'recall-limit';

export type ActionState = { readonly enabled: true } | { readonly enabled: false; readonly reason: BlockedReason };

export interface ActionContext {
  readonly view: HallView;
  readonly counterId: string;
  readonly officerId: string;
  /** Supervisors and admins may act on any counter. */
  readonly mayActOnAny: boolean;
  readonly connected: boolean;
  /** A command is on its way: nothing else until its answer (no double call from a double click). */
  readonly busy: boolean;
  /** Recalls allowed after the first call, when the hub tells it; null when unknown. */
  readonly maxRecalls: number | null;
  /** A ticket the hub refused to recall again (RECALL_LIMIT), when the limit is not known ahead. */
  readonly recallRefusedFor: string | null;
}

const OK: ActionState = { enabled: true };
const no = (reason: BlockedReason): ActionState => ({ enabled: false, reason });

/**
 * Which of the counter's actions apply now, mirroring the hub's rules (server/core/commands/), so a
 * button is greyed out instead of being pressed and refused. The hub still decides: a view a moment
 * old can only make the console offer an action the hub then refuses with a clear message.
 */
export function actionStates(ctx: ActionContext): Record<CounterAction, ActionState> {
  const out = {} as Record<CounterAction, ActionState>;
  for (const action of COUNTER_ACTIONS) out[action] = stateOf(action, ctx);
  return out;
}

function stateOf(action: CounterAction, ctx: ActionContext): ActionState {
  const counter = ctx.view.counters.find((c) => c.id === ctx.counterId);
  if (!counter) return no('no-counter');
  if (!ctx.connected) return no('offline');
  if (ctx.busy) return no('busy');
  if (counter.status === 'closed') return no('closed');
  if (counter.officerId !== ctx.officerId && !ctx.mayActOnAny) return no('not-yours');
  const open = counter.status === 'open';
  const current = currentTicketOf(ctx.view, ctx.counterId);
  const serving = current !== null && (current.state === 'called' || current.state === 'serving');
  switch (action) {
    case 'next':
      if (!open) return no('paused');
      return serving || waitingRows(ctx.view, ctx.counterId, 0).length > 0 ? OK : no('nobody-waiting');
    case 'call-specific':
      if (!open) return no('paused');
      return waitingRows(ctx.view, ctx.counterId, 0).length > 0 || noShowRows(ctx.view, ctx.counterId).length > 0
        ? OK
        : no('nobody-waiting');
    case 'recall':
      if (!open) return no('paused');
      if (!current) return no('no-current');
      if (current.state !== 'called') return no('not-called');
      if (ctx.recallRefusedFor === current.id) return no('recall-limit');
      return ctx.maxRecalls !== null && recallsOf(current) >= ctx.maxRecalls ? no('recall-limit') : OK;
    case 'start':
    case 'skip':
      if (!current) return no('no-current');
      return current.state === 'called' ? OK : no('not-called');
    case 'finish':
    case 'transfer':
      return serving ? OK : no('no-current');
    case 'pause-toggle':
      return OK;
  }
}

/** The first key of each action, as the buttons show it ("F1"). */
export function keyLabel(codes: readonly string[]): string {
  return codes[0] ?? '';
}
