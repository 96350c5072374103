import { useState } from 'preact/hooks';
import type { CounterAction } from '../../../common/contract/counter-actions.js';
import type { CounterView, TicketView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { ActionState } from './action-states.js';
import type { ConsoleCommands } from './use-console-commands.js';

export type OpenDialog =
  | { readonly kind: 'none' }
  | { readonly kind: 'call'; readonly initial: string }
  | { readonly kind: 'transfer' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'close' }
  | { readonly kind: 'dossier' }
  | { readonly kind: 'return-result' };

export type TransferTarget = { readonly toQueueId: string } | { readonly toCounterId: string };

/**
 * What each of the counter's actions does, from a button, a key or a dialog: a one-key action sends
 * its command at once; Transfer, Call number and Pause open their dialog first. An action that
 * cannot apply says why instead (a keyboard user does not see the greyed button).
 */
export function useDeskActions(deps: {
  t: ConsoleTexts;
  commands: ConsoleCommands;
  counter: CounterView;
  current: TicketView | null;
  onLeave: () => void;
}) {
  const { t, commands, counter, current } = deps;
  const counterId = counter.id;
  const [open, setOpen] = useState<OpenDialog>({ kind: 'none' });
  // The hub's recall limit is learnt from its refusal when the screen config does not carry it.
  const [recallRefusedFor, setRecallRefusedFor] = useState<string | null>(null);
  const close = () => setOpen({ kind: 'none' });
  const about = { ticketId: current?.id ?? null };

  const act = (action: CounterAction, states: Record<CounterAction, ActionState>) => {
    const state = states[action];
    if (!state.enabled) {
      if (state.reason !== 'busy') commands.say({ kind: 'warn', text: t.blocked[state.reason] });
      return;
    }
    switch (action) {
      case 'next':
        return void commands.run('ticket:call-next', { counterId }, about);
      case 'recall':
        return void commands.run('ticket:recall', { counterId }, about).then((ack) => {
          if (ack && !ack.ok && ack.error.code === 'RECALL_LIMIT') setRecallRefusedFor(about.ticketId);
        });
      case 'start':
        return void commands.run('ticket:start', { counterId }, about);
      case 'skip':
        return void commands.run('ticket:skip', { counterId }, about);
      case 'finish':
        return void commands.run('ticket:finish', { counterId }, about);
      case 'transfer':
        return setOpen({ kind: 'transfer' });
      case 'call-specific':
        return setOpen({ kind: 'call', initial: '' });
      case 'pause-toggle':
        return counter.status === 'paused' ? void commands.run('counter:resume', { counterId }) : setOpen({ kind: 'pause' });
    }
  };

  return {
    open,
    setOpen,
    close,
    recallRefusedFor,
    act,
    async callTicket(ticket: TicketView) {
      await commands.run('ticket:call-specific', { counterId, ticketId: ticket.id }, { ticketId: ticket.id });
      close();
    },
    async transfer(target: TransferTarget, note: string | null) {
      if (current) await commands.run('ticket:transfer', { counterId, ...target, note }, { ticketId: current.id });
      close();
    },
    async pause(reason: string) {
      await commands.run('counter:pause', { counterId, reason });
      close();
    },
    /** With a citizen still at the counter, finish them first: the hub never closes a busy counter. */
    async closeCounter() {
      if (current && (current.state === 'called' || current.state === 'serving')) {
        const finished = await commands.run('ticket:finish', { counterId }, { ticketId: current.id });
        if (!finished?.ok) return close();
      }
      const ack = await commands.run('counter:close', { counterId });
      close();
      if (ack?.ok) deps.onLeave();
    },
    /** "Tiếp nhận hồ sơ" (F10): opens for the ticket being served, or says why not. */
    openDossier(state: ActionState) {
      if (state.enabled) return setOpen({ kind: 'dossier' });
      if (state.reason !== 'busy') commands.say({ kind: 'warn', text: t.blocked[state.reason] });
    },
    async reopen() {
      await commands.run('counter:open', { counterId });
    },
  };
}

export type DeskActions = ReturnType<typeof useDeskActions>;
