import { useState } from 'preact/hooks';
import type { ChecklistRow } from '../state/dossier-checklist.js';
import { fieldId } from '../state/dossier-form.js';
import type { DossierTexts } from '../state/dossier-text.js';

/**
 * One line of the documents checklist: the tick, the name (three lines at most; the whole name in
 * its tooltip and on the receipt), bản chính and bản sao, and for a line added by hand, "Bỏ".
 */
export function DocumentLine(props: {
  t: DossierTexts;
  row: Extract<ChecklistRow, { kind: 'document' }>;
  first: boolean;
  problem: string | null;
  onChange: (change: Partial<{ ticked: boolean; originals: string; copies: string }>) => void;
  onRemove: () => void;
}) {
  const { t, row } = props;
  const id = fieldId(`doc:${row.key}`);
  const short = row.name.length > 60 ? `${row.name.slice(0, 60)}…` : row.name;
  const count = (which: 'originals' | 'copies') => (
    <input
      id={`${id}-${which}`}
      class="dossier-input dossier-input--count"
      inputMode="numeric"
      maxLength={2}
      value={row[which]}
      aria-label={`${which === 'originals' ? t.originals : t.copies}: ${short}`}
      aria-describedby={props.problem ? `${id}-note` : undefined}
      onInput={(e) => props.onChange({ [which]: (e.target as HTMLInputElement).value })}
    />
  );
  return (
    <li class={`dossier-doc${row.ticked ? ' dossier-doc--ticked' : ''}${props.problem ? ' dossier-doc--bad' : ''}`}>
      <label class="dossier-doc-tick">
        <input
          type="checkbox"
          id={props.first ? fieldId('documents') : id}
          checked={row.ticked}
          onChange={(e) => props.onChange({ ticked: (e.target as HTMLInputElement).checked })}
        />
        <span class="dossier-doc-name" title={row.name}>
          {row.name}
        </span>
      </label>
      {count('originals')}
      {count('copies')}
      {row.extra ? (
        <button type="button" class="small-button dossier-remove" onClick={props.onRemove} aria-label={t.removeNamed(short)}>
          {t.remove}
        </button>
      ) : (
        <span class="dossier-remove" />
      )}
      {props.problem && (
        <p id={`${id}-note`} class="dossier-note dossier-note--bad dossier-doc-problem" role="alert">
          {props.problem}
        </p>
      )}
    </li>
  );
}

/** A document the catalogue does not list; Enter in its name adds it (not "Tiếp tục"). */
export function ExtraDocument(props: { t: DossierTexts; onAdd: (name: string, originals: string, copies: string) => void }) {
  const { t } = props;
  const [name, setName] = useState('');
  const [originals, setOriginals] = useState('1');
  const [copies, setCopies] = useState('0');
  const add = () => {
    if (!name.trim()) return;
    props.onAdd(name, originals, copies);
    setName('');
  };
  const enterAdds = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !name.trim()) return;
    e.preventDefault();
    add();
  };
  return (
    <div class="dossier-doc dossier-extra">
      <label class="dossier-doc-tick">
        <span class="dossier-label">{t.extraLabel}</span>
        <input
          id="dossier-extra-name"
          class="dossier-input"
          value={name}
          maxLength={500}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
          onKeyDown={enterAdds}
          data-testid="dossier-extra-name"
        />
      </label>
      <input
        class="dossier-input dossier-input--count"
        inputMode="numeric"
        maxLength={2}
        value={originals}
        aria-label={`${t.originals}: ${t.extraLabel}`}
        onInput={(e) => setOriginals((e.target as HTMLInputElement).value)}
        onKeyDown={enterAdds}
      />
      <input
        class="dossier-input dossier-input--count"
        inputMode="numeric"
        maxLength={2}
        value={copies}
        aria-label={`${t.copies}: ${t.extraLabel}`}
        onInput={(e) => setCopies((e.target as HTMLInputElement).value)}
        onKeyDown={enterAdds}
      />
      <button type="button" class="small-button dossier-remove" onClick={add} disabled={!name.trim()}>
        {t.add}
      </button>
    </div>
  );
}
