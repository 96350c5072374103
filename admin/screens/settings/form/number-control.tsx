import { useFormEnv } from './form-env.js';
import type { SchemaNode } from './schema-node.js';

/** What the number must be, in words: "Số nguyên từ 1 đến 999". */
export function numberHint(node: SchemaNode, integer: boolean): string {
  const what = integer ? 'Số nguyên' : 'Số';
  const { minimum: min, maximum: max } = node;
  if (min !== undefined && max !== undefined) return `${what} từ ${min} đến ${max}.`;
  if (min !== undefined) return `${what} từ ${min} trở lên.`;
  if (max !== undefined) return `${what} không quá ${max}.`;
  return `${what}.`;
}

export function fitsNumber(node: SchemaNode, integer: boolean, value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (integer && !Number.isInteger(value)) return false;
  return (node.minimum === undefined || value >= node.minimum) && (node.maximum === undefined || value <= node.maximum);
}

/**
 * A number setting with its bounds. What cannot be read as a number is kept as typed, so the hub's
 * refusal names the field instead of the page quietly dropping the edit.
 */
export function NumberControl(props: {
  node: SchemaNode;
  pointer: string;
  value: unknown;
  id: string;
  integer: boolean;
  label?: string | undefined;
  compact?: boolean | undefined;
}) {
  const env = useFormEnv();
  const { node, integer } = props;
  const fits = fitsNumber(node, integer, props.value);
  const onInput = (e: Event) => {
    const raw = (e.currentTarget as HTMLInputElement).value;
    const n = Number(raw);
    env.change(props.pointer, raw.trim() === '' || !Number.isFinite(n) ? raw : n);
  };
  return (
    <>
      <input
        class="number-input"
        type="number"
        id={props.id}
        value={typeof props.value === 'number' ? String(props.value) : String(props.value ?? '')}
        min={node.minimum}
        max={node.maximum}
        step={integer ? 1 : 0.1}
        readOnly={env.readOnly}
        aria-label={props.label}
        aria-invalid={!fits}
        aria-describedby={`${props.id}-hint ${props.id}-help ${props.id}-errors`}
        onInput={onInput}
      />
      {(!fits || (!props.compact && !env.readOnly)) && (
        <p class={fits ? 'hint' : 'hint hint--wrong'} id={`${props.id}-hint`}>
          {numberHint(node, integer)}
        </p>
      )}
    </>
  );
}
