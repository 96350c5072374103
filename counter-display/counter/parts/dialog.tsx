import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

let dialogCount = 0;

/**
 * A modal form: its title names it for screen readers, the first field (or button) has the focus,
 * Enter confirms and Escape cancels, so a keyboard-only officer never needs the mouse.
 */
export function Dialog(props: {
  title: string;
  cancelLabel: string;
  submitLabel: string;
  submitDisabled?: boolean;
  onCancel: () => void;
  onSubmit: () => void;
  testId: string;
  wide?: boolean;
  children: ComponentChildren;
}) {
  const form = useRef<HTMLFormElement>(null);
  const titleId = useRef(`dialog-title-${++dialogCount}`).current;
  // Before the first paint, so an Enter pressed the moment the dialog shows goes to the dialog.
  useLayoutEffect(() => {
    const first = form.current?.querySelector<HTMLElement>('[data-autofocus], input:not([type=hidden]), textarea, button');
    first?.focus();
  }, []);
  return (
    <div class="dialog-backdrop">
      <form
        ref={form}
        class={`dialog${props.wide ? ' dialog--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testId}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            props.onCancel();
          }
        }}
      >
        <h2 id={titleId} class="dialog-title">
          {props.title}
        </h2>
        <div class="dialog-body">{props.children}</div>
        <div class="dialog-actions">
          <button type="button" class="wide-button" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
          <button type="submit" class="wide-button wide-button--primary" disabled={props.submitDisabled}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
