import { useEffect, useState } from 'preact/hooks';
import type { Procedure } from '../../../common/catalogue/procedure-schema.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { catalogueWorkingDays, processingTimeText } from '../state/dossier-checklist.js';
import { useProcedureSearch, type ProcedureLoad } from '../state/dossier-catalogue.js';
import { daysNumber } from '../state/dossier-format.js';
import { fieldId } from '../state/dossier-form.js';
import type { DossierTexts } from '../state/dossier-text.js';
import { FieldNote } from './dossier-field.js';

/**
 * Step 1, the procedure: the one chosen (at first the citizen's choice at the kiosk) and a search
 * of the catalogue under it. The results answer the keyboard as a list box: ↑ ↓ move, Enter takes
 * the highlighted one, Esc clears the search. With nothing typed, Enter goes on to step 2.
 */
export function DossierProcedureStep(props: {
  t: DossierTexts;
  language: Language;
  token: string;
  kioskCode: string | null;
  load: ProcedureLoad;
  problem: string | null;
  onChoose: (code: string) => void;
  onRetry: () => void;
}) {
  const { t, load } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useProcedureSearch(props.token, query);
  const typed = query.trim().length >= 2;
  const answered = typed && search.query === query && !search.pending;
  const items = answered ? search.items : [];
  useEffect(() => setActive(0), [search.items]);

  const choose = (code: string) => {
    props.onChoose(code);
    setQuery('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (items.length === 0) return;
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (e.key === 'Enter' && query.trim()) {
      // With words typed, Enter takes a result, never goes on with the old choice behind them.
      e.preventDefault();
      const item = items[Math.min(active, items.length - 1)];
      if (item) choose(item.code);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
    }
  };

  const inputId = fieldId('procedure');
  const listId = `${inputId}-results`;
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div class="dossier-step dossier-procedure">
      <section class="dossier-chosen" aria-live="polite" data-testid="dossier-chosen">
        <span class="dossier-label">{t.chosen}</span>
        {load.status === 'none' && <p class="dossier-chosen-none">{t.noProcedure}</p>}
        {load.status === 'loading' && <p>{t.loadingProcedure}</p>}
        {load.status === 'failed' && (
          <p class="dossier-note dossier-note--bad">
            {load.error === 'NOT_FOUND' ? t.notInCatalogue : t.procedureFailed}{' '}
            {load.error !== 'NOT_FOUND' && (
              <button type="button" class="small-button" onClick={props.onRetry}>
                {t.retry}
              </button>
            )}
          </p>
        )}
        {load.status === 'ok' && (
          <>
            <p class="dossier-chosen-name" data-testid="dossier-procedure-name">
              {load.procedure.name}
            </p>
            <p class="dossier-chosen-facts">
              <span>
                {t.code}: <strong>{load.procedure.code}</strong>
              </span>
              {load.procedure.field && (
                <span>
                  {t.field}: <strong>{load.procedure.field}</strong>
                </span>
              )}
              <span>
                {t.time}: <TimeLine t={t} language={props.language} procedure={load.procedure} />
              </span>
              {load.procedure.code === props.kioskCode && <span class="mark mark--targeted">{t.fromKiosk}</span>}
            </p>
          </>
        )}
      </section>
      <div class="dossier-field dossier-field--wide">
        <label for={inputId} class="dossier-label">
          {t.searchLabel}
        </label>
        <input
          id={inputId}
          class="dossier-input"
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(active) : undefined}
          aria-describedby={`${inputId}-note`}
          autoComplete="off"
          spellcheck={false}
          maxLength={200}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onKeyDown}
          data-autofocus
        />
        <FieldNote
          id={`${inputId}-note`}
          problem={props.problem}
          hint={
            !typed
              ? load.status === 'ok'
                ? t.searchIdle
                : t.searchHint
              : !answered
                ? t.searching
                : search.failed
                  ? t.procedureFailed
                  : items.length === 0
                    ? t.noResults(query.trim())
                    : t.searchHint
          }
        />
      </div>
      <ul id={listId} class="dossier-results" role="listbox" aria-label={t.results} data-testid="dossier-results">
        {items.map((p, i) => (
          <li
            key={p.code}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class={`dossier-result-row${i === active ? ' dossier-result-row--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(p.code)}
            data-testid={`dossier-option-${p.code}`}
          >
            <span class="dossier-result-name">{p.name}</span>
            <span class="dossier-result-meta">
              {p.code}
              {p.field ? ` · ${p.field}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TimeLine(props: { t: DossierTexts; language: Language; procedure: Procedure }) {
  const known = catalogueWorkingDays(props.procedure);
  if (known) return <strong>{props.t.workingDays(daysNumber(known.days, props.language))}</strong>;
  const words = processingTimeText(props.procedure);
  return (
    <>
      {words && <strong>{words}</strong>} ({props.t.timeUnknown})
    </>
  );
}
