import { matchesPattern, patternHint } from '../../../i18n/pattern-hints.js';
import { useFormEnv } from './form-env.js';
import type { SchemaNode } from './schema-node.js';

/**
 * A text setting. The shape it must have is said under it, and turns to a warning while what is
 * typed does not fit; the hub still decides on save (the page never refuses for it).
 */
export function TextControl(props: {
  node: SchemaNode;
  pointer: string;
  value: unknown;
  id: string;
  label?: string | undefined;
  /** In a table cell: the shape is said only when what is typed does not fit it. */
  compact?: boolean | undefined;
}) {
  const env = useFormEnv();
  const { node } = props;
  const text = typeof props.value === 'string' ? props.value : props.value === undefined ? '' : String(props.value);
  const hint = patternHint(node.pattern);
  const misfit = node.pattern !== undefined && !matchesPattern(node.pattern, text);
  const tooLong = node.maxLength !== undefined && text.length > node.maxLength;
  // "Not blank" needs no words until it is blank.
  // Read-only, the shape is no help: only a value that does not fit is pointed out.
  const showHint = hint !== null && (misfit || (node.pattern !== '\\S' && !props.compact && !env.readOnly));
  const onInput = (e: Event) => env.change(props.pointer, (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
  const common = {
    id: props.id,
    value: text,
    readOnly: env.readOnly,
    spellcheck: false,
    'aria-label': props.label,
    'aria-invalid': misfit || tooLong,
    'aria-describedby': `${props.id}-hint ${props.id}-help ${props.id}-errors`,
    onInput,
  };
  return (
    <>
      {(node.maxLength ?? 0) >= 300 ? (
        <textarea class="text-input text-input--long" rows={3} {...common} />
      ) : (
        <input class="text-input" type="text" autoComplete="off" {...common} />
      )}
      {showHint && (
        <p class={misfit ? 'hint hint--wrong' : 'hint'} id={`${props.id}-hint`}>
          {hint}
        </p>
      )}
      {tooLong && (
        <p class="hint hint--wrong" id={`${props.id}-hint`}>
          Dài quá {node.maxLength} ký tự.
        </p>
      )}
    </>
  );
}
