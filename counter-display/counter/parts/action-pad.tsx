import { ACTION_KEYS, COUNTER_ACTIONS, type CounterAction } from '../../../common/contract/counter-actions.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { ActionState } from '../state/action-states.js';

/**
 * The counter's buttons, each with its key beside it, in the order of the keys (F1 to F9), so the
 * screen teaches the keyboard. A button that cannot apply now is greyed and its tooltip says why.
 */
export function ActionPad(props: {
  t: ConsoleTexts;
  states: Record<CounterAction, ActionState>;
  paused: boolean;
  busy: boolean;
  recallsLine: string | null;
  onAction: (action: CounterAction) => void;
}) {
  const { t } = props;
  return (
    <div class="action-pad" role="group" aria-label={t.appTitle}>
      {COUNTER_ACTIONS.map((action) => {
        const state = props.states[action];
        const keys = ACTION_KEYS[action];
        const label = action === 'pause-toggle' && props.paused ? t.resume : t.actions[action];
        return (
          <button
            key={action}
            type="button"
            class={`action action--${action}${action === 'next' ? ' action--primary' : ''}`}
            disabled={!state.enabled}
            aria-keyshortcuts={keys[0]}
            aria-busy={props.busy}
            title={state.enabled ? undefined : t.blocked[state.reason]}
            onClick={() => props.onAction(action)}
            data-testid={`action-${action}`}
          >
            <span class="action-label">{label}</span>
            <span class="action-foot" aria-hidden="true">
              <kbd class="action-key">{keys[0]}</kbd>
              {action === 'recall' && props.recallsLine && <span class="action-sub">{props.recallsLine}</span>}
            </span>
          </button>
        );
      })}
    </div>
  );
}
