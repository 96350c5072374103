import type { ComponentChildren } from 'preact';

/**
 * A labelled field of the dossier form with the one line under it: the problem (red, read out
 * when it appears) or a hint. The input gets the line as its description, so a screen reader
 * says why it is wrong when the focus comes back to it.
 */
export function DossierField(props: {
  id: string;
  label: string;
  optional?: string;
  wide?: boolean;
  problem: string | null;
  hint?: string | null;
  hintTone?: 'ok' | 'plain';
  children: (describedBy: string | undefined) => ComponentChildren;
}) {
  const noteId = `${props.id}-note`;
  const note = props.problem ?? props.hint ?? null;
  return (
    <div class={`dossier-field${props.wide ? ' dossier-field--wide' : ''}${props.problem ? ' dossier-field--bad' : ''}`}>
      <label for={props.id} class="dossier-label">
        {props.label}
        {props.optional && <span class="dossier-optional"> {props.optional}</span>}
      </label>
      {props.children(note ? noteId : undefined)}
      <FieldNote id={noteId} problem={props.problem} hint={props.hint ?? null} tone={props.hintTone ?? 'plain'} />
    </div>
  );
}

/** The problem or the hint under a field; the space is kept so the form does not jump as it changes. */
export function FieldNote(props: { id: string; problem: string | null; hint: string | null; tone?: 'ok' | 'plain' }) {
  if (props.problem)
    return (
      <p id={props.id} class="dossier-note dossier-note--bad" role="alert">
        {props.problem}
      </p>
    );
  return (
    <p id={props.id} class={`dossier-note${props.tone === 'ok' ? ' dossier-note--ok' : ''}`} aria-live="polite">
      {props.hint ?? ''}
    </p>
  );
}
