import type { ComponentChildren } from 'preact';
import './big-button.css';

/** A touch target no smaller than --target, with a title and an optional line of help under it. */
export function BigButton(props: {
  title: ComponentChildren;
  hint?: ComponentChildren;
  aside?: ComponentChildren;
  tone?: 'primary' | 'plain' | 'priority';
  disabled?: boolean;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <button
      class={`big-button big-button--${props.tone ?? 'plain'}`}
      disabled={props.disabled}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      <span class="big-button-text">
        <span class="big-button-title">{props.title}</span>
        {props.hint && <span class="big-button-hint">{props.hint}</span>}
      </span>
      {props.aside && <span class="big-button-aside">{props.aside}</span>}
    </button>
  );
}
