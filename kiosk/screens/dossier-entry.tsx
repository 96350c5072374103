import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', '-', 'H', 'A', 'B', 'C', 'D', 'E', 'G', 'K', 'X'];

/**
 * Scanning is the easy path; typing is the fallback for a crumpled receipt. The keys are the ones a
 * dossier code uses (digits, dot, dash, the agency letter), big, with a visible example to copy.
 */
export function DossierEntryScreen(props: {
  t: KioskTexts;
  typed: string;
  onType: (next: string) => void;
  onSubmit: () => void;
}) {
  const { t, typed } = props;
  return (
    <div class="dossier-entry">
      <h1 class="question">{t.scanPrompt}</h1>
      <p class="welcome-hint">{t.orType}</p>
      <output class="code-field" data-testid="dossier-typed" aria-live="polite">
        {typed || <span class="code-placeholder">000.00.00.H38-250702-0001</span>}
      </output>
      <div class="keypad">
        {KEYS.map((k) => (
          <button key={k} class="key" onClick={() => props.onType((typed + k).slice(0, 32))}>
            {k}
          </button>
        ))}
        <button class="key key--wide" onClick={() => props.onType(typed.slice(0, -1))} data-testid="key-erase">
          ⌫ {t.erase}
        </button>
      </div>
      <button class="key-submit" disabled={typed.length === 0} onClick={props.onSubmit} data-testid="dossier-submit">
        {t.lookUp}
      </button>
    </div>
  );
}
