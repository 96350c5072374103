import type { HallView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { refusalText } from '../state/refusal-text.js';
import type { ConsoleCommands } from '../state/use-console-commands.js';

/**
 * The console's one message line: the hub's refusal and what to do now (worded against the live
 * view, so it names where a ticket went), or a short confirmation. It stays until the next action
 * or until the officer closes it: nothing disappears before a slow reader has read it.
 */
export function MessageLine(props: { t: ConsoleTexts; language: Language; view: HallView; commands: ConsoleCommands }) {
  const { t, commands } = props;
  const m = commands.message;
  if (!m) return null;
  const text = m.kind === 'refused' ? refusalText(m.error, t, props.language, props.view, m.ticketId) : m.text;
  const tone = m.kind === 'refused' ? 'error' : m.kind;
  return (
    <div class={`message-line message-line--${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
      <span class="message-text" data-testid="console-message">
        {text}
      </span>
      <button type="button" class="message-close" onClick={() => commands.say(null)} aria-label={t.dismiss}>
        ×
      </button>
    </div>
  );
}
