import type { Label } from './dashboard-text.js';

/** Vietnamese first; English after it, small and muted, for the colleague who reads English. */
export function Bi(props: { label: Label; class?: string }) {
  return (
    <span class={props.class ? `db-bi ${props.class}` : 'db-bi'}>
      <span class="db-vi">{props.label.vi}</span>
      {props.label.en !== props.label.vi && (
        <span class="db-en" lang="en">
          {props.label.en}
        </span>
      )}
    </span>
  );
}
